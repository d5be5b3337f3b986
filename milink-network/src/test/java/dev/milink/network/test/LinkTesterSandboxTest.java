// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.model.NetworkFacts;
import dev.milink.network.rules.Cidr;
import dev.milink.sandbox.engine.Faults;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The network test against two sandbox instances (a SQL Server scenario and the managed-instance scenario) over the
 * real driver. The sandbox's Agent really TCP-connects for each Test-NetConnection step, to a listening loopback
 * socket ("open") or a closed port ("refused"). Every test ends by checking that no milink object is left.
 */
class LinkTesterSandboxTest {

    /** Fast against the sandbox: the product polls Agent, so the poll interval is short here. */
    private static LinkTestOptions fast(SandboxPair p) {
        return LinkTestOptions.defaults().withMiEndpointPort(p.listener.getLocalPort())
                .withTimes(Duration.ofSeconds(20), Duration.ofMillis(20), Duration.ofSeconds(2));
    }

    private static final HostDetector NOT_HERE = (host, machine) -> Optional.empty();

    @Test
    void windowsSqlServerBothDirectionsThroughAgentJobsAllReachable() throws Exception {
        try (SandboxPair p = new SandboxPair("prepared-2022",
                s -> s.sql().endpoints.getFirst().port = s.open(), m -> { })) {
            LinkTestReport r = new LinkTester(fast(p)).run(p.sqlTarget(), p.miTarget());

            assertThat(r.fabric()).isEqualTo(new MiFabric("127.0.0.1", "127.0.0.1", p.listener.getLocalPort(),
                    "a1b2c3d4e5f6"));
            assertThat(r.hops()).extracting(HopResult::status).containsOnly(HopStatus.REACHABLE).hasSize(3);
            assertThat(r.hops(TestDirection.SQL_TO_MI)).extracting(HopResult::method)
                    .containsOnly(TestMethod.AGENT_JOB_ON_SQL_SERVER);
            assertThat(r.hops(TestDirection.SQL_TO_MI)).extracting(HopResult::remoteAddress)
                    .containsOnly("127.0.0.1");
            assertThat(r.hops(TestDirection.MI_TO_SQL)).singleElement().satisfies(h -> {
                assertThat(h.method()).isEqualTo(TestMethod.AGENT_JOB_ON_MANAGED_INSTANCE);
                assertThat(h.port()).isEqualTo(p.listener.getLocalPort()); // the existing endpoint's port
            });
            assertThat(r.result()).isEqualTo(LinkTestReport.Result.ALL_REACHABLE);
            assertThat(r.notes()).anyMatch(n -> n.contains("a loopback address, which on the managed instance means"
                    + " the managed instance itself"));
            assertThat(r.cleanedUp()).hasSize(2).allMatch(s -> s.startsWith("Agent job milink_nettest_" + r.runId()));
            assertThat(r.render()).contains("[OK]").contains(LinkTestReport.TCP_ONLY).contains("Result: 3 of 3");
            // the jobs really ran through msdb: created, started, read, deleted
            assertThat(p.sql().requestLog().requests()).anyMatch(q -> String.valueOf(q.sql()).contains("sp_add_job"))
                    .anyMatch(q -> String.valueOf(q.sql()).contains("sp_start_job"))
                    .anyMatch(q -> String.valueOf(q.sql()).contains("sp_delete_job"));
            assertThat(p.milinkObjects()).isEmpty();
        }
    }

    @Test
    void fabricDmvsOfThePristineManagedInstanceScenario() throws Exception {
        try (SandboxPair p = new SandboxPair("prepared-2022", s -> { }, m -> {
            m.mi().fabric.dnsRecordName = "contoso-mi.abc123.database.windows.net";
            m.mi().fabric.primaryNode = "DB124";
            m.mi().fabric.secondaryNodes = List.of("DB123", "DB125");
            m.mi().fabric.clusterName = "tr123456.westus1-a.worker.database.windows.net";
            m.mi().fabric.hadrPort = 11002;
        }); var c = p.miTarget().connector().get()) {
            assertThat(FabricReader.read(c, "mi")).isEqualTo(new MiFabric("contoso-mi.abc123.database.windows.net",
                    "DB124.tr123456.westus1-a.worker.database.windows.net", 11002, "a1b2c3d4e5f6"));
        }
    }

