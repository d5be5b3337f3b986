// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.engine.Assessment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * The one place the CLI turns an assessment's outcome into what the user sees on stderr and the exit code: the
 * code is the engine's ({@link Assessment#exitStatus()}, Verdict plus failed targets by {@code ExitStatus.worst});
 * targets not assessed get a warning each, checks that failed inside milink one line in all (the stack traces with
 * {@code --verbose}).
 */
final class Outcomes {

    private Outcomes() {
    }

    static int exitCode(Assessment a, Invocation inv) {
        a.failures().forEach(f -> inv.warn("not assessed: " + f.error().getMessage() + " [" + f.error().code() + "]"));
        if (inv.verbose()) {
            a.failures().stream().filter(f -> f.error().getCause() != null)
                    .forEach(f -> trace(f.error(), inv));
        }
        checkFailures(a.checkFailures(), inv);
        return a.exitStatus().code();
    }

    /** One line for every check that threw, naming the first; each stack trace with {@code --verbose}. */
    static void checkFailures(List<Assessment.CheckFailure> failures, Invocation inv) {
        if (failures.isEmpty()) {
            return;
        }
        Assessment.CheckFailure first = failures.getFirst();
        Throwable e = first.error();
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().strip().replaceAll("\\s+", " ");
        PrintWriter err = inv.err();
        err.println(inv.mask("Error [INTERNAL]: " + (failures.size() == 1 ? "a check" : failures.size() + " checks")
                + " failed inside milink (a bug; ERROR in the report, the other findings stand): " + first.checkId()
                + " on " + first.target() + " threw " + e.getClass().getName() + message
                + (failures.size() > 1 ? ", and " + (failures.size() - 1) + " more" : "") + "."
                + (inv.verbose() ? "" : " Run with --verbose for the stack trace, or --log-file FILE.")));
        if (inv.verbose()) {
            failures.forEach(f -> trace(f.error(), inv));
        }
        err.flush();
    }

    private static void trace(Throwable e, Invocation inv) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        inv.err().print(inv.mask(trace.toString()));
        inv.err().flush();
    }
}
