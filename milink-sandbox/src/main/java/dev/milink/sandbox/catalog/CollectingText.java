// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.engine.Column;
import dev.milink.sandbox.engine.ResultSink;
import dev.milink.sandbox.engine.SqlError;
import java.util.List;

/** A sink that keeps messages as text, the way an Agent T-SQL job step records its output. */
final class CollectingText implements ResultSink {
    private final StringBuilder text = new StringBuilder();
    private boolean failed;

    @Override
    public void resultSet(List<Column> columns, List<Object[]> rows) {
        // job steps keep messages only
    }

    @Override
    public void rowCount(StatementKind kind, long count) {
        text.append('(').append(count).append(" rows affected) ");
    }

    @Override
    public void done() {
        // nothing to record
    }

    @Override
    public void info(int number, int state, int severityClass, String message) {
        text.append(message).append(" [SQLSTATE 01000] ");
    }

    @Override
    public void error(SqlError error) {
        failed = true;
        text.append(error.getMessage()).append(" [SQLSTATE 42000] (Error ").append(error.number()).append(")  ");
    }

    @Override
    public boolean cancelled() {
        return false;
    }

    boolean failed() {
        return failed;
    }

    String text() {
        String t = text.toString().strip();
        return "Executed as user: NT Service\\SQLSERVERAGENT. " + t + (failed ? "  The step failed." : "  The step succeeded.");
    }
}
