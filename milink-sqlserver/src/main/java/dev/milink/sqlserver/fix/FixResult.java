// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.fix;

import dev.milink.sqlserver.connect.SqlError;
import dev.milink.core.error.MilinkException;
import dev.milink.core.fix.PlannedStep;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link FixExecutor} run did: the steps that ran, the one that failed (if any), the appliable steps it
 * did not reach, and the manual steps it never runs. After a failure, fix the cause and run {@code milink fix}
 * again: it re-plans from fresh facts, so the steps done drop out and the run resumes at the failed one.
 *
 * @param done    steps completed, in order
 * @param failure the step that stopped the run
 * @param notRun  appliable steps after the failed one, not attempted
 * @param manual  steps for a person (operating system, service restart, Azure); never run by milink
 * @param skipped steps not run because their database is guarded (or depends on a skipped step), with why
 * @since 0.1
 */
public record FixResult(List<StepOutcome.Done> done, Optional<StepOutcome.Failed> failure, List<PlannedStep> notRun,
                        List<PlannedStep> manual, List<StepOutcome.Skipped> skipped) {

    public FixResult {
        done = List.copyOf(done);
        notRun = List.copyOf(notRun);
        manual = List.copyOf(manual);
        skipped = List.copyOf(skipped);
    }

    /** A result without skipped steps. */
    public FixResult(List<StepOutcome.Done> done, Optional<StepOutcome.Failed> failure, List<PlannedStep> notRun,
                     List<PlannedStep> manual) {
        this(done, failure, notRun, manual, List.of());
    }

    /** No step failed (some may have been skipped: see {@link #skipped()}). */
    public boolean succeeded() {
        return failure.isEmpty();
    }

    /** A FIX_STEP_FAILED exception (exit code 4) describing the failure; empty when the run succeeded. */
    public Optional<MilinkException> asException() {
        return failure.map(f -> new MilinkException(SqlError.FIX_STEP_FAILED, "Fix step " + f.step().number()
                + " (" + f.step().step().title() + ") failed" + (f.errorNumber() == 0 ? "" : " with error "
                + f.errorNumber()) + ": " + f.message() + " " + done.size() + " step(s) done, " + notRun.size()
                + " not run. Run milink fix again once the cause is fixed; it re-plans and resumes."));
    }
}
