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
}
