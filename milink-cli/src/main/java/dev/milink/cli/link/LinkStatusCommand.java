// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.link;

import dev.milink.cli.terminal.TerminalControl;
import dev.milink.cli.auth.AuthContext;
import dev.milink.engine.link.LinkOperations;
import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.assess.Verdict;
import dev.milink.core.check.Severity;
import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.core.link.LinkObservation;
import dev.milink.core.link.LinkRunState;
import dev.milink.report.RenderOptions;
import dev.milink.report.ReportRenderers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code milink link status}: both ends of each database's link; exit 0 healthy, 1 degraded. */
@Command(name = "status", sortOptions = false, mixinStandardHelpOptions = true)
final class LinkStatusCommand extends LinkSubcommand {

    @Option(names = "--watch", descriptionKey = "watch")
    boolean watch;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "5", descriptionKey = "interval")
    int interval;

    @Override
    void refuseEarly(AuthContext context, boolean json) {
        if (watch && (!context.interactive() || json)) {
            throw new MilinkException(CoreError.USAGE, "--watch refreshes a terminal; without one (or with -o json) "
                    + "run milink link status on a schedule instead.");
        }
    }

    @Override
    int run(LinkOperations link, AuthContext context, boolean json) throws IOException {
        PrintWriter out = out();
        try (WatchStop stop = watch ? WatchStop.onCtrlC() : null) {
            while (true) {
                LinkOperations.Status status = link.status(target.link());
                List<String> notes = new ArrayList<>();
                status.links().forEach(o -> notes.add(describe(o)));
                status.saved().map(LinkRunState::explain).ifPresent(notes::add);
                AssessmentReport report = new AssessmentReport("milink link status", Clock.systemUTC().instant(),
                        target.link().direction(), List.of(target.sqlTarget().display(), target.mi),
                        status.findings(), notes);
                StringWriter text = new StringWriter();
                ReportRenderers.byName(json ? "json" : "text").render(report, text, RenderOptions.defaults());
                if (watch) {
                    TerminalControl.CLEAR_SCREEN.writeTo(out);
                }
                out.print(text);
                out.flush();
                int code = Verdict.exitStatus(status.findings(), Severity.WARNING).code();
                if (!watch) {
                    return code;
                }
                if (stop.await(Duration.ofSeconds(Math.max(1, interval)))) {
                    // Ctrl-C: the screen keeps the last state; the exit code is that state's
                    out.println();
                    out.println("Stopped watching (Ctrl-C). The last state is above, read at "
                            + report.createdAt() + ".");
                    out.flush();
                    return code;
                }
            }
        }
    }

    private static String describe(LinkObservation o) {
        return o.linkName() + " (" + o.database() + "): SQL Server " + end(o.sqlServer().orElse(null))
                + "; managed instance " + end(o.managedInstance().orElse(null));
    }

    private static String end(LinkObservation.End e) {
        if (e == null) {
            return "has no trace of the link";
        }
        return e.role() + ", " + e.connectedState() + ", " + e.synchronizationHealth() + " (" + e.state()
                + "), hardened LSN " + e.lastHardenedLsn()
                + e.seeding().map(s -> ", seeding " + dev.milink.core.link.LinkHealth.describe(s)).orElse("");
    }
}
