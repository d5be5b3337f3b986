// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import static dev.milink.core.link.LinkFixtures.backup;
import static dev.milink.core.link.LinkFixtures.context;
import static dev.milink.core.link.LinkFixtures.end;
import static dev.milink.core.link.LinkFixtures.link;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.link.FailoverPlanner.Mode;
import org.junit.jupiter.api.Test;

class FailoverAndDeletePlannerTest {

    private static final String SQL2022 = "16.0.4135.4";

    @Test
    void plannedFailoverGoesSyncWaitsFailsOverAndBackToAsync() {
        LinkPlan p = FailoverPlanner.plan(context(SQL2022, link(end("PRIMARY"), end("SECONDARY"))), Mode.PLANNED,
                false, false);
        assertThat(p.refusals()).isEmpty();
        assertThat(p.steps()).extracting(LinkStep::id).containsExactly("failover/Sales/sync-sql",
                "failover/Sales/sync-mi", "failover/Sales/wait-lsns", "failover/Sales/failover",
                "failover/Sales/async-sql", "failover/Sales/async-mi");
        assertThat(p.steps().get(0).text()).contains("ALTER AVAILABILITY GROUP [DAG_Sales]")
                .contains("N'AG_Sales' WITH (AVAILABILITY_MODE = SYNCHRONOUS_COMMIT)")
                .contains("N'AG_Sales_MI' WITH (AVAILABILITY_MODE = SYNCHRONOUS_COMMIT)");
        assertThat(p.steps().get(3).text()).contains("\"method\": \"POST\"")
                .contains("/distributedAvailabilityGroups/DAG_Sales/failover?api-version=2025-01-01")
                .contains("\"failoverType\": \"Planned\"");
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("Stop the workload"));
        assertThat(p.steps()).extracting(LinkStep::title).contains(
                "Switch [DAG_Sales] to synchronous commit on SQL Server",
                "Switch the link to synchronous on the managed instance (ARM PATCH replicationMode Sync)",
                "Switch [DAG_Sales] back to asynchronous commit on SQL Server",
                "Switch the link back to asynchronous on the managed instance");
        assertThat(p.steps().get(4).text()).contains("AVAILABILITY_MODE = ASYNCHRONOUS_COMMIT");
        assertThat(p.steps().get(1).text()).contains("\"replicationMode\": \"Sync\"");
        assertThat(p.steps().get(5).text()).contains("\"replicationMode\": \"Async\"");
    }

    @Test
    void tsqlFailoverWhereSupported() {
        LinkPlan p = FailoverPlanner.plan(context(SQL2022, link(end("PRIMARY"), end("SECONDARY"))), Mode.PLANNED,
                false, true);
        assertThat(p.steps().get(3).text()).contains("ALTER AVAILABILITY GROUP [DAG_Sales] FAILOVER;");
        LinkPlan old = FailoverPlanner.plan(context("16.0.4105.2", link(end("PRIMARY"), end("SECONDARY"))),
                Mode.PLANNED, false, true);
        assertThat(old.steps().get(3).kind()).isEqualTo(LinkStep.Kind.ARM_REQUEST);
        assertThat(old.notes()).anySatisfy(n -> assertThat(n).contains("CU13"));
    }

    @Test
    void failbackFromTheManagedInstance() {
        LinkPlan p = FailoverPlanner.plan(context(SQL2022, link(end("SECONDARY"), end("PRIMARY"))), Mode.PLANNED,
                false, false);
        assertThat(p.refusals()).isEmpty();
        assertThat(p.steps().get(3).title()).contains("to SQL Server");
    }

    @Test
    void sqlServer2019BreaksTheLinkInstead() {
        LinkPlan p = FailoverPlanner.plan(context("15.0.4312.2", link(end("PRIMARY"), end("SECONDARY"))),
                Mode.PLANNED, false, false);
        assertThat(p.operation()).isEqualTo("break-the-link");
        assertThat(p.steps()).extracting(LinkStep::id).containsExactly("failover/Sales/sync-sql",
                "failover/Sales/sync-mi", "failover/Sales/wait-lsns", "failover/Sales/delete-link",
                "failover/Sales/drop-dag");
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("break the link").contains("repoint"));
        assertThat(FailoverPlanner.plan(context("15.0.4312.2", link(end("SECONDARY"), end("PRIMARY"))),
                Mode.PLANNED, false, false).refusals()).singleElement().asString().contains("no failback");
    }

    @Test
    void plannedFailoverRefusedWhileSeedingOrInSplitBrain() {
        assertThat(FailoverPlanner.plan(context(SQL2022, link(end("PRIMARY"), LinkFixtures.seeding(end("SECONDARY")))),
                Mode.PLANNED, false, false).refusals()).singleElement().asString().contains("seeding");
        assertThat(FailoverPlanner.plan(context(SQL2022, link(end("PRIMARY"), end("PRIMARY"))), Mode.PLANNED,
                false, false).refusals()).singleElement().asString().contains("split brain");
    }

    @Test
    void forcedNeedsAllowDataLossAndRunsOnTheSecondary() {
        var ctx = context(SQL2022, link(end("PRIMARY"), end("SECONDARY")));
        assertThat(FailoverPlanner.plan(ctx, Mode.FORCED, false, false).refusals()).singleElement().asString()
                .contains("--allow-data-loss");
        LinkPlan p = FailoverPlanner.plan(ctx, Mode.FORCED, true, false);
        assertThat(p.refusals()).isEmpty();
        assertThat(p.notes().get(0)).startsWith("!!! FORCED FAILOVER WITH DATA LOSS");
        assertThat(p.steps()).singleElement().satisfies(s -> assertThat(s.text())
                .contains("\"failoverType\": \"ForcedAllowDataLoss\""));
        LinkPlan toSql = FailoverPlanner.plan(context(SQL2022, link(end("SECONDARY"), end("PRIMARY"))), Mode.FORCED,
                true, false);
        assertThat(toSql.steps()).singleElement().satisfies(s -> assertThat(s.text())
                .contains("ALTER AVAILABILITY GROUP [DAG_Sales] FORCE_FAILOVER_ALLOW_DATA_LOSS;"));
    }

    private static final java.time.Instant AT = java.time.Instant.parse("2024-07-21T09:30:00Z");

    private static FailoverPlanner.SplitBrainOptions backupTo(String dir) {
        return new FailoverPlanner.SplitBrainOptions(java.util.Optional.ofNullable(dir), "westeurope", AT);
    }

    @Test
    void splitBrainResolutionBacksUpTheEndGivenUpFirst() {
        var ctx = context(SQL2022, link(end("PRIMARY"), end("PRIMARY")));
        LinkPlan keepMi = FailoverPlanner.resolveSplitBrain(ctx, LinkStep.End.MANAGED_INSTANCE, backupTo("D:\\Backups"));
        assertThat(keepMi.steps()).extracting(LinkStep::id).containsExactly("split-brain/Sales/backup-sql",
                "split-brain/Sales/demote-sql", "split-brain/Sales/wait");
        String backup = keepMi.steps().get(0).text().lines().filter(l -> !l.startsWith("--"))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(backup)
                .contains("BACKUP LOG [Sales] TO DISK = N'D:\\Backups\\Sales_split_brain_20240721T093000Z.trn' "
                        + "WITH CHECKSUM;").doesNotContain("COPY_ONLY").doesNotContain("NORECOVERY");
        assertThat(keepMi.steps().get(1).text()).contains("ALTER AVAILABILITY GROUP [DAG_Sales] SET (ROLE = SECONDARY);");
        assertThat(FailoverPlanner.resolveSplitBrain(ctx, LinkStep.End.MANAGED_INSTANCE, backupTo("/var/opt/mssql/b/"))
                .steps().get(0).text()).contains("N'/var/opt/mssql/b/Sales_split_brain_20240721T093000Z.trn'");
        assertThat(FailoverPlanner.resolveSplitBrain(ctx, LinkStep.End.MANAGED_INSTANCE, backupTo(null)).refusals())
                .singleElement().asString().contains("--backup-dir");

        LinkPlan keepSql = FailoverPlanner.resolveSplitBrain(ctx, LinkStep.End.SQL_SERVER, backupTo(null));
        assertThat(keepSql.refusals()).isEmpty();
        assertThat(keepSql.steps()).extracting(LinkStep::id).containsExactly("split-brain/Sales/copy-mi",
                "split-brain/Sales/demote-mi", "split-brain/Sales/wait");
        assertThat(keepSql.steps().get(0).text()).contains("\"method\": \"PUT\"")
                .contains("/databases/Sales_split_brain_20240721T093000Z?api-version")
                .contains("\"location\": \"westeurope\"").contains("\"createMode\": \"PointInTimeRestore\"")
                .contains("/databases/Sales\"").contains("\"restorePointInTime\": \"2024-07-21T09:30:00Z\"");
        assertThat(keepSql.steps().get(1).text()).contains("/setRole?api-version")
                .contains("\"instanceRole\": \"Secondary\",\n").contains("\"roleChangeType\": \"Forced\"");
        assertThat(FailoverPlanner.resolveSplitBrain(context(SQL2022, link(end("PRIMARY"), end("SECONDARY"))),
                LinkStep.End.SQL_SERVER, backupTo(null)).refusals()).singleElement().asString()
                .contains("No link is in split brain");
    }

    @Test
    void deleteDropsTheLinkThenTheDagAndOnRequestTheAg() {
        LinkPlan p = DeletePlanner.plan(context(SQL2022, link(end("PRIMARY"), end("SECONDARY"))), true);
        assertThat(p.refusals()).isEmpty();
        assertThat(p.steps()).extracting(LinkStep::id).containsExactly("delete/Sales/link", "delete/Sales/dag",
                "delete/Sales/ag");
        assertThat(p.steps().get(0).text()).contains("\"method\": \"DELETE\"");
        assertThat(p.steps().get(1).text()).contains("DROP AVAILABILITY GROUP [DAG_Sales];")
                .doesNotContain("DROP DATABASE");
        assertThat(p.steps().get(2).text()).contains("DROP AVAILABILITY GROUP [AG_Sales];");
        assertThat(DeletePlanner.plan(context(SQL2022, link(end("PRIMARY"), end("SECONDARY"))), false).steps())
                .hasSize(2);
    }

    @Test
    void deleteRefusedBeforeTheManagedInstancesFirstFullBackup() {
        LinkPlan none = DeletePlanner.plan(context(SQL2022, link(end("SECONDARY"), backup(end("PRIMARY"), false))),
                false);
        assertThat(none.refusals()).singleElement().asString().contains("first full backup")
                .contains("does not exist yet").contains("msdb.dbo.backupset").contains("type = 'D'");
        assertThat(DeletePlanner.plan(context(SQL2022, link(end("SECONDARY"), backup(end("PRIMARY"), null))), false)
                .refusals()).singleElement().asString().contains("could not be confirmed");
        assertThat(DeletePlanner.plan(context(SQL2022, link(end("SECONDARY"), backup(end("PRIMARY"), true))), false)
                .refusals()).isEmpty();
    }

    @Test
    void deleteOfAHalfMadeLinkRemovesWhatIsLeft() {
        LinkPlan p = DeletePlanner.plan(context(SQL2022, link(end("PRIMARY"), null)), false);
        assertThat(p.pending()).extracting(LinkStep::id).containsExactly("delete/Sales/dag");
    }
}
