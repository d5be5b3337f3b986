// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptLiteralsTest {

    @Test
    void powershellDoublesStraightAndTypographicSingleQuotes() {
        assertThat(ScriptLiterals.powershell("O'Brien")).isEqualTo("'O''Brien'");
        assertThat(ScriptLiterals.powershell("a\u2018b\u2019c\u201Ad\u201Be")).isEqualTo("'a\u2018\u2018b\u2019\u2019c\u201A\u201Ad\u201B\u201Be'");
        assertThat(ScriptLiterals.powershell("$env:X \"y\"")).isEqualTo("'$env:X \"y\"'");
    }

    @Test
    void posixShellClosesAndReopensAroundAQuote() {
        assertThat(ScriptLiterals.posixShell("/var/opt/it's here")).isEqualTo("'/var/opt/it'\\''s here'");
    }
}
