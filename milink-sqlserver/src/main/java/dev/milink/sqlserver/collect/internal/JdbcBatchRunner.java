// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one batch built by {@link Batches} in a single round trip and files every result set under its section.
 * Errors that escape the sections' TRY…CATCH (e.g. a severity that CATCH does not see) are attributed to the current
 * section, and reading continues with {@link Statement#getMoreResults()}, which mssql-jdbc allows after an error
 * inside a batch. Sections whose end marker never arrives are recorded as failed with the reason.
 */
public final class JdbcBatchRunner {

    private static final int MAX_ERRORS = 1_000;

    private JdbcBatchRunner() {
    }

    /**
     * @throws SQLException when the connection fails or the query times out; the caller translates it
     */
    public static void run(Connection c, List<Batches.Planned> planned, Duration queryTimeout, RawResults into)
            throws SQLException {
        if (planned.isEmpty()) {
            return;
        }
        int current = 0;
        int errors = 0;
        SQLException lastError = null;
        try (Statement st = c.createStatement()) {
            st.setQueryTimeout((int) Math.max(1, queryTimeout.toSeconds()));
            Boolean isResultSet; // null: an error was just reported, advance past it
            try {
                isResultSet = st.execute(Batches.text(planned));
            } catch (SQLException e) {
                rethrowIfFatal(e);
                record(e, planned, current, into);
                lastError = e;
                errors++;
                isResultSet = null;
            }
            while (true) {
                try {
                    if (isResultSet == null) {
                        isResultSet = st.getMoreResults();
                        continue;
                    }
                    if (isResultSet) {
                        try (ResultSet rs = st.getResultSet()) {
                            current = consume(rs, planned, current, into);
                        }
                    } else if (st.getUpdateCount() == -1) {
                        break;
                    }
                    isResultSet = st.getMoreResults();
                } catch (SQLException e) {
                    rethrowIfFatal(e);
                    boolean repeated = lastError != null && isResultSet == null && sameAs(e, lastError);
                    if (repeated || ++errors > MAX_ERRORS) {
                        break; // the driver cannot move past this error; the rest is reported as not run
                    }
                    record(e, planned, current, into);
                    lastError = e;
                    isResultSet = null;
                }
            }
        }
        for (int i = current; i < planned.size(); i++) {
            String why = "the batch stopped before this query ran"
                    + (lastError == null ? "" : " (" + lastError.getMessage() + ")");
            if (!(into.get(planned.get(i).section()) instanceof RawResults.Failed)) {
                into.fail(planned.get(i).section(), lastError == null ? 0 : lastError.getErrorCode(), why);
            }
        }
    }

    private static void record(SQLException e, List<Batches.Planned> planned, int current, RawResults into) {
        if (current < planned.size()) {
            into.fail(planned.get(current).section(), e.getErrorCode(), e.getMessage());
        }
    }

    private static int consume(ResultSet rs, List<Batches.Planned> planned, int current, RawResults into)
            throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        String first = md.getColumnLabel(1);
        if (Batches.END_COLUMN.equals(first)) {
            rs.next();
            String section = rs.getString(1);
            int index = indexOf(planned, section, current);
            into.markDone(section);
            return index + 1;
        }
        if (n == 3 && Batches.ERROR_COLUMN.equals(md.getColumnLabel(2))) {
            rs.next();
            into.fail(rs.getString(1), rs.getInt(2), rs.getString(3));
            return current;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= n; i++) {
                row.put(md.getColumnLabel(i), rs.getObject(i));
            }
            rows.add(RawResults.row(row));
        }
        if (current < planned.size()) {
            into.addRows(planned.get(current).section(), rows);
        }
        return current;
    }

    private static int indexOf(List<Batches.Planned> planned, String section, int from) {
        for (int i = from; i < planned.size(); i++) {
            if (planned.get(i).section().equals(section)) {
                return i;
            }
        }
        return from;
    }

    /** Connection loss and timeouts end the collection; statement errors do not. */
    private static void rethrowIfFatal(SQLException e) throws SQLException {
        String state = e.getSQLState();
        if (e instanceof java.sql.SQLTimeoutException || (state != null && state.startsWith("08"))
                || (e.getMessage() != null && e.getMessage().contains("timed out"))) {
            throw e;
        }
    }

    private static boolean sameAs(SQLException a, SQLException b) {
        return a.getErrorCode() == b.getErrorCode() && String.valueOf(a.getMessage()).equals(b.getMessage());
    }
}
