// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.fix;

import dev.milink.core.fix.PlannedStep;

/**
 * Follows a {@link FixExecutor} run. Calls come on the executor's thread, in order: for each step
 * {@code stepStarted}, any number of {@code message}s (as the driver receives them, so BACKUP progress shows
 * while the backup runs), then {@code stepFinished}. Nothing passed here contains a secret.
 *
 * @since 0.1
 */
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() { };

    /**
     * @param index 1-based position among the steps this run executes
     * @param total how many steps this run executes
     */
    default void stepStarted(PlannedStep step, int index, int total) {
    }

    /** A message from SQL Server while {@code step} runs, such as {@code 3211 "10 percent processed."}. */
    default void message(PlannedStep step, ServerMessage message) {
    }

    /** The step ended; {@code outcome} says how. */
    default void stepFinished(PlannedStep step, StepOutcome outcome) {
    }
}
