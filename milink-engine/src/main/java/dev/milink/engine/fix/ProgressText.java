// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.fix;

import dev.milink.core.fix.PlannedStep;
import dev.milink.sqlserver.fix.ProgressListener;
import dev.milink.sqlserver.fix.ServerMessage;
import dev.milink.sqlserver.fix.StepOutcome;
import java.io.PrintWriter;
import java.util.Locale;

/** Shows a running apply line by line (works the same in a terminal, a CI log and a redirected file). */
final class ProgressText implements ProgressListener {

    private final PrintWriter out;

    ProgressText(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void stepStarted(PlannedStep step, int index, int total) {
        out.println("[" + index + "/" + total + "] " + step.step().title() + " ...");
        out.flush();
    }

    @Override
    public void message(PlannedStep step, ServerMessage message) {
        out.println("      " + message.text());
        out.flush();
    }

    @Override
    public void stepFinished(PlannedStep step, StepOutcome outcome) {
        switch (outcome) {
            case StepOutcome.Done d -> out.println("      done in "
                    + String.format(Locale.ROOT, "%.1f s", d.elapsed().toMillis() / 1000.0));
            case StepOutcome.Skipped k -> out.println("      SKIPPED: " + k.reason());
            case StepOutcome.Failed f -> out.println("      FAILED" + (f.errorNumber() == 0 ? "" : " (error "
                    + f.errorNumber() + ")") + ": " + f.message());
        }
        out.flush();
    }
}
