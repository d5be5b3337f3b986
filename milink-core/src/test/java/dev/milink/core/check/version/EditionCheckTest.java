// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.version;

import static dev.milink.core.check.version.VersionCheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.model.Fact;
import dev.milink.core.testing.TestFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditionCheckTest {

    private final EditionCheck check = new EditionCheck();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Enterprise Edition: Core-based Licensing (64-bit) | 3 | PASS",
        "Developer Edition (64-bit)                        | 3 | PASS",
        "Standard Edition (64-bit)                         | 2 | PASS",
        "Standard Developer Edition (64-bit)               | 2 | PASS",
        "Enterprise Evaluation Edition (64-bit)            | 3 | WARN",
        "Express Edition with Advanced Services (64-bit)   | 4 | FAIL",
        "Web Edition (64-bit)                              | 2 | FAIL",
        "''                                                | 4 | FAIL",
        "''                                                | 2 | PASS"
    })
    void supportedEditions(String edition, int engineEdition, Status expected) {
        var facts = TestFacts.ready().version("16.0.4135.4", edition, engineEdition).build();
        assertThat(run(check, facts).status()).isEqualTo(expected);
    }

    @Test
    void expressFailsWithAnEditionUpgrade() {
        Finding f = run(check, TestFacts.ready().version("15.0.4312.2", "Express Edition (64-bit)", 4).build());
        assertThat(f.isBlocking()).isTrue();
        assertThat(f.message()).isEqualTo("Express Edition (64-bit) doesn't support the link; it needs Enterprise, "
                + "Developer or Standard.");
        assertThat(f.remediation().steps().getFirst().script(ScriptKind.MANUAL).orElseThrow().text())
                .contains("Edition Upgrade");
    }

    @Test
    void evaluationIsAWarningNotABlocker() {
        Finding f = run(check, TestFacts.ready().version("16.0.4135.4", "Enterprise Evaluation Edition (64-bit)", 3)
                .host(Fact.of(VersionCheckRun.UBUNTU)).build());
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.isBlocking()).isFalse();
        assertThat(f.remediation().steps().getFirst().script(ScriptKind.LINUX_SHELL).orElseThrow().text())
                .contains("mssql-conf set-edition");
    }

    @Test
    void unreadableEditionIsUnknown() {
        assertThat(run(check, VersionCheckRun.productUnknown()).status()).isEqualTo(Status.UNKNOWN);
    }
}
