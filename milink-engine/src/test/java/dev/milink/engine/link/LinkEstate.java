// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.link;

import dev.milink.azure.ArmConnection;
import dev.milink.azure.ArmEndpoints;
import dev.milink.azure.AzureAuth;
import dev.milink.azure.AzureOptions;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Status;
import dev.milink.core.link.LinkObservation;
import dev.milink.core.link.LinkRunner;
import dev.milink.core.link.LinkStep;
import dev.milink.core.model.Direction;
import dev.milink.core.model.LinkSettings;
import dev.milink.core.secret.Secret;
import dev.milink.sandbox.arm.ArmStandIn;
import dev.milink.sandbox.arm.AzureScenario;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Both stand-ins sharing one simulated link, and {@link LinkOperations} on them through the real mssql-jdbc driver
 * and the real azure-core pipeline; plus a plain JDBC connection for the test's own before/after queries.
 */
final class LinkEstate implements AutoCloseable {

    final SandboxEstate estate;
    final LinkOperations link;
    final List<String> progress = new ArrayList<>();
    final List<LinkObservation> seen = new ArrayList<>();
    /** Called on each observation while a run waits (the test's hook into "during seeding"). */
    Consumer<List<LinkObservation>> duringWait = o -> { };

    LinkEstate(String scenario, Path stateDir, int seedingSteps) throws Exception {
        this(scenario, stateDir, seedingSteps, 3);
    }

    /** @param firstBackupSteps steps after the MI becomes primary until its first full backup of a database */
    LinkEstate(String scenario, Path stateDir, int seedingSteps, int firstBackupSteps) throws Exception {
        this(AzureScenarios.load(scenario), stateDir, seedingSteps, firstBackupSteps);
    }

    LinkEstate(AzureScenario scenario, Path stateDir, int seedingSteps, int firstBackupSteps) throws Exception {
        // Seeding over several steps of the simulation (one per round trip), so runs observe it in progress.
        estate = SandboxEstate.start(scenario, new LinkSimulation.Settings(seedingSteps, 60, firstBackupSteps, 1,
                8, Instant.parse("2024-07-21T08:00:00Z"), Duration.ofSeconds(10)));
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
                Clock.systemUTC()).waiting(new LinkRunner.Waiting(Duration.ZERO, 300, d -> { }));
        link.remember(sales());
    }

    static LinkSettings sales() {
        return LinkSettings.of(Direction.SQL_TO_MI).withDatabases(List.of("SalesDB"));
    }

    LinkRunner.Progress recorder() {
        return new LinkRunner.Progress() {
            @Override
            public void step(LinkStep step, String message) {
                progress.add(step.id() + ": " + message);
            }

            @Override
            public void observed(List<LinkObservation> links) {
                seen.addAll(links);
                duringWait.accept(links);
            }
        };
    }

    List<Map<String, Object>> query(String select) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(estate.sql().jdbcUrl() + ";user=sa;password=Sandbox#2022sa");
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(select)) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    void sql(String statement) {
        try (Connection c = DriverManager.getConnection(estate.sql().jdbcUrl() + ";user=sa;password=Sandbox#2022sa");
             Statement st = c.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Status status(List<Finding> findings, String id) {
        return findings.stream().filter(f -> f.checkId().equals(id)).findFirst().orElseThrow().status();
    }

    @Override
    public void close() {
        link.close();
        estate.close();
    }
}
