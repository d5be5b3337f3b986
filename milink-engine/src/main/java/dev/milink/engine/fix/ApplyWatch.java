// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.fix;

import dev.milink.core.fix.PlannedStep;
import dev.milink.sqlserver.fix.ProgressListener;
import dev.milink.sqlserver.fix.ServerMessage;
import dev.milink.sqlserver.fix.StepOutcome;
import java.io.PrintWriter;

/**
 * Watches a {@code fix --apply} run so that Ctrl-C or SIGTERM never ends it silently: while the plan runs, a
 * shutdown hook says on stderr which step was running, whether it had completed, and how to resume. Progress is
 * passed on to the listener it wraps.
 */
final class ApplyWatch implements ProgressListener, AutoCloseable {

    private final ProgressListener progress;
    private final PrintWriter err;
    private final String target;
    private final Thread hook;
    private PlannedStep current;
    private int index;
    private int total;
    private int completed;
    private boolean running;
    private boolean closed;

    ApplyWatch(ProgressListener progress, PrintWriter err, String target) {
        this.progress = progress;
        this.err = err;
        this.target = target;
        this.hook = new Thread(this::interrupted, "milink-fix-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public synchronized void stepStarted(PlannedStep step, int index, int total) {
        current = step;
        this.index = index;
        this.total = total;
        running = true;
        progress.stepStarted(step, index, total);
    }

    @Override
    public void message(PlannedStep step, ServerMessage message) {
        progress.message(step, message);
    }

    @Override
    public synchronized void stepFinished(PlannedStep step, StepOutcome outcome) {
        running = false;
        if (outcome instanceof StepOutcome.Done) {
            completed++;
        }
        progress.stepFinished(step, outcome);
    }

    /** The run ended normally: the hook is no longer needed. */
    @Override
    public synchronized void close() {
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs and, being closed, says nothing
        }
    }

    /** What the user reads when the run is cut short. */
    synchronized String interruption() {
        String resume = " Run milink fix " + target + " again: it re-plans from fresh facts, so completed steps drop"
                + " out and it resumes where this run stopped.";
        if (current == null) {
            return "Interrupted before milink applied anything: nothing was changed.";
        }
        String step = "step " + index + " of " + total + " (" + current.step().title() + ")";
        if (running) {
            return "Interrupted during " + step + ": it had not completed. SQL Server rolls back a statement whose"
                    + " connection closes, so it most likely did not take effect; milink check " + target
                    + " shows for sure. " + completed + " step(s) had completed before it." + resume;
        }
        return "Interrupted after " + step + " had finished; " + completed + " step(s) completed, "
                + (total - index) + " not started." + resume;
    }

    private void interrupted() {
        String text;
        synchronized (this) {
            if (closed) {
                return;
            }
            text = interruption();
        }
        err.println();
        err.println(text);
        err.flush();
    }
}
