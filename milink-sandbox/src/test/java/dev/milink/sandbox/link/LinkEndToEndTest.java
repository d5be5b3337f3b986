// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpMethod;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The link through both real clients: T-SQL through mssql-jdbc on the sandbox SQL Server, ARM through azure-core on
 * the stand-in, both ends reading and changing one {@link LinkSimulation}.
 */
class LinkEndToEndTest {
    private static final String SEEDING = """
            SELECT s.current_state, s.error_code, p.transferred_size_bytes, p.database_size_bytes
            FROM sys.dm_hadr_automatic_seeding AS s
            LEFT JOIN sys.dm_hadr_physical_seeding_stats AS p ON p.local_physical_seeding_id IS NOT NULL""";

    /** Creates AG, DAG and the ARM link, in that order, and returns when the ARM PUT's operation succeeded. */
    static void create(LinkEnds ends) throws SQLException {
        ends.sql(LinkEnds.AG);
        ends.sql(LinkEnds.DAG);
        assertThat(ends.longRunning(HttpMethod.PUT, ends.dagPath("DAG_SalesDB"), LinkEnds.PUT_BODY))
                .isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
    }

    /** Observes the SQL Server end (each query is a round trip) until seeding ends; at most 40 queries. */
    static String seedToTheEnd(LinkEnds ends) throws SQLException {
        for (int i = 0; i < 40; i++) {
            Object state = ends.scalar("SELECT current_state FROM sys.dm_hadr_automatic_seeding");
            if ("COMPLETED".equals(state) || "FAILED".equals(state)) {
                return (String) state;
            }
        }
        throw new AssertionError("seeding did not end within 40 observations");
    }

