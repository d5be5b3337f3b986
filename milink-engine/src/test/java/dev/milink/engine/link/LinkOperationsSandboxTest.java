// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.azure.ArmConnection;
import dev.milink.azure.ArmEndpoints;
import dev.milink.azure.AzureAuth;
import dev.milink.azure.AzureOptions;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Status;
import dev.milink.core.link.FailoverPlanner;
import dev.milink.core.link.LinkObservation;
import dev.milink.core.link.LinkPlan;
import dev.milink.core.link.LinkRunState;
import dev.milink.core.link.LinkRunner;
import dev.milink.core.link.LinkStep;
import dev.milink.core.model.Direction;
import dev.milink.core.model.LinkSettings;
import dev.milink.core.secret.Secret;
import dev.milink.sandbox.arm.ArmStandIn;
import dev.milink.sandbox.arm.AzureScenarios;
import dev.milink.sandbox.arm.SandboxEstate;
import dev.milink.sandbox.link.LinkSimulation;
import dev.milink.sqlserver.connect.Authentication;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlTarget;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The link commands end to end: the real mssql-jdbc driver on the sandbox SQL Server and the real azure-core
 * pipeline (and poller) on the ARM stand-in, both ends sharing one simulated link.
 */
class LinkOperationsSandboxTest {

    @TempDir
    Path stateDir;

    private SandboxEstate estate;
    private LinkOperations link;
    private final List<String> progress = new ArrayList<>();
    private final List<LinkObservation> seen = new ArrayList<>();
    private final List<Finding> seedingStatus = new ArrayList<>();

    private LinkRunner.Progress recorder() {
        return new LinkRunner.Progress() {
            @Override
            public void step(LinkStep step, String message) {
                progress.add(step.id() + ": " + message);
            }

            @Override
            public void observed(List<LinkObservation> links) {
                seen.addAll(links);
                if (seedingStatus.isEmpty() && links.get(0).sqlServer().flatMap(LinkObservation.End::seeding)
                        .isPresent()) {
                    seedingStatus.addAll(link.status(sales()).findings());   // milink link status while it seeds
                }
            }
        };
    }

    private LinkOperations start(String scenario) throws Exception {
        // Seeding over 40 steps of the simulation (one per round trip), so the run observes it in progress.
        estate = SandboxEstate.start(AzureScenarios.load(scenario), new LinkSimulation.Settings(40, 60, 3, 1, 8,
                java.time.Instant.parse("2024-07-21T08:00:00Z"), Duration.ofSeconds(10)));
        estate.arm().setLro(new ArmStandIn.Lro(0, 1));
        AzureOptions options = AzureOptions.defaults()
                .endpoints(ArmEndpoints.custom(estate.arm().baseUrl(), "https://management.core.windows.net//.default"))
                .auth(AzureAuth.of(AzureAuth.Mode.ACCESS_TOKEN))
                .environment(Map.of(AzureAuth.TOKEN_VARIABLE, estate.arm().accessToken()))
                .retries(1, Duration.ofMillis(5), Duration.ofMillis(10)).pollInterval(Duration.ofMillis(10))
                .sslContext(ArmStandIn.clientSslContext());
        ConnectionSettings sql = ConnectionSettings.of(new SqlTarget(estate.sql().host(), estate.sql().port(), null),
                new Authentication.SqlLogin("sa", Secret.of("Sandbox#2022sa"))).withEncrypt(false);
        link = LinkOperations.open(sql, ArmConnection.open(options), estate.arm().managedInstanceId(), stateDir,
                Clock.systemUTC()).waiting(new LinkRunner.Waiting(Duration.ZERO, 200, d -> { }));
        return link;
    }

    @AfterEach
    void stop() {
        if (link != null) {
            link.close();
        }
        if (estate != null) {
            estate.close();
        }
    }

