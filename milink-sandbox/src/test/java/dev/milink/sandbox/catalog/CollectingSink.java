// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.engine.Column;
import dev.milink.sandbox.engine.ResultSink;
import dev.milink.sandbox.engine.SqlError;
import java.util.ArrayList;
import java.util.List;

/** Records everything a batch reports, in order, for assertions. */
final class CollectingSink implements ResultSink {
    /** One result set. */
    record Result(List<Column> columns, List<Object[]> rows) {
        Object value(int row, String column) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equalsIgnoreCase(column)) {
                    return rows.get(row)[i];
                }
            }
            throw new IllegalArgumentException("No column " + column + " in " + columns);
        }

        List<Object> column(String column) {
            List<Object> out = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                out.add(value(r, column));
            }
            return out;
        }
    }

    /** An INFO message. */
    record Info(int number, String message) {}

    final List<Result> results = new ArrayList<>();
    final List<Info> infos = new ArrayList<>();
    final List<SqlError> errors = new ArrayList<>();
    int dones;

    @Override
    public void resultSet(List<Column> columns, List<Object[]> rows) {
        results.add(new Result(columns, rows));
    }

    @Override
    public void rowCount(StatementKind kind, long count) {
        dones++;
    }

    @Override
    public void done() {
        dones++;
    }

    @Override
    public void info(int number, int state, int severityClass, String message) {
        infos.add(new Info(number, message));
    }

    @Override
    public void error(SqlError error) {
        errors.add(error);
    }

    @Override
    public boolean cancelled() {
        return false;
    }

    Result only() {
        if (!errors.isEmpty()) {
            throw new AssertionError("Errors: " + errors.stream().map(e -> e.number() + " " + e.getMessage()).toList());
        }
        if (results.size() != 1) {
            throw new AssertionError("Expected one result set, got " + results.size());
        }
        return results.get(0);
    }

    Object scalar() {
        return only().rows().get(0)[0];
    }

    List<Integer> errorNumbers() {
        return errors.stream().map(SqlError::number).toList();
    }
}