    @Test
    void closedHadrPortIsBlockedWithTheRulesToAdd() throws Exception {
        try (SandboxPair p = new SandboxPair("prepared-2022", s -> s.sql().endpoints.getFirst().port = s.open(),
                m -> m.mi().fabric.hadrPort = m.closed())) {
            LinkTestReport r = new LinkTester(fast(p).withNetwork(List.of(Cidr.parse("192.168.10.5")),
                    Cidr.parse("127.0.0.0/8"))).run(p.sqlTarget(), p.miTarget());

            HopResult hadr = r.hops(TestDirection.SQL_TO_MI).get(1);
            assertThat(hadr.status()).isEqualTo(HopStatus.NOT_REACHABLE);
            assertThat(hadr.port()).isEqualTo(p.closedPort);
            assertThat(hadr.detail()).contains("TcpTestSucceeded : False");
            assertThat(hadr.advice()).anyMatch(a -> a.contains("Managed instance subnet NSG: allow inbound TCP 11000-11999"
                    + " from 192.168.10.5/32 (rule milink-in-from-sql-hadr)"))
                    .anyMatch(a -> a.contains("SQL Server host firewall: allow outbound TCP 5022, 11000-11999 to"
                            + " 127.0.0.0/8 (rule milink-out-to-mi)"))
                    .anyMatch(a -> a.startsWith("scripts for every layer: milink network rules --sql-server"
                            + " 192.168.10.5/32 --mi-subnet 127.0.0.0/8"));
            assertThat(r.hops(TestDirection.SQL_TO_MI).get(0).status()).isEqualTo(HopStatus.REACHABLE);
            assertThat(r.result()).isEqualTo(LinkTestReport.Result.BLOCKED);
            assertThat(r.render()).contains("[BLOCKED] 127.0.0.1:" + p.closedPort);
            // As facts for MIL-N9: one path per hop, same order, outcome and advice.
            NetworkFacts facts = r.facts(Instant.parse("2026-06-01T00:00:00Z"));
            assertThat(facts.paths()).hasSameSizeAs(r.hops());
            for (int i = 0; i < r.hops().size(); i++) {
                assertThat(facts.paths().get(i).outcome().name()).isEqualTo(r.hops().get(i).status().name());
                assertThat(facts.paths().get(i).advice()).isEqualTo(r.hops().get(i).advice());
                assertThat(facts.paths().get(i).endpoint()).isEqualTo(r.hops().get(i).endpoint());
            }
            assertThat(facts.paths().getFirst().direction()).isEqualTo(NetworkFacts.PathDirection.SQL_TO_MI);
            assertThat(p.milinkObjects()).isEmpty();
        }
    }

    @Test
    void remoteAddressOutsideTheMiSubnetIsNotAPass() throws Exception {
        try (SandboxPair p = new SandboxPair("prepared-2022", s -> s.sql().endpoints.getFirst().port = s.open(),
                m -> { })) {
            LinkTestReport r = new LinkTester(fast(p).withNetwork(List.of(), Cidr.parse("10.0.0.0/24")))
                    .run(p.sqlTarget(), p.miTarget());
            assertThat(r.hops(TestDirection.SQL_TO_MI)).extracting(HopResult::status)
                    .containsOnly(HopStatus.WRONG_ADDRESS);
            assertThat(r.hops(TestDirection.SQL_TO_MI).getFirst().advice().getFirst())
                    .contains("resolved to 127.0.0.1, outside the managed instance subnet 10.0.0.0/24");
            assertThat(r.result()).isEqualTo(LinkTestReport.Result.BLOCKED);
        }
    }

