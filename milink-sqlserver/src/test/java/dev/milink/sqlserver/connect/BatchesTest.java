// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.sqlserver.testing.ScenarioSandbox;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Through the real mssql-jdbc driver: an error in a later statement of a batch surfaces. */
class BatchesTest {

    @RegisterExtension
    static final ScenarioSandbox SANDBOX = ScenarioSandbox.of("unprepared-2019");

    @Test
    void anErrorAfterEarlierResultsIsThrown() throws SQLException {
        try (Connection c = DriverManager.getConnection(SANDBOX.saUrl()); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> Batches.executeAll(st,
                    "SELECT name FROM sys.databases; PRINT N'step'; THROW 50001, N'late failure', 1;"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(50001));
        }
    }

    @Test
    void aCleanBatchRunsToTheEnd() throws SQLException {
        try (Connection c = DriverManager.getConnection(SANDBOX.saUrl()); Statement st = c.createStatement()) {
            Batches.executeAll(st, "SELECT 1; DBCC TRACEON(1800, -1); SELECT 2;");
            try (var rs = st.executeQuery("DBCC TRACESTATUS(1800, -1)")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("Status")).isEqualTo(1);
            }
        }
    }
}
