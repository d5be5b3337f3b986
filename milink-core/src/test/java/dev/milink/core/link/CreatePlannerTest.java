// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.link.LogBackupJobs.JobStep;
import dev.milink.core.model.Direction;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ManagedInstanceFacts.DistributedAvailabilityGroup;
import dev.milink.core.model.ManagedInstanceFacts.MiDatabase;
import dev.milink.core.model.ServerFacts.AvailabilityGroup;
import dev.milink.core.testing.TestFacts;
import dev.milink.core.testing.TestMi;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreatePlannerTest {

    private static final CreateOptions OPTIONS = new CreateOptions(List.of(), false, TestMi.SQL_ADDRESS);

    private static LinkStep step(LinkPlan plan, String id) {
        return plan.steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void sqlServerPrimaryPlansTheDocumentedOrder() {
        LinkPlan plan = CreatePlanner.plan(TestFacts.linked().linkDatabases("Sales").build(), OPTIONS);

        assertThat(plan.refusals()).isEmpty();
        assertThat(plan.steps()).extracting(LinkStep::id).containsExactly("create/trust-certificate",
                "create/mi-certificate", "create/endpoint", "create/Sales/ag", "create/Sales/dag",
                "create/Sales/link", "create/wait-seeding");
        // The ready facts already hold both certificates and the endpoint: matched by key, not created again.
        assertThat(step(plan, "create/trust-certificate").alreadyDone()).hasValueSatisfying(
                s -> assertThat(s).contains("Cert_SQL01_endpoint"));
        assertThat(step(plan, "create/mi-certificate").isDone()).isTrue();
        assertThat(step(plan, "create/endpoint").isDone()).isTrue();
        assertThat(plan.pending()).extracting(LinkStep::id).containsExactly("create/Sales/ag", "create/Sales/dag",
                "create/Sales/link", "create/wait-seeding");

        String ag = step(plan, "create/Sales/ag").text();
        assertThat(ag).contains("CREATE AVAILABILITY GROUP [AG_Sales] WITH (CLUSTER_TYPE = NONE)")
                .contains("FOR DATABASE [Sales]").contains("REPLICA ON N'SQL01'")
                .contains("ENDPOINT_URL = N'TCP://10.1.0.4:5022'");
        String dag = step(plan, "create/Sales/dag").text();
        assertThat(dag).contains("CREATE AVAILABILITY GROUP [DAG_Sales]").contains("WITH (DISTRIBUTED)")
                .contains("N'AG_Sales' WITH").contains("N'AG_Sales_MI' WITH")
                .contains("LISTENER_URL = N'tcp://" + TestFacts.MI_FQDN + ":5022;Server=[contoso-mi]'")
                .doesNotContain("Database=");
        String put = step(plan, "create/Sales/link").text();
        assertThat(put).contains("\"method\": \"PUT\"")
                .contains(TestMi.RESOURCE_ID + "/distributedAvailabilityGroups/DAG_Sales?api-version=2025-01-01")
                .contains("\"databaseName\": \"Sales\"").contains("\"partnerEndpoint\": \"TCP://10.1.0.4:5022\"")
                .contains("\"instanceAvailabilityGroupName\": \"AG_Sales_MI\"")
                .contains("\"partnerAvailabilityGroupName\": \"AG_Sales\"")
                .contains("\"instanceLinkRole\": \"Secondary\"").contains("\"seedingMode\": \"Automatic\"")
                .contains("\"failoverMode\": \"Manual\"");
    }

    @Test
    void everyNameIsQuotedWhateverItHolds() {
        String db = "Sa]les 'Q1' Продажи";
        TestFacts f = TestFacts.linked().addDatabase(TestFacts.readyDatabase(6, db)).linkDatabases(db);
        LinkPlan plan = CreatePlanner.plan(f.build(), OPTIONS);

        assertThat(plan.refusals()).isEmpty();
        String ag = step(plan, "create/" + db + "/ag").text();
        assertThat(ag).contains("CREATE AVAILABILITY GROUP [AG_Sa]]les 'Q1' Продажи]")
                .contains("FOR DATABASE [Sa]]les 'Q1' Продажи]")
                .contains("WHERE name = N'AG_Sa]les ''Q1'' Продажи'");
        assertThat(step(plan, "create/" + db + "/dag").text())
                .contains("CREATE AVAILABILITY GROUP [DAG_Sa]]les 'Q1' Продажи]")
                .contains("N'AG_Sa]les ''Q1'' Продажи_MI' WITH");
        String put = step(plan, "create/" + db + "/link").text();
        assertThat(put).contains("/distributedAvailabilityGroups/DAG_Sa%5Dles%20%27Q1%27%20"
                        + "%D0%9F%D1%80%D0%BE%D0%B4%D0%B0%D0%B6%D0%B8?api-version")
                .contains("\"databaseName\": \"Sa]les 'Q1' Продажи\"");
    }

    @Test
    void managedInstancePrimaryCreatesAnEmptyGroupWithGrantAndNamesTheDatabase() {
        LinkPlan plan = CreatePlanner.plan(TestFacts.linked().direction(Direction.MI_TO_SQL).linkDatabases("Sales")
                .build(), OPTIONS);
        assertThat(plan.refusals()).isEmpty();
        assertThat(step(plan, "create/Sales/ag").text()).contains("FOR REPLICA ON N'SQL01'")
                .doesNotContain("FOR DATABASE").contains("ALTER AVAILABILITY GROUP [AG_Sales] GRANT CREATE ANY DATABASE;");
        assertThat(step(plan, "create/Sales/dag").text()).contains(";Server=[contoso-mi];Database=[Sales]'");
        assertThat(step(plan, "create/Sales/link").text()).contains("\"instanceLinkRole\": \"Primary\"");
    }

    @Test
    void managedInstancePrimaryNeedsSqlServer2022() {
        LinkPlan plan = CreatePlanner.plan(TestFacts.linked().version("15.0.4312.2", "Enterprise Edition", 3)
                .direction(Direction.MI_TO_SQL).linkDatabases("Sales").build(), OPTIONS);
        assertThat(plan.refusals()).singleElement().asString().contains("SQL Server 2022 CU10");
    }

    @Test
    void sqlServer2016GetsNoClusterType() {
        LinkPlan plan = CreatePlanner.plan(TestFacts.linked().version("13.0.6300.2", "Enterprise Edition", 3)
                .linkDatabases("Sales").build(), OPTIONS);
        assertThat(step(plan, "create/Sales/ag").text()).doesNotContain("CLUSTER_TYPE")
                .contains("CREATE AVAILABILITY GROUP [AG_Sales]\n");
    }

    @Test
    void aDatabaseOfThatNameOnTheManagedInstanceRefuses() {
        TestMi mi = TestMi.ready().set("databases", Fact.of(List.of(new MiDatabase("Sales", "Online"))));
        LinkPlan plan = CreatePlanner.plan(TestFacts.linked().mi(mi).linkDatabases("Sales").build(), OPTIONS);
        assertThat(plan.refused()).isTrue();
        assertThat(plan.refusals()).singleElement().asString().contains("already has a database named Sales");
    }

    @Test
    void anotherLinkUsingTheNamesRefuses() {
        TestMi mi = TestMi.ready().set("links", Fact.of(List.of(new DistributedAvailabilityGroup("DAG_Sales",
                "AG_Other", "AG_Other_MI", "TCP://10.1.0.9:5022", "Secondary", "Async", List.of("Other")))));
        LinkPlan plan = CreatePlanner.plan(TestFacts.linked().mi(mi).linkDatabases("Sales").build(), OPTIONS);
        assertThat(plan.refusals()).singleElement().asString().contains("already has a link named DAG_Sales");
    }

    @Test
    void aRerunAfterEveryStepFindsThemDoneAndCreatesNothingTwice() {
        TestMi mi = TestMi.ready()
                .set("links", Fact.of(List.of(new DistributedAvailabilityGroup("DAG_Sales", "AG_Sales",
                        "AG_Sales_MI", "TCP://10.1.0.4:5022", "Secondary", "Async", List.of("Sales")))))
                .set("databases", Fact.of(List.of(new MiDatabase("Sales", "Restoring"))));
        TestFacts f = TestFacts.linked().mi(mi).linkDatabases("Sales").availabilityGroups(Fact.of(List.of(
                new AvailabilityGroup("AG_Sales", false, "NONE", List.of("Sales")),
                new AvailabilityGroup("DAG_Sales", true, "NONE", List.of()))));
        LinkPlan plan = CreatePlanner.plan(f.build(), OPTIONS);
        assertThat(plan.refusals()).isEmpty();
        assertThat(plan.pending()).extracting(LinkStep::id).containsExactly("create/wait-seeding");
    }

    @Test
    void anAvailabilityGroupOfThatNameWithOtherDatabasesRefuses() {
        TestFacts f = TestFacts.linked().linkDatabases("Sales").availabilityGroups(Fact.of(List.of(
                new AvailabilityGroup("AG_Sales", false, "NONE", List.of("Sales", "Inventory")))));
        assertThat(CreatePlanner.plan(f.build(), OPTIONS).refusals()).singleElement().asString()
                .contains("availability group named AG_Sales");
    }

    @Test
    void logBackupJobsRefuseUnlessPausedThenArePausedAroundTheSeeding() {
        List<LogBackupJob> jobs = LogBackupJobs.find(List.of(
                new JobStep("job-ola", "DatabaseBackup - USER_DATABASES - LOG", true, 1, "DatabaseBackup", "TSQL",
                        "master", "EXECUTE dbo.DatabaseBackup @Databases = 'USER_DATABASES', @BackupType = 'LOG'"),
                new JobStep("job-other", "Inventory log", true, 1, "log", "TSQL", "master",
                        "BACKUP LOG [Inventory] TO DISK = 'x'"),
                new JobStep("job-off", "Disabled log", false, 1, "log", "TSQL", "master",
                        "BACKUP LOG [Sales] TO DISK = 'x'")));
        var facts = TestFacts.linked().linkDatabases("Sales").build();

        LinkPlan refused = CreatePlanner.plan(facts, new CreateOptions(jobs, false, TestMi.SQL_ADDRESS));
        assertThat(refused.refusals()).singleElement().asString()
                .contains("DatabaseBackup - USER_DATABASES - LOG").contains("1408/1412")
                .contains("--pause-log-backups").doesNotContain("Inventory log").doesNotContain("Disabled log");

        LinkPlan paused = CreatePlanner.plan(facts, new CreateOptions(jobs, true, TestMi.SQL_ADDRESS));
        assertThat(paused.refusals()).isEmpty();
        assertThat(paused.steps()).extracting(LinkStep::id).containsSubsequence("create/Sales/dag",
                "create/pause-log-backups", "create/Sales/link", "create/wait-seeding", "create/resume-log-backups");
        assertThat(step(paused, "create/pause-log-backups").text()).isEqualTo("job-ola");

        // A crash after the pause: the job is disabled now, and the saved state says milink disabled it.
        List<LogBackupJob> disabled = LogBackupJobs.find(List.of(new JobStep("job-ola",
                "DatabaseBackup - USER_DATABASES - LOG", false, 1, "DatabaseBackup", "TSQL", "master",
                "EXECUTE dbo.DatabaseBackup @Databases = 'USER_DATABASES', @BackupType = 'LOG'")));
        LinkPlan rerun = CreatePlanner.plan(facts, new CreateOptions(disabled, false, TestMi.SQL_ADDRESS)
                .withPausedEarlier(java.util.Set.of("JOB-OLA")));
        assertThat(rerun.refusals()).isEmpty();
        assertThat(step(rerun, "create/pause-log-backups").isDone()).isTrue();
        assertThat(step(rerun, "create/resume-log-backups").isDone()).isFalse();
        // Disabled by someone else: not milink's to enable.
        assertThat(CreatePlanner.plan(facts, new CreateOptions(disabled, false, TestMi.SQL_ADDRESS)).steps())
                .extracting(LinkStep::id).doesNotContain("create/resume-log-backups");
    }

    @Test
    void severalDatabasesGetOneLinkEach() {
        TestFacts f = TestFacts.linked().addDatabase(TestFacts.readyDatabase(6, "Inventory"))
                .linkDatabases("Sales", "Inventory");
        f = f.link(f.build().link().withLinkName("Contoso"));
        LinkPlan plan = CreatePlanner.plan(f.build(), OPTIONS);
        assertThat(plan.linkName()).isEqualTo("Contoso_Sales, Contoso_Inventory");
        assertThat(plan.steps()).extracting(LinkStep::id).containsSubsequence("create/Sales/ag", "create/Sales/dag",
                "create/Inventory/ag", "create/Inventory/dag", "create/Sales/link", "create/Inventory/link");
    }

    @Test
    void noDatabaseOrNoManagedInstanceRefuses() {
        assertThat(CreatePlanner.plan(TestFacts.linked().build(), OPTIONS).refusals()).first().asString()
                .contains("--database");
        assertThat(CreatePlanner.plan(TestFacts.ready().linkDatabases("Sales").build(), OPTIONS).refusals())
                .anySatisfy(r -> assertThat(r).contains("--mi"));
    }
}