    @Test
    void linuxElsewhereIsNotProvenAndTheTestEndpointIsCreatedAndRemoved() throws Exception {
        try (SandboxPair p = new SandboxPair("linux-2022", s -> { }, m -> { })) {
            LinkTestReport r = new LinkTester(fast(p).withHostDetector(NOT_HERE)
                    .withTestEndpointPort(p.listener.getLocalPort())).run(p.sqlTarget(), p.miTarget());

            assertThat(r.hops(TestDirection.SQL_TO_MI)).allSatisfy(h -> {
                assertThat(h.status()).isEqualTo(HopStatus.NOT_PROVEN);
                assertThat(h.detail()).contains("SQL Server runs on Linux");
                assertThat(h.advice().getFirst()).isEqualTo("on the SQL Server host run: milink network probe"
                        + " 127.0.0.1:" + p.listener.getLocalPort() + " 127.0.0.1:" + p.listener.getLocalPort());
            });
            assertThat(r.hops(TestDirection.MI_TO_SQL)).singleElement()
                    .satisfies(h -> assertThat(h.status()).isEqualTo(HopStatus.REACHABLE));
            assertThat(r.notes()).anyMatch(n -> n.contains("milink created the temporary endpoint milink_nettest_"));
            assertThat(r.cleanedUp()).anyMatch(s -> s.startsWith("endpoint milink_nettest_" + r.runId()))
                    .anyMatch(s -> s.startsWith("certificate milink_nettest_" + r.runId()));
            assertThat(p.sql().requestLog().requests()).anyMatch(q -> String.valueOf(q.sql())
                    .contains("CREATE ENDPOINT [milink_nettest_" + r.runId() + "]"));
            assertThat(r.result()).isEqualTo(LinkTestReport.Result.NOT_PROVEN);
            assertThat(p.milinkObjects()).isEmpty();
        }
    }

    @Test
    void linuxOnThisHostIsProbedLocally() throws Exception {
        try (SandboxPair p = new SandboxPair("linux-2022", s -> { }, m -> m.mi().fabric.hadrPort = m.closed())) {
            LinkTestReport r = new LinkTester(fast(p).withTestEndpointPort(p.listener.getLocalPort()))
                    .run(p.sqlTarget(), p.miTarget());
            assertThat(r.hops(TestDirection.SQL_TO_MI)).extracting(HopResult::method)
                    .containsOnly(TestMethod.LOCAL_PROBE);
            assertThat(r.hops(TestDirection.SQL_TO_MI)).extracting(HopResult::status)
                    .containsExactly(HopStatus.REACHABLE, HopStatus.REFUSED);
            assertThat(r.notes()).anyMatch(n -> n.contains("probed from this machine: 127.0.0.1"));
            assertThat(p.milinkObjects()).isEmpty();
        }
    }

    @Test
    void noEndpointAndNoMasterKeyIsNotProvenAndCreatesNothing() throws Exception {
        try (SandboxPair p = new SandboxPair("unprepared-2019", s -> { }, m -> { })) {
            LinkTestReport r = new LinkTester(fast(p)).run(p.sqlTarget(), p.miTarget());
            HopResult h = r.hops(TestDirection.MI_TO_SQL).getFirst();
            assertThat(h.status()).isEqualTo(HopStatus.NOT_PROVEN);
            assertThat(h.detail()).contains("no database master key").contains("does not create a master key");
            assertThat(h.advice().getFirst()).contains("CREATE MASTER KEY");
            assertThat(p.sql().requestLog().requests()).noneMatch(q -> String.valueOf(q.sql()).contains("CREATE "));
            assertThat(p.milinkObjects()).isEmpty();
        }
    }

