// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.version;

import static dev.milink.core.check.version.VersionCheckRun.build;
import static dev.milink.core.check.version.VersionCheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MinimumBuildCheck2016Test {

    private final MinimumBuildCheck check = BuildChecks.byId("MIL-V7");

    @ParameterizedTest
    @CsvSource({"13.0.7000.253, PASS", "13.0.7055.9, PASS", "13.0.6300.2, FAIL", "13.0.6460.7, FAIL",
        "13.0.5888.11, FAIL"})
    void needsSp3PlusTheAzureConnectPack(String version, Status expected) {
        assertThat(run(check, build(version)).status()).isEqualTo(expected);
    }

    @Test
    void sp3SecurityUpdateIsNotEnough() {
        Finding f = run(check, build("13.0.6460.7"));
        assertThat(f.message()).isEqualTo("SQL Server 2016 SP3 + GDR (13.0.6460.7); the link needs the Azure Connect "
                + "pack on top of SP3 (13.0.6300.2): SP3 Azure Connect pack (13.0.7000.253) or later");
        assertThat(f.remediation().summary()).isEqualTo("Install SP3 Azure Connect pack (13.0.7000.253, KB5014242).");
    }

    @Test
    void sp2InstallsSp3FirstAndOffersNoLinuxScript() {
        Finding f = run(check, build("13.0.5888.11"));
        assertThat(f.remediation().steps()).hasSize(2);
        assertThat(f.remediation().steps().getFirst().title()).contains("SP3", "KB5003279");
        assertThat(f.remediation().steps()).allSatisfy(s -> assertThat(s.script(ScriptKind.LINUX_SHELL)).isEmpty());
    }
}
