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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each guard of the link commands against both stand-ins. */
class LinkGuardsSandboxTest {

    private static final String JOBS = "SELECT name, enabled FROM msdb.dbo.sysjobs ORDER BY name";
    private static final String OLA_LOG = "DatabaseBackup - USER_DATABASES - LOG";

    private static final String LOG_BACKUPS = """
            SELECT b.is_copy_only, f.physical_device_name FROM msdb.dbo.backupset AS b
            JOIN msdb.dbo.backupmediafamily AS f ON f.media_set_id = b.media_set_id
            WHERE b.type = 'L' AND b.database_name = N'SalesDB'""";

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

            // without a directory for the safety backup: refused, nothing changed
            assertThat(e.link.planSplitBrainResolution(sales(), LinkStep.End.MANAGED_INSTANCE, Optional.empty())
                    .refusals()).singleElement().asString().contains("--backup-dir");
            LinkPlan resolve = e.link.planSplitBrainResolution(sales(), LinkStep.End.MANAGED_INSTANCE,
                    Optional.of("D:\\Backups"));
            assertThat(resolve.refusals()).isEmpty();
            assertThat(e.query(LOG_BACKUPS)).as("the plan alone backs up nothing").isEmpty();
            e.link.apply(resolve, sales(), e.recorder());

            // the diverged side was backed up before it became the secondary: a regular log backup, in the chain
            assertThat(e.query(LOG_BACKUPS)).singleElement().satisfies(b -> {
                assertThat(b.get("is_copy_only")).isEqualTo(false);
                assertThat((String) b.get("physical_device_name")).matches(
                        "D:\\\\Backups\\\\SalesDB_split_brain_\\d{8}T\\d{6}Z\\.trn");
            });
            assertThat(e.progress.indexOf("split-brain/SalesDB/backup-sql: done"))
                    .isLessThan(e.progress.indexOf("split-brain/SalesDB/demote-sql: running"));
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

    @Test
    void splitBrainKeepingSqlServerCopiesTheManagedInstancesDatabaseFirst() throws Exception {
        try (LinkEstate e = new LinkEstate("prepared-2022", stateDir, 3)) {
            create(e);
            e.link.apply(e.link.planFailover(sales(), FailoverPlanner.Mode.FORCED, true, false), sales(),
                    e.recorder());
            String mi = e.estate.arm().managedInstanceId();
            int databases = e.estate.arm().state().children(mi, "databases").size();

            LinkPlan resolve = e.link.planSplitBrainResolution(sales(), LinkStep.End.SQL_SERVER, Optional.empty());
            assertThat(resolve.refusals()).isEmpty();
            assertThat(resolve.steps()).extracting(LinkStep::id).containsExactly("split-brain/SalesDB/copy-mi",
                    "split-brain/SalesDB/demote-mi", "split-brain/SalesDB/wait");
            assertThat(e.estate.arm().state().children(mi, "databases")).as("the plan alone copies nothing")
                    .hasSize(databases);
            e.link.apply(resolve, sales(), e.recorder());

            var copies = e.estate.arm().state().children(mi, "databases").stream()
                    .filter(d -> d.path("name").asText().startsWith("SalesDB_split_brain_")).toList();
            assertThat(copies).singleElement().satisfies(d -> {
                assertThat(d.path("properties").path("createMode").asText()).isEqualTo("PointInTimeRestore");
                assertThat(d.path("properties").path("sourceDatabaseId").asText()).isEqualTo(mi + "/databases/SalesDB");
            });
            int copied = e.estate.arm().requestLog().entries().indexOf(e.estate.arm().requestLog()
                    .find("PUT", ".*/databases/SalesDB_split_brain_.*").get(0));
            int demoted = e.estate.arm().requestLog().entries().indexOf(e.estate.arm().requestLog()
                    .find("POST", ".*/setRole").get(0));
            assertThat(copied).as("copied before the MI became the secondary").isLessThan(demoted);
            var after = e.link.status(sales());
            assertThat(status(after.findings(), "MIL-L4")).isEqualTo(Status.PASS);
            assertThat(after.links().get(0).sqlServer().orElseThrow().isPrimary()).isTrue();
        }
    }
}