    @Test
    void aFailureMidRunLeavesNoMilinkObjects() throws Exception {
        try (SandboxPair p = new SandboxPair("linux-2022", s -> { }, m -> { })) {
            // the MI refuses to start the job, and the first DROP ENDPOINT on SQL Server fails too
            p.miEngine.setFaults(new Faults(Duration.ZERO, Duration.ZERO, 0, List.of(new Faults.StatementError(
                    Pattern.compile("sp_start_job"), 22022, 16, "SQLServerAgent is not currently running.", -1))));
            p.sqlEngine.setFaults(new Faults(Duration.ZERO, Duration.ZERO, 0, List.of(new Faults.StatementError(
                    Pattern.compile("DROP ENDPOINT"), 15151, 16, "Injected failure.", 1))));
            LinkTestReport r = new LinkTester(fast(p).withHostDetector(NOT_HERE)).run(p.sqlTarget(), p.miTarget());

            HopResult h = r.hops(TestDirection.MI_TO_SQL).getFirst();
            assertThat(h.status()).isEqualTo(HopStatus.ERROR);
            assertThat(h.detail()).contains("SQLServerAgent is not currently running");
            assertThat(r.result()).isEqualTo(LinkTestReport.Result.NOT_TESTED);
            assertThat(r.cleanupProblems()).isEmpty();
            p.miEngine.setFaults(Faults.NONE);
            p.sqlEngine.setFaults(Faults.NONE);
            assertThat(p.milinkObjects()).isEmpty();
        }
    }

    @Test
    void leftoversOfAnInterruptedRunAreRemovedAndNothingElse() throws Exception {
        try (SandboxPair p = new SandboxPair("linux-2022", s -> { }, m -> { })) {
            String desc = "N'" + AgentJob.DESCRIPTION + "'";
            SandboxPair.execute(p.sqlTarget(), "EXEC msdb.dbo.sp_add_job @job_name = N'milink_nettest_dead_to_mi',"
                    + " @description = " + desc);
            SandboxPair.execute(p.sqlTarget(), "EXEC msdb.dbo.sp_add_job @job_name = N'milink_nettest_theirs',"
                    + " @description = N'someone else''s job'");
            SandboxPair.execute(p.sqlTarget(), "EXEC msdb.dbo.sp_add_job @job_name = N'nightly backup'");
            SandboxPair.execute(p.miTarget(), "EXEC msdb.dbo.sp_add_job @job_name = N'milink_nettest_dead_to_sql',"
                    + " @description = " + desc);
            SandboxPair.execute(p.sqlTarget(), "CREATE CERTIFICATE [milink_nettest_dead] WITH SUBJECT = N'x',"
                    + " EXPIRY_DATE = '20991231'");
            SandboxPair.execute(p.sqlTarget(), "CREATE ENDPOINT [milink_nettest_dead] STATE = STARTED AS TCP"
                    + " (LISTENER_PORT = 5022) FOR DATABASE_MIRRORING (ROLE = ALL, AUTHENTICATION = CERTIFICATE"
                    + " [milink_nettest_dead], ENCRYPTION = REQUIRED ALGORITHM AES)");

            LinkTestReport r = new LinkTester(fast(p).withHostDetector(NOT_HERE)).run(p.sqlTarget(), p.miTarget());

            assertThat(r.leftoversRemoved()).as(r.render()).hasSize(4)
                    .anyMatch(s -> s.startsWith("Agent job milink_nettest_dead_to_mi"))
                    .anyMatch(s -> s.startsWith("Agent job milink_nettest_dead_to_sql"))
                    .anyMatch(s -> s.startsWith("endpoint milink_nettest_dead"))
                    .anyMatch(s -> s.startsWith("certificate milink_nettest_dead"));
            assertThat(r.render()).contains("Removed leftovers of an interrupted earlier test");
            assertThat(SandboxPair.column(p.sqlTarget(), "SELECT name FROM msdb.dbo.sysjobs"))
                    .contains("milink_nettest_theirs", "nightly backup");
            assertThat(p.milinkObjects()).containsExactly("milink_nettest_theirs");
        }
    }
}
