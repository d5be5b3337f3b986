// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.sandbox.link.LinkSide;
import dev.milink.sandbox.link.LinkSimulation;
import dev.milink.sandbox.link.LinkState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CREATE / ALTER / DROP AVAILABILITY GROUP on the catalog engine, and the link seen from the SQL Server alone. */
class AvailabilityGroupStatementsTest {
    private static final String AG = "CREATE AVAILABILITY GROUP [AG_SalesDB] WITH (CLUSTER_TYPE = NONE) "
            + "FOR DATABASE [SalesDB] REPLICA ON N'SQLPROD02' WITH (ENDPOINT_URL = 'TCP://10.20.0.4:5022', "
            + "FAILOVER_MODE = MANUAL, AVAILABILITY_MODE = SYNCHRONOUS_COMMIT, SEEDING_MODE = AUTOMATIC)";

    @Test
    void createRefusedLikeSqlServer() {
        try (Sandbox off = Sandbox.of("unprepared-2019")) {
            assertThat(off.run(AG.replace("SQLPROD02", "SQLPROD01")).errorNumbers()).containsExactly(35221);
        }
        try (Sandbox sb = Sandbox.of("prepared-2022")) {
            assertThat(sb.run(AG.replace("WITH (CLUSTER_TYPE = NONE) ", "")).errorNumbers()).containsExactly(35220);
            assertThat(sb.run(AG.replace("[SalesDB]", "[NoSuchDb]")).errorNumbers()).containsExactly(911);
            assertThat(sb.run(AG.replace("N'SQLPROD02'", "N'OTHERHOST'")).errorNumbers()).containsExactly(35237);
            sb.run("ALTER DATABASE [Inventory] SET RECOVERY SIMPLE");
            assertThat(sb.run(AG.replace("[SalesDB]", "[Inventory]")).errorNumbers()).containsExactly(1475);
            assertThat(sb.run("CREATE AVAILABILITY GROUP [D] WITH (DISTRIBUTED) AVAILABILITY GROUP ON "
                    + "N'NoSuchAg' WITH (LISTENER_URL = 'TCP://h:5022'), N'mi' WITH (LISTENER_URL = 'tcp://m:5022')")
                    .errorNumbers()).containsExactly(15151);
            assertThat(sb.run("DROP AVAILABILITY GROUP [Nope]").errorNumbers()).containsExactly(15151);
            assertThat(sb.engine.state().scenario().availabilityGroups).isEmpty();
        }
    }

    @Test
    void createdGroupShowsInTheCatalogAndDropRemovesIt() {
        try (Sandbox sb = Sandbox.of("prepared-2022")) {
            assertThat(sb.run(AG).errors).isEmpty();
            assertThat(sb.run(AG).errorNumbers()).containsExactly(41042);
            assertThat(sb.run("SELECT name, cluster_type_desc, is_distributed FROM sys.availability_groups").only()
                    .rows().get(0)).containsExactly("AG_SalesDB", "none", false);
            assertThat(sb.run("SELECT replica_server_name, endpoint_url, availability_mode_desc, seeding_mode_desc "
                    + "FROM sys.availability_replicas").only().rows().get(0)).containsExactly(
                    "SQLPROD02", "TCP://10.20.0.4:5022", "SYNCHRONOUS_COMMIT", "AUTOMATIC");
            assertThat(sb.run("SELECT database_name FROM sys.availability_databases_cluster").scalar())
                    .isEqualTo("SalesDB");
            assertThat(sb.run("ALTER AVAILABILITY GROUP [AG_SalesDB] FAILOVER").errorNumbers()).containsExactly(50000);
            assertThat(sb.run("DROP AVAILABILITY GROUP [AG_SalesDB]").errors).isEmpty();
            assertThat(sb.run("SELECT COUNT(*) FROM sys.availability_groups").scalar()).isEqualTo(0L);
            assertThat(sb.engine.state().scenario().database("SalesDB").availabilityGroup).isNull();
        }
    }

    @Test
    void managedInstanceAsInitialPrimarySeedsTheDatabaseIntoSqlServerOnceCreateAnyDatabaseIsGranted() {
        try (Sandbox sb = Sandbox.of("prepared-2022")) {
            LinkSimulation link = sb.engine.state().link();
            assertThat(sb.run("CREATE AVAILABILITY GROUP [AG_Orders] WITH (CLUSTER_TYPE = NONE) FOR REPLICA ON "
                    + "N'SQLPROD02' WITH (ENDPOINT_URL = 'TCP://10.20.0.4:5022', FAILOVER_MODE = MANUAL, "
                    + "AVAILABILITY_MODE = SYNCHRONOUS_COMMIT, SEEDING_MODE = AUTOMATIC)").errors).isEmpty();
            assertThat(sb.run("CREATE AVAILABILITY GROUP [DAG_Orders] WITH (DISTRIBUTED) AVAILABILITY GROUP ON "
                    + "N'AG_Orders' WITH (LISTENER_URL = 'TCP://10.20.0.4:5022', AVAILABILITY_MODE = ASYNCHRONOUS_COMMIT, "
                    + "FAILOVER_MODE = MANUAL, SEEDING_MODE = AUTOMATIC), N'AG_Orders_MI' WITH (LISTENER_URL = "
                    + "'tcp://contoso-mi.abc123.database.windows.net:5022;Server=[contoso-mi];Database=[Orders]', "
                    + "AVAILABILITY_MODE = ASYNCHRONOUS_COMMIT, FAILOVER_MODE = MANUAL, SEEDING_MODE = AUTOMATIC)")
                    .errors).isEmpty();
            link.miCreated(new LinkSide.Mi("DAG_Orders", "AG_Orders_MI", "AG_Orders", "TCP://10.20.0.4:5022",
                    List.of("Orders"), LinkSide.Role.PRIMARY, "Manual"));
            link.setAutoAdvance(false);
            link.advance(10);
            LinkState state = link.link("DAG_Orders").orElseThrow();
            assertThat(state.connected()).isTrue();
            assertThat(state.sqlRole()).isEqualTo(LinkSide.Role.SECONDARY);
            assertThat(state.database("Orders").seeding()).isEqualTo(LinkSimulation.Seeding.NOT_STARTED);
            assertThat(sb.run("ALTER AVAILABILITY GROUP [AG_Orders] GRANT CREATE ANY DATABASE").errors).isEmpty();
            link.advance(10);
            assertThat(link.link("DAG_Orders").orElseThrow().database("Orders").seeding())
                    .isEqualTo(LinkSimulation.Seeding.COMPLETED);
            sb.run("SELECT 1");
            assertThat(sb.run("SELECT name FROM sys.databases WHERE name = 'Orders'").scalar()).isEqualTo("Orders");
            assertThat(sb.run("SELECT ars.role_desc FROM sys.dm_hadr_availability_replica_states AS ars "
                    + "JOIN sys.availability_groups AS ag ON ag.group_id = ars.group_id "
                    + "WHERE ag.is_distributed = 1 AND ars.is_local = 1").scalar()).isEqualTo("SECONDARY");
            assertThat(sb.run("SELECT is_primary_replica FROM sys.dm_hadr_database_replica_states AS drs "
                    + "JOIN sys.availability_groups AS ag ON ag.group_id = drs.group_id WHERE ag.is_distributed = 1")
                    .only().rows().get(0)).containsExactly(false);
            // the MI took its first full backup long ago: it was the primary from the start
            assertThat(link.link("DAG_Orders").orElseThrow().database("Orders").miHasFullBackup()).isTrue();
        }
    }
}
