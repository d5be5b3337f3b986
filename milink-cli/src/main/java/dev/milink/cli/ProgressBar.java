// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.cli.terminal.TerminalControl;
import dev.milink.engine.AssessmentListener;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line progress bar on stderr while a fleet is collected: only when a person is watching (a console is
 * attached, stdout is a terminal, and {@code CI} is not {@code true}), never in pipes, files or CI logs, where
 * carriage returns would only make noise. Redrawn in place with {@code \r}, erased when done.
 */
final class ProgressBar implements AssessmentListener {

    static final int WIDTH = 30;

    private final PrintWriter err;
    private final AtomicInteger failed = new AtomicInteger();
    private int lastLength;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    /** Whether to draw at all: an interactive terminal, outside CI. */
    static boolean wanted(Environment env) {
        return env.console() != null && env.stdoutIsTerminal()
                && !"true".equalsIgnoreCase(env.get("CI").orElse("")) && env.get("MILINK_NO_PROGRESS").isEmpty();
    }

    /** A bar for {@code total} targets, or {@link AssessmentListener#NONE} when nobody would see it. */
    static AssessmentListener forRun(Invocation inv, int total) {
        return total >= 2 && wanted(inv.env()) ? new ProgressBar(inv.err()) : AssessmentListener.NONE;
    }

    @Override
    public synchronized void finished(String label, boolean ok, int done, int total) {
        int f = ok ? failed.get() : failed.incrementAndGet();
        String line = render(done, total, f, WIDTH);
        TerminalControl.RETURN.writeTo(err);
        err.print(line + " ".repeat(Math.max(0, lastLength - line.length())));
        lastLength = line.length();
        if (done == total) {
            TerminalControl.RETURN.writeTo(err);
            err.print(" ".repeat(lastLength));
            TerminalControl.RETURN.writeTo(err);
        }
        err.flush();
    }

    /** {@code [#######.......]  12/40 instances, 1 not reachable}: what one redraw shows. */
    static String render(int done, int total, int failed, int width) {
        int filled = total == 0 ? width : (int) ((long) done * width / total);
        String count = String.format("%" + String.valueOf(total).length() + "d/%d", done, total);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + count + " instances"
                + (failed == 0 ? "" : ", " + failed + " not assessed");
    }
}
