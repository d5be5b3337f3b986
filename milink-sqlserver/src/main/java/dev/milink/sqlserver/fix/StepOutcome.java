// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.fix;

import dev.milink.core.fix.PlannedStep;
import java.time.Duration;
import java.util.List;

/**
 * How one executed step ended.
 *
 * @since 0.1
 */
public sealed interface StepOutcome {

    PlannedStep step();

    /** The step's T-SQL ran without error. */
    record Done(PlannedStep step, Duration elapsed, List<ServerMessage> messages) implements StepOutcome {
        public Done {
            messages = List.copyOf(messages);
        }
    }

    /**
     * The step did not complete.
     *
     * @param reason      what stopped it
     * @param errorNumber SQL Server's error number, or 0 when SQL Server never ran it
     * @param message     what happened and what to do, with secrets masked; for SQL errors it holds SQL
     *                    Server's own text
     * @param messages    messages SQL Server sent before the error
     */
    record Failed(PlannedStep step, Reason reason, int errorNumber, String message, List<ServerMessage> messages)
            implements StepOutcome {
        public Failed {
            messages = List.copyOf(messages);
        }
    }

    /**
     * The step was not run because its database is guarded right now (in an availability group, mirrored,
     * read-only, or gone), or because an earlier step of the same database was skipped. Not a failure: the other
     * databases' steps still run.
     *
     * @param reason why, naming the database and what would let milink run it
     */
    record Skipped(PlannedStep step, String reason) implements StepOutcome {}

    /** Why a step failed. */
    enum Reason {
        /** SQL Server ran the T-SQL and returned an error; the step changed nothing or rolled back. */
        SQL_ERROR,
        /** A check before sending failed (backup directory missing, a secret missing, unsafe backup options). */
        PRECONDITION,
        /** Kept for compatibility: guarded databases are now {@link Skipped}, not failed. */
        REFUSED,
        /** The connection broke while the step ran: whether it took effect is unknown until checked again. */
        CONNECTION_LOST
    }
}
