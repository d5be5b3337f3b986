// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.version;

import static dev.milink.core.check.version.VersionCheckRun.build;
import static dev.milink.core.check.version.VersionCheckRun.linuxBuild;
import static dev.milink.core.check.version.VersionCheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.model.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MIL-V1…V7, the one parametrised minimum-build check, on every minimum of the bundled build reference data. */
class MinimumBuildCheckTest {

    @ParameterizedTest(name = "{0} {1} on {2}: {3}")
    @CsvSource({
        // MIL-V1: SQL Server 2025, both directions, from RTM
        "MIL-V1, SQL_TO_MI, 17.0.1000.7, PASS", "MIL-V1, MI_TO_SQL, 17.0.1000.7, PASS",
        "MIL-V1, SQL_TO_MI, 17.0.925.4, FAIL", "MIL-V1, SQL_TO_MI, 16.0.4135.4, SKIPPED",
        // MIL-V2: SQL Server 2022 from SQL Server, from RTM (a release candidate is older)
        "MIL-V2, SQL_TO_MI, 16.0.1000.6, PASS", "MIL-V2, SQL_TO_MI, 16.0.950.9, FAIL",
        // MIL-V3: SQL Server 2022 from the managed instance, CU10
        "MIL-V3, MI_TO_SQL, 16.0.4095.4, PASS", "MIL-V3, MI_TO_SQL, 16.0.4265.3, PASS",
        "MIL-V3, MI_TO_SQL, 16.0.4085.2, FAIL", "MIL-V3, MI_TO_SQL, 16.0.4080.1, FAIL",
        "MIL-V3, MI_TO_SQL, 16.0.1135.2, FAIL",
        // MIL-V4: T-SQL failover, CU13, a warning
        "MIL-V4, SQL_TO_MI, 16.0.4125.3, PASS", "MIL-V4, MI_TO_SQL, 16.0.4125.3, PASS",
        "MIL-V4, SQL_TO_MI, 16.0.4115.5, WARN",
        // MIL-V5: SQL Server 2019 CU20
        "MIL-V5, SQL_TO_MI, 15.0.4312.2, PASS", "MIL-V5, SQL_TO_MI, 15.0.4312.1, FAIL",
        "MIL-V5, SQL_TO_MI, 15.0.4261.1, FAIL", "MIL-V5, SQL_TO_MI, 16.0.4135.4, SKIPPED",
        // MIL-V6: SQL Server 2017 CU31 plus the Azure Connect pack
        "MIL-V6, SQL_TO_MI, 14.0.3490.10, PASS", "MIL-V6, SQL_TO_MI, 14.0.3495.9, PASS",
        "MIL-V6, SQL_TO_MI, 14.0.3456.2, FAIL", "MIL-V6, SQL_TO_MI, 14.0.3485.1, FAIL",
        "MIL-V6, SQL_TO_MI, 14.0.1000.169, FAIL",
        // MIL-V7: SQL Server 2016 SP3 plus the Azure Connect pack
        "MIL-V7, SQL_TO_MI, 13.0.7000.253, PASS", "MIL-V7, SQL_TO_MI, 13.0.7055.9, PASS",
        "MIL-V7, SQL_TO_MI, 13.0.6300.2, FAIL", "MIL-V7, SQL_TO_MI, 13.0.6460.7, FAIL",
        "MIL-V7, SQL_TO_MI, 13.0.5888.11, FAIL"})
    void judgesTheBuildAgainstItsMinimum(String id, Direction direction, String version, Status expected) {
        assertThat(run(BuildChecks.byId(id), build(version), direction).status()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "MIL-V1|17.0.4065.2|SQL Server 2025, build 17.0.4065.2 (newer than the latest known CU6 (17.0.4055.5); the "
            + "reference data may be stale) meets the minimum for the link",
        "MIL-V2|16.0.950.9|SQL Server 2022, build 16.0.950.9 (older than RTM (16.0.1000.6): a pre-release build); the "
            + "link needs RTM (16.0.1000.6) or later",
        "MIL-V2|15.0.4312.2|Applies to SQL Server 2022; this instance is SQL Server 2019.",
        "MIL-V4|16.0.4115.5|SQL Server 2022 CU12 (16.0.4115.5); T-SQL failover (ALTER AVAILABILITY GROUP … FAILOVER) "
            + "needs CU13 (16.0.4125.3) or later; latest known CU26",
        "MIL-V5|15.0.4312.2|SQL Server 2019 CU20 (15.0.4312.2) meets the minimum for the link: CU20 (15.0.4312.2).",
        "MIL-V5|15.0.4261.1|SQL Server 2019 CU18 (15.0.4261.1); the link needs CU20 (15.0.4312.2) or later; latest "
            + "known CU32 (15.0.4430.1)",
        "MIL-V5|15.0.4312.1|SQL Server 2019, build 15.0.4312.1 (between CU19 and CU20); the link needs CU20 "
            + "(15.0.4312.2) or later",
        "MIL-V5|16.0.4135.4|Applies to SQL Server 2019; this instance is SQL Server 2022.",
        "MIL-V6|14.0.3456.2|SQL Server 2017 CU31 (14.0.3456.2); the link needs the Azure Connect pack on top of CU31 "
            + "(14.0.3456.2): CU31 Azure Connect pack (14.0.3490.10) or later",
        "MIL-V7|13.0.6460.7|SQL Server 2016 SP3 + GDR (13.0.6460.7); the link needs the Azure Connect pack on top of "
            + "SP3 (13.0.6300.2): SP3 Azure Connect pack (13.0.7000.253) or later"})
    void messageNamesTheBuildAndTheMinimum(String id, String version, String message) {
        assertThat(run(BuildChecks.byId(id), build(version)).message()).startsWith(message);
    }

