// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.connect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs a T-SQL batch and reads every result it produces. mssql-jdbc reports an error of a later statement only when
 * the results before it are consumed, so {@code statement.execute(sql)} alone can return normally for a batch whose
 * third statement failed. Every code path that changes a server (fixes, the network test's jobs and endpoints) sends
 * its batches through here.
 *
 * @since 0.1
 */
public final class Batches {

    private Batches() {
    }

    /** Executes {@code sql} and drains every result set and update count; throws the first error SQL Server raised. */
    public static void executeAll(Statement st, String sql) throws SQLException {
        boolean isResultSet = st.execute(sql);
        while (true) {
            if (isResultSet) {
                try (ResultSet rs = st.getResultSet()) {
                    while (rs.next()) {
                        // drain: an error after a result set arrives only once the rows are read
                    }
                }
            } else if (st.getUpdateCount() == -1) {
                return;
            }
            isResultSet = st.getMoreResults();
        }
    }
}
