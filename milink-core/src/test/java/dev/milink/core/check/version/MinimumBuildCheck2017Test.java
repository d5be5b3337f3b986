// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.version;

import static dev.milink.core.check.version.VersionCheckRun.build;
import static dev.milink.core.check.version.VersionCheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MinimumBuildCheck2017Test {

    private final MinimumBuildCheck check = BuildChecks.byId("MIL-V6");

    @ParameterizedTest
    @CsvSource({"14.0.3490.10, PASS", "14.0.3495.9, PASS", "14.0.3456.2, FAIL", "14.0.3485.1, FAIL",
        "14.0.1000.169, FAIL"})
    void needsTheAzureConnectPackBuild(String version, Status expected) {
        assertThat(run(check, build(version)).status()).isEqualTo(expected);
    }

    @Test
    void cu31AloneExplainsTheAzureConnectPack() {
        Finding f = run(check, build("14.0.3456.2"));
        assertThat(f.message()).isEqualTo("SQL Server 2017 CU31 (14.0.3456.2); the link needs the Azure Connect "
                + "pack on top of CU31 (14.0.3456.2): CU31 Azure Connect pack (14.0.3490.10) or later");
        assertThat(f.remediation().steps()).singleElement()
                .satisfies(s -> assertThat(s.title()).contains("KB5050533"));
    }

    @Test
    void olderCuInstallsCu31ThenThePack() {
        Finding f = run(check, build("14.0.3421.10"));
        assertThat(f.remediation().summary()).isEqualTo("Install CU31 (14.0.3456.2, KB5016884), then CU31 Azure "
                + "Connect pack (14.0.3490.10, KB5050533).");
        assertThat(f.remediation().steps()).extracting(s -> s.order()).containsExactly(10, 20);
    }
}
