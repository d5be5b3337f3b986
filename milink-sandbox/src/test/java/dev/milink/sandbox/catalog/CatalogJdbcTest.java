// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.sandbox.engine.Faults;
import dev.milink.sandbox.scenario.Scenario;
import dev.milink.sandbox.scenario.Scenarios;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.SandboxInstance;
import dev.milink.sandbox.server.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog engine behind the TDS server, driven by the real mssql-jdbc driver. */
class CatalogJdbcTest {
    private static SandboxServer server;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(InstanceDef.of("sql", CatalogEngine.create(Scenarios.load("unprepared-2019"))));
        url = server.instance("sql").jdbcUrl() + ";user=sa;password=Sandbox#2019sa";
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void readinessQueriesThroughTheDriver() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertThat(c.getMetaData().getDatabaseProductVersion()).startsWith("15.0");
            try (ResultSet rs = s.executeQuery("SELECT CAST(SERVERPROPERTY('EngineEdition') AS int) AS ee, "
                    + "SERVERPROPERTY('ProductVersion') AS pv, @@SERVERNAME AS sn")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("ee")).isEqualTo(3);
                assertThat(rs.getString("pv")).isEqualTo("15.0.4261.1");
                assertThat(rs.getString("sn")).isEqualTo("SQLPROD01");
            }
            try (ResultSet rs = s.executeQuery("SELECT name, recovery_model, is_read_only, create_date "
                    + "FROM sys.databases WHERE name = N'Ведомости'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Ведомости");
                assertThat(rs.getInt(2)).isEqualTo(1);
                assertThat(rs.getBoolean(3)).isFalse();
                assertThat(rs.getTimestamp(4)).isNotNull();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT database_id FROM sys.databases WHERE name = ?")) {
                ps.setString(1, "O'Brien DB");
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(16);
                }
            }
        }
    }

    @Test
    void errorsArriveAsSqlExceptionsWithSqlServerNumbers() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT nope FROM sys.databases"))
                    .isInstanceOf(SQLException.class).hasMessage("Invalid column name 'nope'.")
                    .extracting(e -> ((SQLException) e).getErrorCode()).isEqualTo(207);
        }
    }

    @Test
    void instanceFaultsDriveStatementErrorsThroughTheDriver() throws SQLException {
        SandboxInstance sql = server.instance("sql");
        sql.setFaults(new Faults(Duration.ZERO, Duration.ZERO, 0, List.of(new Faults.StatementError(
                Pattern.compile("ALTER DATABASE \\[HRDB] SET AUTO_CLOSE"), 1222, 16,
                "Lock request time out period exceeded.", 1))));
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("ALTER DATABASE [HRDB] SET AUTO_CLOSE OFF"))
                    .isInstanceOf(SQLException.class).hasMessage("Lock request time out period exceeded.")
                    .extracting(e -> ((SQLException) e).getErrorCode()).isEqualTo(1222);
            s.execute("ALTER DATABASE [HRDB] SET AUTO_CLOSE OFF"); // times: 1, used up
        } finally {
            sql.setFaults(Faults.NONE);
        }
    }

    @Test
    void aScenariosFaultsApplyFromTheStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("faulty.yaml");
        Files.writeString(file, """
                name: faulty
                base: unprepared-2019
                faults:
                  statementErrors:
                    - {pattern: 'BACKUP DATABASE', number: 3201, severity: 16, message: 'Cannot open backup device.', times: -1}
                """);
        try (SandboxServer faulty = SandboxServer.start(InstanceDef.of("f",
                CatalogEngine.create(Scenario.fromYaml(file))));
                Connection c = DriverManager.getConnection(faulty.instance("f").jdbcUrl()
                        + ";user=sa;password=Sandbox#2019sa");
                Statement s = c.createStatement()) {
            assertThat(faulty.instance("f").faults().statementErrors()).hasSize(1);
            assertThatThrownBy(() -> s.execute("BACKUP DATABASE [Staging] TO DISK = N'D:\\Backups\\S.bak'"))
                    .extracting(e -> ((SQLException) e).getErrorCode()).isEqualTo(3201);
        }
    }

    @Test
    void backupProgressAndStateChangesThroughTheDriver() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("BACKUP DATABASE [Staging] TO DISK = N'D:\\Backups\\Staging.bak' WITH CHECKSUM, STATS = 50");
            List<String> messages = new ArrayList<>();
            for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                messages.add(w.getMessage());
            }
            assertThat(messages).contains("50 percent processed.", "100 percent processed.");
            s.execute("DBCC TRACEON(9567, -1)");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM msdb.dbo.backupset WHERE database_name = 'Staging'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }
}
