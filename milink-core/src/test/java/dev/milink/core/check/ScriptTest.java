// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.script.ScriptTemplate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A lazy script renders on first use, once, and is then the same value as a script made from its text. */
class ScriptTest {

    @Test
    void aLazyScriptRendersOnFirstUseOnceAndEqualsTheEagerOne() {
        AtomicInteger renders = new AtomicInteger();
        ScriptTemplate t = ScriptTemplate.of("t", "ALTER DATABASE {{db:tsql-name}} SET RECOVERY FULL;");
        Script lazy = Script.lazy(ScriptKind.TSQL, () -> {
            renders.incrementAndGet();
            return t.render(Map.of("db", "Sales]Q1"));
        });
        assertThat(lazy.kind()).isEqualTo(ScriptKind.TSQL);
        assertThat(renders).hasValue(0);

        Script eager = new Script(ScriptKind.TSQL, "ALTER DATABASE [Sales]]Q1] SET RECOVERY FULL;");
        assertThat(lazy.text()).isEqualTo(eager.text());
        assertThat(lazy).isEqualTo(eager).hasSameHashCodeAs(eager).hasToString(eager.toString());
        assertThat(lazy.text()).isSameAs(lazy.text());
        assertThat(renders).hasValue(1);
        assertThat(eager).isNotEqualTo(new Script(ScriptKind.MANUAL, eager.text()));
        assertThat(eager.toString()).isEqualTo("Script[kind=TSQL, text=ALTER DATABASE [Sales]]Q1] SET RECOVERY FULL;]");
    }
}