    private List<Map<String, Object>> query(String select) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(estate.sql().jdbcUrl() + ";user=sa;password=Sandbox#2022sa");
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(select)) {
            while (rs.next()) {
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static LinkSettings sales() {
        return LinkSettings.of(Direction.SQL_TO_MI).withDatabases(List.of("SalesDB"));
    }

    private static Status statusOf(List<Finding> findings, String id) {
        return findings.stream().filter(f -> f.checkId().equals(id)).findFirst().orElseThrow().status();
    }

    @Test
    void previewChangesNothingOnEitherEnd() throws Exception {
        start("prepared-2022");
        List<Map<String, Object>> groups = query("SELECT name FROM sys.availability_groups");
        int armWrites = estate.arm().requestLog().count("PUT", ".*") + estate.arm().requestLog().count("POST", ".*");

        LinkOperations.CreatePreview p = link.previewCreate(sales(), false, "10.20.0.4");

        assertThat(p.plan().steps()).extracting(LinkStep::id).contains("create/SalesDB/ag", "create/SalesDB/dag",
                "create/SalesDB/link", "create/wait-seeding");
        assertThat(query("SELECT name FROM sys.availability_groups")).isEqualTo(groups);
        assertThat(estate.arm().requestLog().count("PUT", ".*") + estate.arm().requestLog().count("POST", ".*"))
                .isEqualTo(armWrites);
        assertThat(estate.link().links()).isEmpty();
    }

    @Test
    void createStatusFailoverFailbackDelete() throws Exception {
        start("prepared-2022");
        LinkOperations.CreatePreview p = link.previewCreate(sales(), false, "10.20.0.4");
        assertThat(p.gateBlocks()).as("readiness gate").isEmpty();
        assertThat(p.plan().refusals()).isEmpty();

        link.remember(sales());
        LinkRunState created = link.apply(p.plan(), sales(), recorder());
        assertThat(created.finished()).isTrue();
        assertThat(seen).anySatisfy(o -> assertThat(o.sqlServer().flatMap(LinkObservation.End::seeding)
                .or(() -> o.managedInstance().flatMap(LinkObservation.End::seeding))).isPresent());
        assertThat(query("SELECT name FROM sys.availability_groups WHERE is_distributed = 1"))
                .containsExactly(Map.of("name", "DAG_SalesDB"));

        Finding whileSeeding = seedingStatus.stream().filter(f -> f.checkId().equals("MIL-L3")).findFirst()
                .orElseThrow();
        assertThat(whileSeeding.status()).isEqualTo(Status.INFO);
        assertThat(whileSeeding.message()).startsWith("Seeding: ").contains("% of ").contains("/s, about");

        LinkOperations.Status healthy = link.status(sales());
        assertThat(statusOf(healthy.findings(), "MIL-L2")).isEqualTo(Status.PASS);
        assertThat(statusOf(healthy.findings(), "MIL-L3")).isEqualTo(Status.PASS);
        assertThat(statusOf(healthy.findings(), "MIL-L4")).isEqualTo(Status.PASS);

        // planned failover to the managed instance, then back; the user stops the workload as the plan says
        LinkPlan failover = link.planFailover(sales(), FailoverPlanner.Mode.PLANNED, false, false);
        assertThat(failover.refusals()).isEmpty();
        assertThat(failover.notes()).anySatisfy(n -> assertThat(n).startsWith("Stop the workload"));
        estate.link().setWorkload(false);
        link.apply(failover, sales(), recorder());
        LinkObservation after = link.status(sales()).links().get(0);
        assertThat(after.managedInstance().orElseThrow().isPrimary()).isTrue();
        assertThat(after.sqlServer().orElseThrow().isPrimary()).isFalse();

        LinkPlan failback = link.planFailover(sales(), FailoverPlanner.Mode.PLANNED, false, false);
        assertThat(failback.refusals()).isEmpty();
        link.apply(failback, sales(), recorder());
        assertThat(link.status(sales()).links().get(0).sqlServer().orElseThrow().isPrimary()).isTrue();

        LinkPlan delete = link.planDelete(sales(), false);
        assertThat(delete.refusals()).isEmpty();
        link.apply(delete, sales(), recorder());
        assertThat(query("SELECT name FROM sys.availability_groups WHERE is_distributed = 1")).isEmpty();
        assertThat(query("SELECT name FROM sys.databases WHERE name = 'SalesDB'")).hasSize(1);
        assertThat(link.status(sales()).links().get(0).managedInstance()).isEmpty();
    }
}
