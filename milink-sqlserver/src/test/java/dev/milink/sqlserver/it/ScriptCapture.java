// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.it;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs the collect script through JDBC and writes what {@code sqlcmd -h -1 -y 0} would: one line per row of every
 * result set, with the error messages sqlcmd would print in between (the reader must skip them).
 */
final class ScriptCapture {

    private ScriptCapture() {
    }

    static byte[] run(Connection c, String script) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Statement st = c.createStatement()) {
            boolean rs;
            try {
                rs = st.execute(script);
            } catch (SQLException e) {
                out.append("Msg ").append(e.getErrorCode()).append(", ").append(e.getMessage()).append('\n');
                rs = false;
            }
            while (true) {
                try {
                    if (rs) {
                        try (ResultSet r = st.getResultSet()) {
                            while (r.next()) {
                                out.append(r.getString(1)).append('\n');
                            }
                        }
                    } else if (st.getUpdateCount() == -1) {
                        break;
                    }
                    rs = st.getMoreResults();
                } catch (SQLException e) {
                    out.append("Msg ").append(e.getErrorCode()).append(", ").append(e.getMessage()).append('\n');
                    rs = st.getMoreResults();
                }
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
