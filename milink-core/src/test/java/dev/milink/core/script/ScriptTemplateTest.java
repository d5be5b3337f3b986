// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates are split into text and placeholders once; every render fills the same placeholders the same way. */
class ScriptTemplateTest {

    @Test
    void fillsPlaceholdersAtTheEdgesSideBySideAndRepeated() {
        ScriptTemplate t = ScriptTemplate.of("t", "{{db:tsql-name}}{{db:tsql-string}} -- {{raw}} {{db:tsql-name}}");
        Map<String, String> values = Map.of("db", "Sales]Q1", "raw", "$x\\1");
        assertThat(t.render(values)).isEqualTo("[Sales]]Q1]N'Sales]Q1' -- $x\\1 [Sales]]Q1]");
        assertThat(t.render(Map.of("db", "O'Brien", "raw", ""))).isEqualTo("[O'Brien]N'O''Brien' --  [O'Brien]");
        assertThat(ScriptTemplate.of("plain", "SELECT 1; -- {not a placeholder}").render())
                .isEqualTo("SELECT 1; -- {not a placeholder}");
        assertThat(ScriptTemplate.of("empty", "").render()).isEmpty();
    }

    @Test
    void aMissingValueOrAnUnknownSyntaxIsAnErrorNamingThePlaceholder() {
        assertThatThrownBy(() -> ScriptTemplate.of("fix/x.sql", "USE {{db:tsql-name}};").render(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("template fix/x.sql needs a value for {{db:tsql-name}}");
        assertThatThrownBy(() -> ScriptTemplate.of("t", "{{db:cobol}}").render(Map.of("db", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown placeholder syntax 'cobol'");
    }
}
