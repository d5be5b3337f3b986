// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import static dev.milink.core.check.instance.MilInstanceFixture.linux;
import static dev.milink.core.check.instance.MilInstanceFixture.namedInstance;
import static dev.milink.core.check.instance.MilInstanceFixture.one;
import static dev.milink.core.check.instance.MilInstanceFixture.scripts;
import static dev.milink.core.check.instance.MilInstanceFixture.step;
import static dev.milink.core.check.instance.MilInstanceFixture.stepIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Status;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ServerFacts.StartupParameters;
import dev.milink.core.testing.TestFacts;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MilI5I6I7TraceFlagTest {

    private static final TraceFlag1800Check I5 = new TraceFlag1800Check();
    private static final TraceFlag9567Check I6 = new TraceFlag9567Check();
    private static final RestartPendingCheck I7 = new RestartPendingCheck();

    private static Fact<StartupParameters> registry(String... args) {
        return Fact.of(new StartupParameters(List.of(args), "registry"));
    }

    private static Fact<StartupParameters> errorLog(String... args) {
        return Fact.of(new StartupParameters(List.of(args), "errorlog"));
    }

    @Test
    void onAndPersistedPasses() {
        Finding f = one(I5, TestFacts.ready().build());
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.evidence().observed()).contains("running: on", "(registry)", "-T1800 present");
        assertThat(one(I6, TestFacts.ready().build()).status()).isEqualTo(Status.PASS);
    }

    @Test
    void onButNotPersistedWarnsWithThePersistenceFixOnly() {
        Finding f = one(I5, TestFacts.ready().startupParameters(registry("-dC:\\m.mdf", "-T9567")).build());
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("on now", "next restart turns it off");
        assertThat(stepIds(f)).containsExactly("MIL-I5/sql01.contoso.local/startup-trace-flag-1800",
                "MIL-I7/sql01.contoso.local/restart");
        FixStep persist = step(f, "startup-trace-flag-1800");
        assertThat(persist.restartRequired()).isTrue();
        assertThat(persist.appliable()).isFalse();
        assertThat(persist.phase()).isEqualTo(FixStep.Phase.HOST);
        assertThat(scripts(f, ScriptKind.WINDOWS_POWERSHELL))
                .contains("$argument = '-T1800'", "MSSQLServer\\Parameters", "SQLArg$next", "-ieq $argument",
                        "$instanceName = 'MSSQLSERVER'", "Restart-Service -Name $service -Force");
        assertThat(scripts(f, ScriptKind.CONFIGURATION_MANAGER)).contains("Startup Parameters", "-T1800",
                "SQL Server (MSSQLSERVER)");
        assertThat(scripts(f, ScriptKind.LINUX_SHELL)).isEmpty();
        assertThat(scripts(f, ScriptKind.TSQL)).isEmpty();
    }

    @Test
    void persistedButNotRunningPointsToTheRestart() {
        Finding f = one(I6, TestFacts.ready().runningTraceFlags(Fact.of(Set.of(1800))).build());
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("restart is pending", "MIL-I7");
        assertThat(f.remediation().steps()).singleElement().satisfies(s -> {
            assertThat(s.appliable()).isTrue();
            assertThat(s.restartRequired()).isFalse();
            assertThat(s.script(ScriptKind.TSQL).orElseThrow().text()).contains("DBCC TRACEON(9567, -1);");
        });
    }

    @Test
    void neitherWarnsWithBothFixes() {
        Finding f = one(I5, TestFacts.ready().runningTraceFlags(Fact.of(Set.of()))
                .startupParameters(registry("-dC:\\m.mdf")).build());
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("neither on nor a startup parameter");
        assertThat(stepIds(f)).hasSize(3);
        assertThat(step(f, "trace-on-1800").appliable()).isTrue();
        assertThat(scripts(f, ScriptKind.TSQL)).contains("DBCC TRACEON(1800, -1);");
    }

    @Test
    void linuxRemediationUsesMssqlConfAndSystemctl() {
        Finding f = one(I5, linux().runningTraceFlags(Fact.of(Set.of())).startupParameters(errorLog()).build());
        assertThat(scripts(f, ScriptKind.LINUX_SHELL))
                .contains("sudo /opt/mssql/bin/mssql-conf traceflag 1800 on", "sudo systemctl restart mssql-server");
        assertThat(scripts(f, ScriptKind.WINDOWS_POWERSHELL)).isEmpty();
        assertThat(scripts(f, ScriptKind.CONFIGURATION_MANAGER)).isEmpty();
    }

    @Test
    void linuxErrorLogSourceExplainsItShowsTheLastStart() {
        Finding f = one(I5, linux().startupParameters(errorLog("-T9567")).build());
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("error log of the last start");
    }

    @Test
    void unknownStartupParametersWhileOnIsUnknownWithHowToVerify() {
        Finding f = one(I5, linux().startupParameters(Fact.unknown("no startup lines in the error log")).build());
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.message()).contains("no startup lines in the error log",
                "sudo /opt/mssql/bin/mssql-conf get traceflag", "cat /var/opt/mssql/mssql.conf");
        Finding windows = one(I5, TestFacts.ready().startupParameters(Fact.unknown("permission denied")).build());
        assertThat(windows.message()).contains("sys.dm_server_registry").doesNotContain("mssql-conf");
    }

    @Test
    void unknownStartupParametersWhileOffStillWarns() {
        Finding f = one(I6, TestFacts.ready().runningTraceFlags(Fact.of(Set.of(1800)))
                .startupParameters(Fact.unknown("permission denied")).build());
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("off", "permission denied");
        assertThat(stepIds(f)).hasSize(3);
    }

    @Test
    void bothUnknownIsUnknownNeverPass() {
        Finding f = one(I5, TestFacts.ready().runningTraceFlags(Fact.unknown("DBCC denied"))
                .startupParameters(Fact.unknown("registry denied")).build());
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.message()).contains("DBCC denied", "registry denied");
        Finding persistedOnly = one(I5, TestFacts.ready().runningTraceFlags(Fact.unknown("DBCC denied")).build());
        assertThat(persistedOnly.status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void namedInstanceScriptsQuotePowerShellLiterals() {
        Finding f = one(I5, namedInstance("SQL01", "O'Brien ‘x’").startupParameters(registry()).build());
        assertThat(scripts(f, ScriptKind.WINDOWS_POWERSHELL))
                .contains("$instanceName = 'O''Brien ‘‘x’’'", "$service = 'MSSQL$O''Brien ‘‘x’’'",
                        "$agentService = 'SQLAgent$O''Brien ‘‘x’’'");
    }

    @Test
    void restartPendingPassesWhenPersistedFlagsRun() {
        Finding f = one(I7, TestFacts.ready().build());
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.evidence().observed()).contains("startup trace flags: 1800, 9567", "instance started");
    }

    @Test
    void restartPendingWarnsWithOneSharedRestartStep() {
        Finding f = one(I7, TestFacts.ready().runningTraceFlags(Fact.of(Set.of(9567))).build());
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("1800", "not been restarted");
        assertThat(stepIds(f)).containsExactly("MIL-I7/sql01.contoso.local/restart");
        FixStep restart = f.remediation().steps().getFirst();
        assertThat(restart.restartRequired()).isTrue();
        assertThat(restart.order()).isGreaterThan(Fixes.HOST_HADR);
        Finding i5 = one(I5, TestFacts.ready().startupParameters(registry()).build());
        assertThat(stepIds(i5)).contains(restart.id());
    }

    @Test
    void restartPendingCannotBeSeenFromTheLinuxErrorLog() {
        Finding f = one(I7, linux().startupParameters(errorLog("-T1800")).build());
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.message()).contains("mssql.conf", "DBCC TRACESTATUS(-1)");
        assertThat(one(I7, TestFacts.ready().startupParameters(Fact.unknown("denied")).build()).status())
                .isEqualTo(Status.UNKNOWN);
        assertThat(one(I7, TestFacts.ready().runningTraceFlags(Fact.unknown("denied")).build()).status())
                .isEqualTo(Status.UNKNOWN);
    }
}
