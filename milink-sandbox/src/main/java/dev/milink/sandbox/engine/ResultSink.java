// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Receives a request's outcomes in order. The protocol layer turns each call into TDS tokens
 * (COLMETADATA/ROW/DONE, DONE with count, INFO, ERROR) and may stream them as they come, so INFO progress
 * messages (BACKUP … WITH STATS) reach the client before the request ends.
 */
public interface ResultSink {

    /** A result set. Row values are Java objects matching each column's {@link SqlType} (null allowed). */
    void resultSet(List<Column> columns, List<Object[]> rows);

    /** A statement that affected rows (INSERT/UPDATE/DELETE): a DONE with the count. */
    void rowCount(StatementKind kind, long count);

    /** A statement with no result (DDL, SET, BACKUP, DBCC without output): a plain DONE. */
    void done();

    /** An informational message (TDS INFO, class 0-10), e.g. "10 percent processed." (number 3211). */
    void info(int number, int state, int severityClass, String message);

    /** An error (TDS ERROR, class 11+) followed by a DONE with the error bit. */
    void error(SqlError error);

    /** True once the client sent ATTENTION (cancel or query timeout); the engine should stop early. */
    boolean cancelled();

    /**
     * Blocks until the client cancels or {@code timeout} passes, whichever comes first; true when cancelled. For
     * statements that take time on purpose (WAITFOR DELAY, a slow BACKUP between progress messages), so they end
     * as soon as the client gives up. The protocol layer wakes this up on ATTENTION; this default polls.
     */
    default boolean awaitCancelled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!cancelled()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            LockSupport.parkNanos(Math.min(left, 10_000_000L));
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        return true;
    }

    enum StatementKind { SELECT, INSERT, UPDATE, DELETE, OTHER }
}
