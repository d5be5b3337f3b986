// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.link;

import static dev.milink.engine.link.LinkEstate.sales;
import static dev.milink.engine.link.LinkEstate.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.core.check.Status;
import dev.milink.core.error.MilinkException;
import dev.milink.core.link.FailoverPlanner;
import dev.milink.core.link.LinkObservation;
import dev.milink.core.link.LinkPlan;
import dev.milink.core.link.LinkStep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each guard of the link commands against both stand-ins. */
class LinkGuardsSandboxTest {

    private static final String JOBS = "SELECT name, enabled FROM msdb.dbo.sysjobs ORDER BY name";
    private static final String OLA_LOG = "DatabaseBackup - USER_DATABASES - LOG";

    @TempDir
    Path stateDir;

    private static int enabled(LinkEstate e, String job) {
        return ((Number) e.query(JOBS).stream().filter(r -> job.equals(r.get("name"))).findFirst().orElseThrow()
                .get("enabled")).intValue();
    }

    private static void create(LinkEstate e) {
        LinkOperations.CreatePreview p = e.link.previewCreate(sales(), false, "10.20.0.4");
        assertThat(p.plan().refusals()).isEmpty();
        e.link.apply(p.plan(), sales(), e.recorder());
    }

    @Test
    void logBackupJobsAreFoundThenPausedForTheSeedingAndEnabledAgain() throws Exception {
        try (LinkEstate e = new LinkEstate("prepared-2022-log-backups", stateDir, 20)) {
            LinkPlan refused = e.link.previewCreate(sales(), false, "10.20.0.4").plan();
            assertThat(refused.refusals()).singleElement().asString().contains(OLA_LOG).contains("1408/1412")
                    .contains("--pause-log-backups").doesNotContain("Inventory log backup")
                    .doesNotContain("USER_DATABASES - FULL");
            assertThat(e.estate.link().links()).isEmpty();

            List<Integer> duringSeeding = new ArrayList<>();
            e.duringWait = seen -> duringSeeding.add(enabled(e, OLA_LOG));
            LinkPlan paused = e.link.previewCreate(sales(), true, "10.20.0.4").plan();
            assertThat(paused.refusals()).isEmpty();
            e.link.apply(paused, sales(), e.recorder());

            assertThat(duringSeeding).isNotEmpty().containsOnly(0);
            assertThat(enabled(e, OLA_LOG)).isEqualTo(1);
            assertThat(enabled(e, "Inventory log backup")).isEqualTo(1);
            assertThat(e.seen).anySatisfy(o -> assertThat(o.sqlServer().flatMap(LinkObservation.End::seeding))
                    .isPresent());
            assertThat(status(e.link.status(sales()).findings(), "MIL-L3")).isEqualTo(Status.PASS);
        }
    }

    @Test
    void aLogBackupDuringSeedingStopsTheRunWith1412AndStatusExplainsIt() throws Exception {
        try (LinkEstate e = new LinkEstate("prepared-2022", stateDir, 20)) {
            e.duringWait = seen -> {
                if (seen.get(0).sqlServer().flatMap(LinkObservation.End::seeding).isPresent()
                        && e.query("SELECT 1 AS x FROM msdb.dbo.backupset WHERE type = 'L'").isEmpty()) {
                    e.sql("BACKUP LOG [SalesDB] TO DISK = N'D:\\Backups\\SalesDB.trn'");
                }
            };
            LinkPlan plan = e.link.previewCreate(sales(), false, "10.20.0.4").plan();
            assertThatThrownBy(() -> e.link.apply(plan, sales(), e.recorder())).isInstanceOf(MilinkException.class)
                    .hasMessageContaining("1412").hasMessageContaining("milink link delete");
            var status = e.link.status(sales());
            assertThat(status.findings()).anySatisfy(f -> {
                assertThat(f.checkId()).isEqualTo("MIL-L6");
                assertThat(f.message()).contains("1412").contains("log on the primary was truncated");
            });
            assertThat(status.saved()).hasValueSatisfying(s -> assertThat(s.explain()).contains("did not finish"));
        }
    }

    @Test
    void deleteIsRefusedUntilTheManagedInstancesFirstFullBackup() throws Exception {
        try (LinkEstate e = new LinkEstate("prepared-2022", stateDir, 3, 120)) {
            create(e);
            e.estate.link().setWorkload(false);
            e.link.apply(e.link.planFailover(sales(), FailoverPlanner.Mode.PLANNED, false, false), sales(),
                    e.recorder());

            LinkPlan early = e.link.planDelete(sales(), false);
            assertThat(early.refusals()).singleElement().asString().contains("first full backup")
                    .contains("msdb.dbo.backupset");
            assertThat(e.query("SELECT name FROM sys.availability_groups WHERE is_distributed = 1")).hasSize(1);

            // Time passes (each read is a step of the simulation) until the backup exists: then delete may run.
            LinkPlan later = e.link.planDelete(sales(), true);
            for (int i = 0; i < 40 && later.refused(); i++) {
                later = e.link.planDelete(sales(), true);
            }
            assertThat(later.refusals()).isEmpty();
            e.link.apply(later, sales(), e.recorder());
            assertThat(e.query("SELECT name FROM sys.availability_groups")).isEmpty();
            assertThat(e.query("SELECT name FROM sys.databases WHERE name = 'SalesDB'")).hasSize(1);
        }
    }

    @Test
    void splitBrainAfterAForcedFailoverIsDetectedAndResolved() throws Exception {
        try (LinkEstate e = new LinkEstate("prepared-2022", stateDir, 3)) {
            create(e);
            LinkPlan forced = e.link.planFailover(sales(), FailoverPlanner.Mode.FORCED, true, false);
            assertThat(forced.notes().get(0)).startsWith("!!! FORCED FAILOVER WITH DATA LOSS");
            e.link.apply(forced, sales(), e.recorder());

            var split = e.link.status(sales());
            assertThat(status(split.findings(), "MIL-L4")).isEqualTo(Status.FAIL);
            assertThat(split.findings()).anySatisfy(f -> assertThat(f.message()).contains("Split brain"));
            assertThat(e.link.planFailover(sales(), FailoverPlanner.Mode.PLANNED, false, false).refusals())
                    .singleElement().asString().contains("split brain");

            LinkPlan resolve = e.link.planSplitBrainResolution(sales(), LinkStep.End.MANAGED_INSTANCE);
            assertThat(resolve.notes()).anySatisfy(n -> assertThat(n).contains("tail-log backup"));
            e.link.apply(resolve, sales(), e.recorder());
            var after = e.link.status(sales());
            assertThat(status(after.findings(), "MIL-L4")).isEqualTo(Status.PASS);
            assertThat(after.links().get(0).managedInstance().orElseThrow().isPrimary()).isTrue();
            assertThat(e.query("""
                    SELECT ars.role_desc FROM sys.dm_hadr_availability_replica_states AS ars
                    JOIN sys.availability_groups AS ag ON ag.group_id = ars.group_id
                    WHERE ag.is_distributed = 1 AND ars.is_local = 1""")).containsExactly(Map.of("role_desc",
                    "SECONDARY"));
        }
    }
}
