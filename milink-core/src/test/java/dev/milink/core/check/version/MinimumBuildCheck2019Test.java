// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.version;

import static dev.milink.core.check.version.VersionCheckRun.build;
import static dev.milink.core.check.version.VersionCheckRun.linuxBuild;
import static dev.milink.core.check.version.VersionCheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Status;
import org.junit.jupiter.api.Test;

class MinimumBuildCheck2019Test {

    private final MinimumBuildCheck check = BuildChecks.byId("MIL-V5");

    @Test
    void cu20PassesExactlyAtTheMinimum() {
        Finding f = run(check, build("15.0.4312.2"));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.message()).isEqualTo("SQL Server 2019 CU20 (15.0.4312.2) meets the minimum for the link: "
                + "CU20 (15.0.4312.2).");
    }

    @Test
    void cu18FailsWithMinimumAndLatestKnownCu() {
        Finding f = run(check, build("15.0.4261.1"));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.isBlocking()).isTrue();
        assertThat(f.message()).isEqualTo("SQL Server 2019 CU18 (15.0.4261.1); the link needs CU20 (15.0.4312.2) "
                + "or later; latest known CU32 (15.0.4430.1)");
        assertThat(f.evidence().observed()).isEqualTo("SQL Server 2019 CU18 (15.0.4261.1)");
        assertThat(f.evidence().expected()).isEqualTo("CU20 (15.0.4312.2) or later");
    }

    @Test
    void oneRevisionBelowTheMinimumFails() {
        Finding f = run(check, build("15.0.4312.1"));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).startsWith("SQL Server 2019, build 15.0.4312.1 (between CU19 and CU20); the link "
                + "needs CU20 (15.0.4312.2) or later");
    }

    @Test
    void remediationInstallsTheLatestKnownCuWithItsKbOnWindows() {
        Finding f = run(check, build("15.0.4261.1"));
        assertThat(f.remediation().summary())
                .isEqualTo("Install CU32 (15.0.4430.1, KB5054833) (at least CU20 (15.0.4312.2)).");
        FixStep step = f.remediation().steps().getFirst();
        assertThat(step.phase()).isEqualTo(FixStep.Phase.HOST);
        assertThat(step.appliable()).isFalse();
        assertThat(step.script(ScriptKind.MANUAL).orElseThrow().text())
                .contains("https://support.microsoft.com/help/5054833", "15.0.4430.1");
        assertThat(step.script(ScriptKind.LINUX_SHELL)).isEmpty();
    }

    @Test
    void remediationOnLinuxIsAPackageUpdate() {
        FixStep step = run(check, linuxBuild("15.0.4261.1")).remediation().steps().getFirst();
        assertThat(step.script(ScriptKind.LINUX_SHELL).orElseThrow().text()).contains("mssql-server", "15.0.4430.1");
        assertThat(step.script(ScriptKind.MANUAL)).isEmpty();
    }

    @Test
    void otherMajorVersionsAreSkippedWithTheReason() {
        Finding f = run(check, build("16.0.4135.4"));
        assertThat(f.status()).isEqualTo(Status.SKIPPED);
        assertThat(f.message()).isEqualTo("Applies to SQL Server 2019; this instance is SQL Server 2022.");
    }

    @Test
    void unreadableVersionIsUnknownNeverPass() {
        Finding f = run(check, VersionCheckRun.productUnknown());
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.message()).contains("login failed");
    }
}
