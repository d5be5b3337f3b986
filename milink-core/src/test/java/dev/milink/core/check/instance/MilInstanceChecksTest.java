// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import static dev.milink.core.check.instance.MilInstanceFixture.CONTEXT;
import static dev.milink.core.check.instance.MilInstanceFixture.linux;
import static dev.milink.core.check.instance.MilInstanceFixture.namedInstance;
import static dev.milink.core.check.instance.MilInstanceFixture.one;
import static dev.milink.core.check.instance.MilInstanceFixture.scripts;
import static dev.milink.core.check.instance.MilInstanceFixture.stepIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Check;
import dev.milink.core.check.Finding;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Scope;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ServerFacts.AvailabilityGroup;
import dev.milink.core.model.ServerFacts.MirroringEndpoint;
import dev.milink.core.model.ServerFacts.ServiceInfo;
import dev.milink.core.model.ServerFacts.Wsfc;
import dev.milink.core.testing.CheckIds;
import dev.milink.core.testing.TestFacts;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MilInstanceChecksTest {

    @Test
    void catalogListsI1ToI17InRowOrderAsFinalClassesWithMetadata() {
        // I10 compares both ends, so it lives with the Azure checks (AzureChecks.ALL)
        assertThat(CheckIds.of(InstanceChecks.ALL)).containsExactlyElementsOf(CheckIds.numbered("MIL-I", 1, 17,
                i -> i == 10));
        for (Check c : InstanceChecks.ALL) {
            assertThat(Modifier.isFinal(c.getClass().getModifiers())).as(c.getClass().getName()).isTrue();
            assertThat(c.metadata().scope()).isEqualTo(Scope.INSTANCE);
            assertThat(c.metadata().specRefs()).containsExactly(c.metadata().id().substring(4));
            assertThat(c.metadata().docsUrl()).startsWith("https://learn.microsoft.com/");
            assertThat(c.metadata().since()).isEqualTo("0.1.0");
            assertThat(c.metadata().rationale()).hasSizeGreaterThan(100);
        }
    }

    @Test
    void readyFactsRaiseNoFailOrWarn() {
        for (Check c : InstanceChecks.ALL) {
            for (Finding f : c.evaluate(TestFacts.ready().miFqdn(TestFacts.MI_FQDN).build(), CONTEXT)) {
                assertThat(f.status()).as(f.checkId() + ": " + f.message()).isIn(Status.PASS, Status.SKIPPED);
            }
        }
    }

    @Test
    void sysadmin() {
        SysadminCheck i1 = new SysadminCheck();
        assertThat(one(i1, TestFacts.ready().build()).status()).isEqualTo(Status.PASS);
        Finding fail = one(i1, TestFacts.ready().sysadmin(Fact.of(false)).build());
        assertThat(fail.status()).isEqualTo(Status.FAIL);
        assertThat(fail.isBlocking()).isTrue();
        assertThat(scripts(fail, ScriptKind.MANUAL)).contains("ALTER SERVER ROLE [sysadmin] ADD MEMBER");
        assertThat(one(i1, TestFacts.ready().sysadmin(Fact.unknown("x")).build()).status())
                .isEqualTo(Status.UNKNOWN);
    }

    @Test
    void hadrOnWindowsAndLinux() {
        HadrCheck i3 = new HadrCheck();
        assertThat(one(i3, TestFacts.ready().build()).status()).isEqualTo(Status.PASS);
        Finding windows = one(i3, namedInstance("SQL01", "SALES").hadr(Fact.of(false)).build());
        assertThat(windows.status()).isEqualTo(Status.FAIL);
        assertThat(scripts(windows, ScriptKind.WINDOWS_POWERSHELL))
                .contains("Enable-SqlAlwaysOn -ServerInstance 'SQL01\\SALES' -NoServiceRestart -Force",
                        "Restart-Service -Name $service -Force", "$service = 'MSSQL$SALES'");
        assertThat(scripts(windows, ScriptKind.CONFIGURATION_MANAGER)).contains("Always On Availability Groups");
        assertThat(scripts(windows, ScriptKind.LINUX_SHELL)).isEmpty();
        Finding onLinux = one(i3, linux().hadr(Fact.of(false)).build());
        assertThat(scripts(onLinux, ScriptKind.LINUX_SHELL)).contains(
                "sudo /opt/mssql/bin/mssql-conf set hadr.hadrenabled 1", "sudo systemctl restart mssql-server");
        assertThat(onLinux.remediation().steps()).allSatisfy(s -> assertThat(s.restartRequired()).isTrue());
        Finding sql2016 = one(i3, TestFacts.ready().version("13.0.7000.253", "Enterprise Edition", 3)
                .hadr(Fact.of(false)).build());
        assertThat(sql2016.message()).contains("Failover Cluster", "MIL-I4");
        assertThat(one(i3, TestFacts.ready().hadr(Fact.unknown("x")).build()).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void sql2016ClusterOnlyFor13x() {
        Sql2016ClusterCheck i4 = new Sql2016ClusterCheck();
        Finding skipped = one(i4, TestFacts.ready().build());
        assertThat(skipped.status()).isEqualTo(Status.SKIPPED);
        assertThat(skipped.message()).contains("16.0.4135.4");
        Finding fail = one(i4, TestFacts.ready().version("13.0.7000.253", "Enterprise Edition", 3)
                .systemAccountPermissions(Fact.of(Set.of("connect sql"))).build());
        assertThat(fail.status()).isEqualTo(Status.FAIL);
        assertThat(fail.message()).contains("not a Windows Server Failover Cluster node",
                "ALTER ANY AVAILABILITY GROUP, VIEW SERVER STATE");
        assertThat(stepIds(fail)).containsExactly("MIL-I4/sql01.contoso.local/create-cluster",
                "MIL-I4/sql01.contoso.local/grant-system");
        assertThat(scripts(fail, ScriptKind.WINDOWS_POWERSHELL)).contains("New-Cluster",
                "-AdministrativeAccessPoint None");
        assertThat(scripts(fail, ScriptKind.TSQL)).contains("GRANT ALTER ANY AVAILABILITY GROUP TO "
                + "[NT AUTHORITY\\SYSTEM];");
        Finding pass = one(i4, TestFacts.ready().version("13.0.7000.253", "Enterprise Edition", 3)
                .wsfc(Fact.of(new Wsfc("MILINK-WSFC"))).systemAccountPermissions(Fact.of(Set.of(
                        "ALTER ANY AVAILABILITY GROUP", "CONNECT SQL", "VIEW SERVER STATE"))).build());
        assertThat(pass.status()).isEqualTo(Status.PASS);
        Finding unknown = one(i4, TestFacts.ready().version("13.0.7000.253", "Enterprise Edition", 3)
                .wsfc(Fact.of(new Wsfc("C"))).systemAccountPermissions(Fact.unknown("denied")).build());
        assertThat(unknown.status()).isEqualTo(Status.UNKNOWN);
        assertThat(unknown.message()).contains("denied");
    }

    @Test
    void agentRunningStoppedAndLinuxCaveat() {
        AgentRunningCheck i14 = new AgentRunningCheck();
        assertThat(one(i14, TestFacts.ready().build()).status()).isEqualTo(Status.PASS);
        List<ServiceInfo> stopped = List.of(new ServiceInfo("SQL Server (MSSQLSERVER)", "Running", "Automatic"),
                new ServiceInfo("SQL Server Agent (MSSQLSERVER)", "Stopped", "Manual"));
        Finding f = one(i14, TestFacts.ready().services(Fact.of(stopped)).build());
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(scripts(f, ScriptKind.WINDOWS_POWERSHELL)).contains("Start-Service -Name 'SQLSERVERAGENT'");
        Finding onLinux = one(i14, linux().services(Fact.of(stopped)).build());
        assertThat(onLinux.message()).contains("cannot run PowerShell job steps");
        assertThat(scripts(onLinux, ScriptKind.LINUX_SHELL)).contains("mssql-conf set sqlagent.enabled true");
        assertThat(one(i14, TestFacts.ready().services(Fact.of(stopped.subList(0, 1))).build()).status())
                .isEqualTo(Status.UNKNOWN);
    }

    @Test
    void agentJobPermissionReportsBothSides() {
        AgentJobPermissionCheck i15 = new AgentJobPermissionCheck();
        List<Finding> ready = i15.evaluate(TestFacts.ready().build(), CONTEXT);
        assertThat(ready).extracting(Finding::status).containsExactly(Status.PASS, Status.SKIPPED);
        List<Finding> notSysadmin = i15.evaluate(TestFacts.ready().sysadmin(Fact.of(false)).build(), CONTEXT);
        assertThat(notSysadmin.getFirst().status()).isEqualTo(Status.UNKNOWN);
        assertThat(notSysadmin.getFirst().message()).contains("SQLAgentOperatorRole");
    }

    @Test
    void namedInstanceOn5022() {
        EndpointPortCheck i16 = new EndpointPortCheck();
        assertThat(one(i16, TestFacts.ready().build()).status()).isEqualTo(Status.PASS);
        Finding warn = one(i16, namedInstance("SQL01", "SALES").build());
        assertThat(warn.status()).isEqualTo(Status.WARN);
        assertThat(warn.severity()).isEqualTo(Severity.WARNING);
        assertThat(scripts(warn, ScriptKind.TSQL)).contains("ALTER ENDPOINT [Hadr_endpoint] AS TCP "
                + "(LISTENER_PORT = 5023);");
        assertThat(warn.remediation().steps()).allSatisfy(s -> assertThat(s.appliable()).isFalse());
        Finding fail = one(i16, namedInstance("SQL01", "SALES").mirroringEndpoint(Fact.of(List.of(
                new MirroringEndpoint("Hadr_endpoint", "STOPPED", "ALL", "CERTIFICATE", "Cert_SQL01_endpoint", true,
                        "AES", 5022, "ALL")))).build());
        assertThat(fail.status()).isEqualTo(Status.FAIL);
        assertThat(one(i16, TestFacts.ready().mirroringEndpoint(Fact.of(List.of())).build()).status())
                .isEqualTo(Status.SKIPPED);
    }

    @Test
    void availabilityGroupWithSeveralDatabases() {
        ExistingAvailabilityGroupCheck i17 = new ExistingAvailabilityGroupCheck();
        assertThat(one(i17, TestFacts.ready().build()).status()).isEqualTo(Status.PASS);
        Finding f = one(i17, TestFacts.ready().availabilityGroups(Fact.of(List.of(
                new AvailabilityGroup("AG ]Sales'", false, "WSFC", List.of("Sales", "Ведомости")),
                new AvailabilityGroup("DAG1", true, "NONE", List.of("Sales", "HR"))))).build());
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("AG ]Sales'", "2 databases");
        assertThat(scripts(f, ScriptKind.MANUAL)).contains("Sales, Ведомости", "[AG ]]Sales']", "listener IP");
        assertThat(one(i17, TestFacts.ready().availabilityGroups(Fact.unknown("x")).build()).status())
                .isEqualTo(Status.UNKNOWN);
    }
}
