// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.link.FailoverPlanner;
import dev.milink.core.link.LinkObservation;
import dev.milink.core.link.LinkPlan;
import dev.milink.core.model.Direction;
import dev.milink.core.model.LinkSettings;
import dev.milink.sandbox.link.LinkState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names with {@code ]}, {@code '}, spaces and non-Latin letters, end to end: {@code create → status → failover →
 * delete} through the real mssql-jdbc driver and the real azure-core pipeline. The sandbox parses the T-SQL it
 * receives ({@code [..]]..]} names, {@code N'..''..'} strings) and the ARM stand-in decodes the path, so the names
 * each end ends up with prove what milink sent.
 */
class LinkOddNamesSandboxTest {

    private static final String DB = "Bad]Name 'x' Ünïcødé";
    private static final String LINK = "Link ]] 'ü' Ωmega";

    @TempDir
    Path stateDir;

    @Test
    void createStatusFailoverDeleteWithOddNames() throws Exception {
        try (LinkEstate e = new LinkEstate("prepared-2022", stateDir, 3)) {
            e.sql("SELECT 1");   // the engine's live state exists from the first login on
            e.estate.sqlEngine().state().scenario().database("SalesDB").name = DB;
            LinkSettings odd = LinkSettings.of(Direction.SQL_TO_MI).withDatabases(List.of(DB)).withLinkName(LINK);
            e.link.remember(odd);

            LinkOperations.CreatePreview p = e.link.previewCreate(odd, false, "10.20.0.4");
            assertThat(p.gateBlocks()).extracting(Finding::message).isEmpty();
            assertThat(p.plan().refusals()).isEmpty();
            e.link.apply(p.plan(), odd, e.recorder());

            // what SQL Server made of the T-SQL: the names exactly, so every quote was escaped and parsed back
            assertThat(e.query("SELECT ag.name, ag.is_distributed FROM sys.availability_groups ag ORDER BY ag.name"))
                    .containsExactly(Map.of("name", "AG_" + DB, "is_distributed", false),
                            Map.of("name", LINK, "is_distributed", true));
            assertThat(e.query("SELECT ag.name, d.database_name FROM sys.availability_databases_cluster d JOIN "
                    + "sys.availability_groups ag ON ag.group_id = d.group_id WHERE ag.is_distributed = 0"))
                    .containsExactly(Map.of("name", "AG_" + DB, "database_name", DB));
            // what the managed instance made of the ARM path and body
            LinkState link = e.estate.link().link(LINK).orElseThrow();
            assertThat(link.database(DB)).isNotNull();
            // the stand-in logs the decoded path: the percent-encoded name came back exactly
            assertThat(e.estate.arm().requestLog().find("PUT", ".*/distributedAvailabilityGroups/"
                    + Pattern.quote(LINK))).singleElement().satisfies(r -> assertThat(r.body())
                    .contains("\"databaseName\":\"" + DB + "\"").contains("\"partnerAvailabilityGroupName\":\"AG_" + DB));

            LinkOperations.Status healthy = e.link.status(odd);
            assertThat(healthy.links()).singleElement().satisfies(o -> {
                assertThat(o.linkName()).isEqualTo(LINK);
                assertThat(o.database()).isEqualTo(DB);
                assertThat(o.sqlServer().orElseThrow().isPrimary()).isTrue();
                assertThat(o.managedInstance().orElseThrow().connectedState()).isEqualTo("CONNECTED");
            });
            assertThat(healthy.findings()).filteredOn(f -> f.checkId().equals("MIL-L4"))
                    .extracting(f -> f.status().name()).containsExactly("PASS");

            e.estate.link().setWorkload(false);
            LinkPlan failover = e.link.planFailover(odd, FailoverPlanner.Mode.PLANNED, false, false);
            assertThat(failover.refusals()).isEmpty();
            e.link.apply(failover, odd, e.recorder());
            LinkObservation after = e.link.status(odd).links().get(0);
            assertThat(after.managedInstance().orElseThrow().isPrimary()).isTrue();
            assertThat(e.query("SELECT r.replica_server_name, r.availability_mode_desc FROM sys.availability_replicas r "
                    + "JOIN sys.availability_groups ag ON ag.group_id = r.group_id WHERE ag.is_distributed = 1 "
                    + "ORDER BY r.replica_server_name"))
                    .extracting(r -> r.get("availability_mode_desc")).containsOnly("ASYNCHRONOUS_COMMIT");

            LinkPlan delete = e.link.planDelete(odd, true);
            assertThat(delete.refusals()).as("the MI's first full backup exists after %s steps", 3).isEmpty();
            e.link.apply(delete, odd, e.recorder());
            assertThat(e.query("SELECT name FROM sys.availability_groups")).isEmpty();
            assertThat(e.query("SELECT name FROM sys.databases WHERE name = N'" + DB.replace("'", "''") + "'"))
                    .hasSize(1);
            assertThat(e.estate.link().link(LINK)).isEmpty();
        }
    }

    @Test
    void theManagedInstanceAsInitialPrimaryWithAnOddDatabaseName() throws Exception {
        try (LinkEstate e = new LinkEstate("prepared-2022", stateDir, 3)) {
            String mi = e.estate.arm().managedInstanceId();
            var db = e.estate.arm().state().get(mi + "/databases/ReportingArchive").deepCopy();
            db.put("name", DB).put("id", mi + "/databases/" + DB);
            e.estate.arm().state().put(mi + "/databases/" + DB, db);
            LinkSettings odd = LinkSettings.of(Direction.MI_TO_SQL).withDatabases(List.of(DB));
            e.link.remember(odd);

            LinkOperations.CreatePreview p = e.link.previewCreate(odd, false, "10.20.0.4");
            assertThat(p.plan().refusals()).isEmpty();
            assertThat(p.plan().steps().stream().filter(s -> s.id().equals("create/" + DB + "/dag")).findFirst()
                    .orElseThrow().text()).contains(";Database=[Bad]]Name ''x'' Ünïcødé]'");
            e.link.apply(p.plan(), odd, e.recorder());

            // SQL Server seeded into the database its listener URL names: the ]] and '' were read back
            assertThat(e.query("SELECT name FROM sys.databases WHERE name = N'" + DB.replace("'", "''") + "'"))
                    .hasSize(1);
            assertThat(e.query("SELECT name FROM sys.availability_groups ORDER BY name"))
                    .containsExactly(Map.of("name", "AG_" + DB), Map.of("name", "DAG_" + DB));
            assertThat(e.link.status(odd).links().get(0).managedInstance().orElseThrow().connectedState())
                    .isEqualTo("CONNECTED");
        }
    }
}
