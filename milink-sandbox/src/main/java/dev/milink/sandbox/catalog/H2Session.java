// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.catalog.tsql.Token;
import dev.milink.sandbox.engine.Column;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's own H2 connection (where its variables and #temp tables live). Every call runs translated SQL and
 * reports H2's errors as the SQL Server error the statement {@code source} would raise.
 */
final class H2Session implements AutoCloseable {
    /** A query's columns and rows, converted to the engine seam's types. */
    record Result(List<Column> columns, List<Object[]> rows) {}

    private final Connection connection;

    H2Session(Connection connection) {
        this.connection = connection;
    }

    Result query(String sql, List<Token> source) throws TsqlException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<Column> columns = ResultTypes.columns(rs.getMetaData());
            return new Result(columns, ResultTypes.rows(rs, columns));
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, source);
        }
    }

    /** Runs {@code sql} and hands back the raw result set's values, {@code width} columns of each row. */
    List<Object[]> rawRows(String sql, int width, List<Token> source) throws TsqlException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<Object[]> rows = new ArrayList<>();
            while (rs.next()) {
                Object[] row = new Object[width];
                for (int c = 0; c < width; c++) {
                    row[c] = rs.getObject(c + 1);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, source);
        }
    }

    void execute(String sql, List<Token> source) throws TsqlException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, source);
        }
    }

    /** Runs DML; {@code values} bind its {@code ?} markers in order. Returns the update count. */
    int update(String sql, List<Token> source, Object... values) throws TsqlException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, source);
        }
    }

    /** Sets an H2 session variable, cast to {@code type} unless it is null. */
    void setVariable(String h2Name, String type, Object value, List<Token> source) throws TsqlException {
        String sql = type == null ? "SET " + h2Name + " = ?" : "SET " + h2Name + " = CAST(? AS " + type + ")";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setObject(1, value);
            ps.execute();
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, source);
        }
    }

    /** The column labels a query would return, without running it. */
    List<String> columnLabels(String sql, List<Token> source) throws TsqlException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ResultSetMetaData md = ps.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                names.add(md.getColumnLabel(i));
            }
            return names;
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, source);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // the engine may have dropped the database already
        }
    }
}