    @Test
    void createBothEndsThenSeedingThenHealthy() throws Exception {
        try (LinkEnds ends = new LinkEnds("prepared-2022")) {
            ends.sql(LinkEnds.AG);
            ends.sql(LinkEnds.DAG);
            // the DAG stays disconnected until the MI joins
            assertThat(ends.replicaState(false)).containsEntry("connected_state_desc", "DISCONNECTED")
                    .containsEntry("replica_server_name", "AG_SalesDB_MI");
            assertThat(ends.query("SELECT name FROM sys.availability_groups WHERE is_distributed = 1"))
                    .containsExactly(Map.of("name", "DAG_SalesDB"));
            assertThat(ends.longRunning(HttpMethod.PUT, ends.dagPath("DAG_SalesDB"), LinkEnds.PUT_BODY))
                    .isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);

            List<Long> transferred = new java.util.ArrayList<>();
            for (int i = 0; i < 40 && !"COMPLETED".equals(ends.scalar("SELECT current_state FROM sys.dm_hadr_automatic_seeding")); i++) {
                Object t = ends.scalar("SELECT transferred_size_bytes FROM sys.dm_hadr_physical_seeding_stats");
                if (t != null) {
                    transferred.add(((Number) t).longValue());
                }
            }
            assertThat(transferred).isNotEmpty().isSorted();
            assertThat(ends.query("SELECT * FROM sys.dm_hadr_physical_seeding_stats")).isEmpty();
            assertThat(ends.replicaState(false)).containsEntry("connected_state_desc", "CONNECTED")
                    .containsEntry("synchronization_health_desc", "HEALTHY").containsEntry("role_desc", "SECONDARY");
            assertThat(ends.replicaState(true)).containsEntry("role_desc", "PRIMARY");

            JsonNode db = ends.get(ends.dagPath("DAG_SalesDB")).path("properties").path("databases").get(0);
            assertThat(db.path("replicaState").asText()).isEqualTo("LinkSynchronizing");
            assertThat(db.path("synchronizationHealth").asText()).isEqualTo("HEALTHY");
            assertThat(db.path("connectedState").asText()).isEqualTo("CONNECTED");
            assertThat(db.path("seedingProgress").asText()).isEqualTo("Completed");
            assertThat(db.path("partnerAuthCertValidity").path("certificateName").asText()).isEqualTo("SQLPROD02-endpoint");
            assertThat(db.path("partnerAuthCertValidity").path("expiryDate").asText()).startsWith("2034-07-01");
            assertThat(ends.get(ends.estate.arm().managedInstanceId() + "/databases/SalesDB").path("properties")
                    .path("status").asText()).isEqualTo("Online");

            // both ends report the same hardened LSN of the MI's copy at the same step
            ends.link().setAutoAdvance(false);
            BigDecimal sqlView = (BigDecimal) ends.scalar("""
                    SELECT drs.last_hardened_lsn FROM sys.dm_hadr_database_replica_states AS drs
                    JOIN sys.availability_groups AS ag ON ag.group_id = drs.group_id
                    WHERE ag.is_distributed = 1 AND drs.is_local = 0""");
            JsonNode arm = ends.get(ends.dagPath("DAG_SalesDB")).path("properties").path("databases").get(0);
            assertThat(arm.path("lastHardenedLsn").asText()).isEqualTo(sqlView.toPlainString());
            LinkState state = ends.link().link("DAG_SalesDB").orElseThrow();
            assertThat(state.database("SalesDB").miLsn()).isEqualTo(sqlView.longValueExact());
            assertThat(state.connected()).isTrue();
        }
    }

    private static JsonNode armDb(LinkEnds ends) {
        return ends.get(ends.dagPath("DAG_SalesDB")).path("properties").path("databases").get(0);
    }

    private static JsonNode armProps(LinkEnds ends) {
        return ends.get(ends.dagPath("DAG_SalesDB")).path("properties");
    }

    @Test
    void plannedFailoverNeedsSynchronousCommitThenSwapsRolesOnBothEnds() throws Exception {
        try (LinkEnds ends = new LinkEnds("prepared-2022")) {
            create(ends);
            assertThat(seedToTheEnd(ends)).isEqualTo("COMPLETED");
            assertThatThrownBy(() -> ends.sql("ALTER AVAILABILITY GROUP [DAG_SalesDB] FAILOVER"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("asynchronous-commit")
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(41142));
            ends.sql("""
                    ALTER AVAILABILITY GROUP [DAG_SalesDB] MODIFY AVAILABILITY GROUP ON
                     'AG_SalesDB' WITH (AVAILABILITY_MODE = SYNCHRONOUS_COMMIT),
                     'AG_SalesDB_MI' WITH (AVAILABILITY_MODE = SYNCHRONOUS_COMMIT)""");
            assertThat(ends.query("""
                    SELECT ar.availability_mode_desc FROM sys.availability_replicas AS ar
                    JOIN sys.availability_groups AS ag ON ag.group_id = ar.group_id WHERE ag.is_distributed = 1"""))
                    .extracting(r -> r.get("availability_mode_desc")).containsOnly("SYNCHRONOUS_COMMIT");
            // in synchronous commit the hardened LSNs match after the next round trip
            List<Map<String, Object>> lsns = ends.query("""
                    SELECT drs.is_local, drs.last_hardened_lsn, drs.synchronization_state_desc
                    FROM sys.dm_hadr_database_replica_states AS drs
                    JOIN sys.availability_groups AS ag ON ag.group_id = drs.group_id WHERE ag.is_distributed = 1""");
            assertThat(lsns).hasSize(2);
            assertThat(lsns.get(0).get("last_hardened_lsn")).isEqualTo(lsns.get(1).get("last_hardened_lsn"));
            assertThat(lsns.get(1).get("synchronization_state_desc")).isEqualTo("SYNCHRONIZED");

            ends.sql("ALTER AVAILABILITY GROUP [DAG_SalesDB] FAILOVER");
            assertThat(ends.replicaState(true)).containsEntry("role_desc", "SECONDARY");
            assertThat(ends.replicaState(false)).containsEntry("role_desc", "PRIMARY");
            assertThat(armProps(ends).path("instanceLinkRole").asText()).isEqualTo("Primary");
            assertThat(armProps(ends).path("partnerLinkRole").asText()).isEqualTo("Secondary");

            // failback from the MI through ARM (the MI switches to synchronous commit itself)
            assertThat(ends.longRunning(HttpMethod.POST, ends.dagPath("DAG_SalesDB") + "/failover",
                    "{\"failoverType\":\"Planned\"}")).isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
            assertThat(ends.replicaState(true)).containsEntry("role_desc", "PRIMARY");
            assertThat(armProps(ends).path("instanceLinkRole").asText()).isEqualTo("Secondary");
            assertThat(ends.link().link("DAG_SalesDB").orElseThrow().splitBrain()).isFalse();
        }
    }

    @Test
    void forcedFailoverLeavesTwoPrimariesUntilTheOldPrimaryBecomesSecondary() throws Exception {
        try (LinkEnds ends = new LinkEnds("prepared-2022")) {
            create(ends);
            seedToTheEnd(ends);
            assertThat(ends.longRunning(HttpMethod.POST, ends.dagPath("DAG_SalesDB") + "/failover",
                    "{\"failoverType\":\"ForcedAllowDataLoss\"}"))
                    .isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
            // split brain: both ends PRIMARY, nothing moves
            assertThat(ends.replicaState(true)).containsEntry("role_desc", "PRIMARY");
            assertThat(ends.replicaState(false)).containsEntry("role_desc", "PRIMARY")
                    .containsEntry("connected_state_desc", "DISCONNECTED");
            assertThat(armProps(ends).path("instanceLinkRole").asText()).isEqualTo("Primary");
            assertThat(armProps(ends).path("partnerLinkRole").asText()).isEqualTo("Primary");
            assertThat(armDb(ends).path("connectedState").asText()).isEqualTo("DISCONNECTED");
            assertThat(ends.link().link("DAG_SalesDB").orElseThrow().splitBrain()).isTrue();
            LinkEnds.Answer again = ends.send(HttpMethod.POST, ends.dagPath("DAG_SalesDB") + "/setRole",
                    "{\"instanceRole\":\"Primary\",\"roleChangeType\":\"Forced\"}");
            assertThat(again.status()).isEqualTo(400);
            assertThat(again.errorCode()).isEqualTo("DistributedAvailabilityGroupSetRoleInstanceAlreadyInRequestedRole");

            ends.sql("ALTER AVAILABILITY GROUP [DAG_SalesDB] SET (ROLE = SECONDARY)");
            assertThat(ends.replicaState(true)).containsEntry("role_desc", "SECONDARY");
            assertThat(ends.replicaState(false)).containsEntry("role_desc", "PRIMARY")
                    .containsEntry("connected_state_desc", "CONNECTED");
            assertThat(armDb(ends).path("connectedState").asText()).isEqualTo("CONNECTED");
            assertThat(ends.link().link("DAG_SalesDB").orElseThrow().splitBrain()).isFalse();
        }
    }

    @Test
    void splitBrainResolvedFromTheManagedInstanceWithSetRole() throws Exception {
        try (LinkEnds ends = new LinkEnds("prepared-2022")) {
            create(ends);
            seedToTheEnd(ends);
            ends.sql("""
                    ALTER AVAILABILITY GROUP [DAG_SalesDB] MODIFY AVAILABILITY GROUP ON
                     'AG_SalesDB' WITH (AVAILABILITY_MODE = SYNCHRONOUS_COMMIT),
                     'AG_SalesDB_MI' WITH (AVAILABILITY_MODE = SYNCHRONOUS_COMMIT)""");
            ends.query("SELECT 1");
            ends.sql("ALTER AVAILABILITY GROUP [DAG_SalesDB] FAILOVER");
            // the MI is primary now; forcing the SQL Server back makes two primaries
            ends.sql("ALTER AVAILABILITY GROUP [DAG_SalesDB] FORCE_FAILOVER_ALLOW_DATA_LOSS");
            assertThat(ends.link().link("DAG_SalesDB").orElseThrow().splitBrain()).isTrue();
            assertThat(ends.longRunning(HttpMethod.POST, ends.dagPath("DAG_SalesDB") + "/setRole",
                    "{\"instanceRole\":\"Secondary\",\"roleChangeType\":\"Forced\"}"))
                    .isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
            assertThat(armProps(ends).path("instanceLinkRole").asText()).isEqualTo("Secondary");
            assertThat(ends.replicaState(true)).containsEntry("role_desc", "PRIMARY");
            assertThat(ends.replicaState(false)).containsEntry("connected_state_desc", "CONNECTED");
        }
    }

    @Test
    void logBackupDuringSeedingBreaksItWith1412OnBothEnds() throws Exception {
        try (LinkEnds ends = new LinkEnds("prepared-2022")) {
            create(ends);
            assertThat(ends.scalar("SELECT current_state FROM sys.dm_hadr_automatic_seeding")).isEqualTo("SEEDING");
            ends.sql("BACKUP LOG [SalesDB] TO DISK = N'D:\\Backups\\SalesDB_log.trn'");
            assertThat(seedToTheEnd(ends)).isEqualTo("FAILED");
            assertThat(ends.query("SELECT error_code, failure_state_desc FROM sys.dm_hadr_automatic_seeding"))
                    .containsExactly(Map.of("error_code", 1412, "failure_state_desc", "SQL Error"));
            assertThat(ends.replicaState(false)).containsEntry("synchronization_health_desc", "NOT_HEALTHY");
            JsonNode db = armDb(ends);
            assertThat(db.path("replicaState").asText()).isEqualTo("LinkCreationError");
            assertThat(db.path("mostRecentLinkError").asText()).isEqualTo("1412");
            assertThat(db.path("synchronizationHealth").asText()).isEqualTo("NOT_HEALTHY");
        }
    }

    @Test
    void anEnabledScheduledLogBackupJobBreaksSeedingAndDisablingItPreventsThat() throws Exception {
        try (LinkEnds ends = new LinkEnds("prepared-2022-log-backups")) {
            assertThat(ends.query("""
                    SELECT j.name FROM msdb.dbo.sysjobs AS j JOIN msdb.dbo.sysjobsteps AS s ON s.job_id = j.job_id
                    JOIN msdb.dbo.sysjobschedules AS js ON js.job_id = j.job_id
                    WHERE j.enabled = 1 AND s.command LIKE '%DatabaseBackup%' AND s.command LIKE '%LOG%'"""))
                    .containsExactly(Map.of("name", "DatabaseBackup - USER_DATABASES - LOG"));
            int backupsBefore = ((Number) ends.scalar("SELECT COUNT(*) FROM msdb.dbo.backupset WHERE type = 'L'")).intValue();
            create(ends);
            assertThat(seedToTheEnd(ends)).isEqualTo("FAILED");
            assertThat(((Number) ends.scalar("SELECT COUNT(*) FROM msdb.dbo.backupset WHERE type = 'L' AND database_name = 'SalesDB'"))
                    .intValue()).isEqualTo(backupsBefore + 1);
        }
        try (LinkEnds ends = new LinkEnds("prepared-2022-log-backups")) {
            ends.sql("EXEC msdb.dbo.sp_update_job @job_name = N'DatabaseBackup - USER_DATABASES - LOG', @enabled = 0");
            assertThat(ends.query("SELECT enabled FROM msdb.dbo.sysjobs WHERE name = 'DatabaseBackup - USER_DATABASES - LOG'"))
                    .containsExactly(Map.of("enabled", (short) 0));
            create(ends);
            assertThat(seedToTheEnd(ends)).isEqualTo("COMPLETED");
            ends.sql("EXEC msdb.dbo.sp_update_job @job_name = N'DatabaseBackup - USER_DATABASES - LOG', @enabled = 1");
            assertThat(((Number) ends.scalar("SELECT next_run_date FROM msdb.dbo.sysjobschedules AS js JOIN msdb.dbo.sysjobs AS j ON j.job_id = js.job_id WHERE j.name = 'DatabaseBackup - USER_DATABASES - LOG'")).intValue()).isPositive();
        }
    }

    @Test
    void deleteFromEitherEndAndTheFirstManagedInstanceBackupComesLater() throws Exception {
        try (LinkEnds ends = new LinkEnds("prepared-2022")) {
            create(ends);
            seedToTheEnd(ends);
            assertThat(ends.longRunning(HttpMethod.POST, ends.dagPath("DAG_SalesDB") + "/failover",
                    "{\"failoverType\":\"Planned\"}")).isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
            ends.link().setAutoAdvance(false);
            assertThat(armDb(ends).path("lastBackupLsn").isNull()).isTrue();
            assertThat(ends.link().link("DAG_SalesDB").orElseThrow().database("SalesDB").miHasFullBackup()).isFalse();
            ends.link().advance(ends.link().settings().firstMiBackupAfterSteps());
            assertThat(armDb(ends).path("lastBackupLsn").asText()).isNotEmpty();
            ends.link().setAutoAdvance(true);

            assertThat(ends.longRunning(HttpMethod.DELETE, ends.dagPath("DAG_SalesDB"), null))
                    .isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
            assertThat(ends.send(HttpMethod.GET, ends.dagPath("DAG_SalesDB"), null).status()).isEqualTo(404);
            assertThat(ends.replicaState(false)).containsEntry("connected_state_desc", "DISCONNECTED");
            ends.sql("DROP AVAILABILITY GROUP [DAG_SalesDB]");
            assertThat(ends.link().isEmpty()).isTrue();
            assertThat(ends.query("SELECT name FROM sys.availability_groups"))
                    .containsExactly(Map.of("name", "AG_SalesDB"));
            // the MI keeps its database: the link never drops databases
            assertThat(ends.get(ends.estate.arm().managedInstanceId() + "/databases/SalesDB").path("name").asText())
                    .isEqualTo("SalesDB");
        }
    }

    @Test
    void armLinkWithoutTheSqlServerDagFailsAfterTheConnectTimeout() throws Exception {
        try (LinkEnds ends = new LinkEnds("prepared-2022")) {
            ends.sql(LinkEnds.AG);
            assertThat(ends.longRunning(HttpMethod.PUT, ends.dagPath("DAG_SalesDB"), LinkEnds.PUT_BODY))
                    .isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
            assertThat(armDb(ends).path("replicaState").asText()).isEqualTo("CreatingLink");
            assertThat(armDb(ends).path("connectedState").asText()).isEqualTo("DISCONNECTED");
            ends.link().advance(ends.link().settings().connectTimeoutSteps());
            JsonNode db = armDb(ends);
            assertThat(db.path("replicaState").asText()).isEqualTo("LinkInitError");
            assertThat(db.path("mostRecentLinkError").asText()).isEqualTo("41962");
            // a DAG made now is too late: the link stays failed until it is deleted and created again
            ends.sql(LinkEnds.DAG);
            ends.link().advance(3);
            assertThat(ends.replicaState(false)).containsEntry("connected_state_desc", "DISCONNECTED")
                    .containsEntry("last_connect_error_number", 41962);
        }
    }

    @Test
    void armFirstThenTheSqlServerDagWithinTheTimeoutConnects() throws Exception {
        try (LinkEnds ends = new LinkEnds("prepared-2022")) {
            ends.sql(LinkEnds.AG);
            ends.longRunning(HttpMethod.PUT, ends.dagPath("DAG_SalesDB"), LinkEnds.PUT_BODY);
            ends.sql(LinkEnds.DAG);
            assertThat(seedToTheEnd(ends)).isEqualTo("COMPLETED");
            assertThat(armDb(ends).path("connectedState").asText()).isEqualTo("CONNECTED");
        }
    }

    @Test
    void untrustedSqlServerCertificateKeepsTheLinkFromConnecting() throws Exception {
        try (LinkEnds ends = new LinkEnds("prepared-2022")) {
            ends.estate.arm().state().remove(ends.estate.arm().managedInstanceId()
                    + "/serverTrustCertificates/SQLPROD02-endpoint");
            create(ends);
            ends.query("SELECT 1");
            assertThat(ends.replicaState(false)).containsEntry("connected_state_desc", "DISCONNECTED")
                    .containsEntry("last_connect_error_number", 41973);
        }
    }

    @Test
    void halfMadeLinkScenarioHasTheAvailabilityGroupButNoDag() throws Exception {
        try (LinkEnds ends = new LinkEnds("prepared-2022-half-link")) {
            assertThat(ends.query("SELECT name, is_distributed FROM sys.availability_groups"))
                    .containsExactly(Map.of("name", "AG_SalesDB", "is_distributed", false));
            assertThat(ends.get(ends.estate.arm().managedInstanceId() + "/distributedAvailabilityGroups")
                    .path("value")).isEmpty();
            assertThatThrownBy(() -> ends.sql(LinkEnds.AG)).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(41042));
            ends.sql(LinkEnds.DAG);
            ends.longRunning(HttpMethod.PUT, ends.dagPath("DAG_SalesDB"), LinkEnds.PUT_BODY);
            assertThat(seedToTheEnd(ends)).isEqualTo("COMPLETED");
        }
    }

    @Test
    void afterA1412TheLinkIsRemovedAtBothEndsWithTheMiDatabaseAndCreatedAgain() throws Exception {
        try (LinkEnds ends = new LinkEnds("prepared-2022")) {
            create(ends);
            assertThat(ends.scalar("SELECT current_state FROM sys.dm_hadr_automatic_seeding")).isEqualTo("SEEDING");
            ends.link().sqlLogBackup("SalesDB");
            assertThat(seedToTheEnd(ends)).isEqualTo("FAILED");
            String miDb = ends.estate.arm().managedInstanceId() + "/databases/SalesDB";
            LinkEnds.Answer busy = ends.send(HttpMethod.DELETE, miDb, null);
            assertThat(busy.status()).isEqualTo(409);
            assertThat(busy.errorCode()).isEqualTo("OperationCanNotStartDueToMiLink");
            assertThat(ends.longRunning(HttpMethod.DELETE, ends.dagPath("DAG_SalesDB"), null))
                    .isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
            ends.sql("DROP AVAILABILITY GROUP [DAG_SalesDB]");
            // the half-seeded copy is still on the MI: a new link for it is refused until it is dropped
            LinkEnds.Answer taken = ends.send(HttpMethod.PUT, ends.dagPath("DAG_SalesDB"), LinkEnds.PUT_BODY);
            assertThat(taken.status()).isEqualTo(400);
            assertThat(taken.errorCode()).isEqualTo("RemoteDatabaseExists");
            assertThat(ends.longRunning(HttpMethod.DELETE, miDb, null))
                    .isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
            ends.sql(LinkEnds.DAG);
            assertThat(ends.longRunning(HttpMethod.PUT, ends.dagPath("DAG_SalesDB"), LinkEnds.PUT_BODY))
                    .isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
            assertThat(seedToTheEnd(ends)).isEqualTo("COMPLETED");
            assertThat(armDb(ends).path("mostRecentLinkError").asText()).isEmpty();
        }
    }

    @Test
    void managedInstanceAsInitialPrimaryThroughArmSeedsIntoSqlServer() throws Exception {
        try (LinkEnds ends = new LinkEnds("prepared-2022")) {
            ends.sql("""
                    CREATE AVAILABILITY GROUP [AG_Reports] WITH (CLUSTER_TYPE = NONE) FOR REPLICA ON N'SQLPROD02'
                     WITH (ENDPOINT_URL = 'TCP://10.20.0.4:5022', FAILOVER_MODE = MANUAL,
                     AVAILABILITY_MODE = SYNCHRONOUS_COMMIT, SEEDING_MODE = AUTOMATIC);
                    ALTER AVAILABILITY GROUP [AG_Reports] GRANT CREATE ANY DATABASE;
                    CREATE AVAILABILITY GROUP [DAG_Reports] WITH (DISTRIBUTED) AVAILABILITY GROUP ON
                     N'AG_Reports' WITH (LISTENER_URL = 'TCP://10.20.0.4:5022', AVAILABILITY_MODE = ASYNCHRONOUS_COMMIT,
                       FAILOVER_MODE = MANUAL, SEEDING_MODE = AUTOMATIC),
                     N'AG_Reports_MI' WITH (LISTENER_URL = 'tcp://contoso-mi.abc123.database.windows.net:5022;Server=[contoso-mi];Database=[ReportingArchive]',
                       AVAILABILITY_MODE = ASYNCHRONOUS_COMMIT, FAILOVER_MODE = MANUAL, SEEDING_MODE = AUTOMATIC)""");
            assertThat(ends.longRunning(HttpMethod.PUT, ends.dagPath("DAG_Reports"), """
                    {"properties":{"databases":[{"databaseName":"ReportingArchive"}],
                     "partnerEndpoint":"TCP://10.20.0.4:5022","instanceAvailabilityGroupName":"AG_Reports_MI",
                     "partnerAvailabilityGroupName":"AG_Reports","failoverMode":"Manual","seedingMode":"Automatic",
                     "instanceLinkRole":"Primary"}}""")).isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
            assertThat(seedToTheEnd(ends)).isEqualTo("COMPLETED");
            assertThat(ends.scalar("SELECT name FROM sys.databases WHERE name = 'ReportingArchive'"))
                    .isEqualTo("ReportingArchive");
            assertThat(ends.replicaState(true)).containsEntry("role_desc", "SECONDARY");
            JsonNode props = ends.get(ends.dagPath("DAG_Reports")).path("properties");
            assertThat(props.path("instanceLinkRole").asText()).isEqualTo("Primary");
            assertThat(props.path("databases").get(0).path("lastBackupLsn").asText()).isNotEmpty();
        }
    }
}
