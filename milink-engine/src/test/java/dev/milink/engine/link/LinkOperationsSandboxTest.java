// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.Status;
import dev.milink.core.link.FailoverPlanner;
import dev.milink.core.link.LinkObservation;
import dev.milink.core.link.LinkPlan;
import dev.milink.core.link.LinkRunState;
import dev.milink.core.link.LinkStep;
import java.nio.file.Path;
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

    private LinkEstate e;
    private final List<Finding> seedingStatus = new ArrayList<>();

    /** Seeding over 40 steps of the simulation (one per round trip), so the run observes it in progress. */
    private void start(String scenario) throws Exception {
        e = new LinkEstate(scenario, stateDir, 40);
        e.duringWait = links -> {
            boolean seeding = links.get(0).sqlServer().flatMap(LinkObservation.End::seeding).isPresent();
            if (seedingStatus.isEmpty() && seeding) {
                seedingStatus.addAll(e.link.status(LinkEstate.sales()).findings());   // milink link status while it seeds
            }
        };
    }

    @AfterEach
    void stop() {
        if (e != null) {
            e.close();
        }
    }

    @Test
    void previewChangesNothingOnEitherEnd() throws Exception {
        start("prepared-2022");
        List<Map<String, Object>> groups = e.query("SELECT name FROM sys.availability_groups");
        int armWrites = armWrites();

        LinkOperations.CreatePreview p = e.link.previewCreate(LinkEstate.sales(), false, "10.20.0.4");

        assertThat(p.plan().steps()).extracting(LinkStep::id).contains("create/SalesDB/ag", "create/SalesDB/dag",
                "create/SalesDB/link", "create/wait-seeding");
        assertThat(e.query("SELECT name FROM sys.availability_groups")).isEqualTo(groups);
        assertThat(armWrites()).isEqualTo(armWrites);
        assertThat(e.estate.link().links()).isEmpty();
    }

    @Test
    void createStatusFailoverFailbackDelete() throws Exception {
        start("prepared-2022");
        LinkOperations.CreatePreview p = e.link.previewCreate(LinkEstate.sales(), false, "10.20.0.4");
        assertThat(p.gateBlocks()).as("readiness gate").isEmpty();
        assertThat(p.plan().refusals()).isEmpty();

        e.link.remember(LinkEstate.sales());
        LinkRunState created = e.link.apply(p.plan(), LinkEstate.sales(), e.recorder());
        assertThat(created.finished()).isTrue();
        assertThat(e.seen).anySatisfy(o -> assertThat(o.sqlServer().flatMap(LinkObservation.End::seeding)
                .or(() -> o.managedInstance().flatMap(LinkObservation.End::seeding))).isPresent());
        assertThat(e.query("SELECT name FROM sys.availability_groups WHERE is_distributed = 1"))
                .containsExactly(Map.of("name", "DAG_SalesDB"));

        Finding whileSeeding = seedingStatus.stream().filter(f -> f.checkId().equals("MIL-L3")).findFirst()
                .orElseThrow();
        assertThat(whileSeeding.status()).isEqualTo(Status.INFO);
        assertThat(whileSeeding.message()).startsWith("Seeding: ").contains("% of ").contains("/s, about");

        LinkOperations.Status healthy = e.link.status(LinkEstate.sales());
        assertThat(LinkEstate.status(healthy.findings(), "MIL-L2")).isEqualTo(Status.PASS);
        assertThat(LinkEstate.status(healthy.findings(), "MIL-L3")).isEqualTo(Status.PASS);
        assertThat(LinkEstate.status(healthy.findings(), "MIL-L4")).isEqualTo(Status.PASS);

        // planned failover to the managed instance, then back; the user stops the workload as the plan says
        LinkPlan failover = e.link.planFailover(LinkEstate.sales(), FailoverPlanner.Mode.PLANNED, false, false);
        assertThat(failover.refusals()).isEmpty();
        assertThat(failover.notes()).anySatisfy(n -> assertThat(n).startsWith("Stop the workload"));
        e.estate.link().setWorkload(false);
        e.link.apply(failover, LinkEstate.sales(), e.recorder());
        LinkObservation after = e.link.status(LinkEstate.sales()).links().get(0);
        assertThat(after.managedInstance().orElseThrow().isPrimary()).isTrue();
        assertThat(after.sqlServer().orElseThrow().isPrimary()).isFalse();

        LinkPlan failback = e.link.planFailover(LinkEstate.sales(), FailoverPlanner.Mode.PLANNED, false, false);
        assertThat(failback.refusals()).isEmpty();
        e.link.apply(failback, LinkEstate.sales(), e.recorder());
        assertThat(e.link.status(LinkEstate.sales()).links().get(0).sqlServer().orElseThrow().isPrimary()).isTrue();

        LinkPlan delete = e.link.planDelete(LinkEstate.sales(), false);
        assertThat(delete.refusals()).isEmpty();
        e.link.apply(delete, LinkEstate.sales(), e.recorder());
        assertThat(e.query("SELECT name FROM sys.availability_groups WHERE is_distributed = 1")).isEmpty();
        assertThat(e.query("SELECT name FROM sys.databases WHERE name = 'SalesDB'")).hasSize(1);
        assertThat(e.link.status(LinkEstate.sales()).links().get(0).managedInstance()).isEmpty();
    }

    private int armWrites() {
        return e.estate.arm().requestLog().count("PUT", ".*") + e.estate.arm().requestLog().count("POST", ".*");
    }
}