    @Test
    void v3RunsOnlyForLinksFromTheManagedInstanceAndNamesCu10() {
        MinimumBuildCheck v3 = BuildChecks.byId("MIL-V3");
        assertThat(v3.metadata().appliesTo(Direction.MI_TO_SQL)).isTrue();
        assertThat(v3.metadata().appliesTo(Direction.SQL_TO_MI)).isFalse();
        assertThat(run(v3, build("16.0.4085.2"), Direction.MI_TO_SQL).message()).isEqualTo("SQL Server 2022 CU9 "
                + "(16.0.4085.2); the link needs CU10 (16.0.4095.4) or later; latest known CU26 (16.0.4265.3)");
    }

    @Test
    void v4MissIsAWarningThatPointsToOtherFailoverMethods() {
        Finding f = run(BuildChecks.byId("MIL-V4"), build("16.0.4115.5"));
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.isBlocking()).isFalse();
        assertThat(f.message()).contains("until then use a failover method from https://learn.microsoft.com/");
    }

    @Test
    void v5FailureIsBlockingWithObservedAndExpected() {
        Finding f = run(BuildChecks.byId("MIL-V5"), build("15.0.4261.1"));
        assertThat(f.isBlocking()).isTrue();
        assertThat(f.evidence().observed()).isEqualTo("SQL Server 2019 CU18 (15.0.4261.1)");
        assertThat(f.evidence().expected()).isEqualTo("CU20 (15.0.4312.2) or later");
    }

    @Test
    void v5RemediationInstallsTheLatestKnownCuWithItsKbOnWindows() {
        Finding f = run(BuildChecks.byId("MIL-V5"), build("15.0.4261.1"));
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
    void v5RemediationOnLinuxIsAPackageUpdate() {
        FixStep step = run(BuildChecks.byId("MIL-V5"), linuxBuild("15.0.4261.1")).remediation().steps().getFirst();
        assertThat(step.script(ScriptKind.LINUX_SHELL).orElseThrow().text()).contains("mssql-server", "15.0.4430.1");
        assertThat(step.script(ScriptKind.MANUAL)).isEmpty();
    }

    @Test
    void v6Cu31AloneInstallsThePackAndAnOlderCuInstallsCu31First() {
        MinimumBuildCheck v6 = BuildChecks.byId("MIL-V6");
        assertThat(run(v6, build("14.0.3456.2")).remediation().steps()).singleElement()
                .satisfies(s -> assertThat(s.title()).contains("KB5050533"));
        Finding older = run(v6, build("14.0.3421.10"));
        assertThat(older.remediation().summary()).isEqualTo("Install CU31 (14.0.3456.2, KB5016884), then CU31 Azure "
                + "Connect pack (14.0.3490.10, KB5050533).");
        assertThat(older.remediation().steps()).extracting(FixStep::order).containsExactly(10, 20);
    }

    @Test
    void v7Sp3SecurityUpdateNeedsThePackAndSp2InstallsSp3FirstWithoutALinuxScript() {
        MinimumBuildCheck v7 = BuildChecks.byId("MIL-V7");
        assertThat(run(v7, build("13.0.6460.7")).remediation().summary())
                .isEqualTo("Install SP3 Azure Connect pack (13.0.7000.253, KB5014242).");
        Finding sp2 = run(v7, build("13.0.5888.11"));
        assertThat(sp2.remediation().steps()).hasSize(2);
        assertThat(sp2.remediation().steps().getFirst().title()).contains("SP3", "KB5003279");
        assertThat(sp2.remediation().steps()).allSatisfy(s -> assertThat(s.script(ScriptKind.LINUX_SHELL)).isEmpty());
    }

    @Test
    void unreadableVersionIsUnknownNeverPass() {
        Finding f = run(BuildChecks.byId("MIL-V5"), VersionCheckRun.productUnknown());
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.message()).contains("login failed");
    }
}
