// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.link;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.milink.cli.terminal.TerminalControl;
import dev.milink.core.internal.Json;
import dev.milink.core.link.LinkHealth;
import dev.milink.core.link.LinkObservation;
import dev.milink.core.link.LinkPlan;
import dev.milink.core.link.LinkRunState;
import dev.milink.core.link.LinkRunner;
import dev.milink.core.link.LinkStep;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Link plans and progress as text or JSON. */
final class LinkText {

    private LinkText() {
    }

    static String plan(LinkPlan plan, boolean applying) {
        StringBuilder b = new StringBuilder();
        b.append("milink link ").append(plan.operation()).append(": ").append(plan.linkName()).append('\n');
        for (String n : plan.notes()) {
            b.append("  Note: ").append(n).append('\n');
        }
        int i = 0;
        for (LinkStep s : plan.steps()) {
            b.append(String.format("%3d. [%s] %s%n", ++i, end(s.end()), s.title()));
            if (s.isDone()) {
                b.append("       already done: ").append(s.alreadyDone().get()).append('\n');
            } else if (s.kind() == LinkStep.Kind.TSQL || s.kind() == LinkStep.Kind.ARM_REQUEST) {
                s.text().lines().filter(l -> !l.strip().startsWith("--")).forEach(l -> b.append("       ").append(l)
                        .append('\n'));
            }
        }
        if (plan.refused()) {
            b.append("REFUSED:\n");
            plan.refusals().forEach(r -> b.append("  - ").append(r).append('\n'));
        } else if (!applying) {
            b.append("Dry run: nothing was changed. Run again with --apply to make these changes.\n");
        }
        return b.toString();
    }

    static String planJson(LinkPlan plan, boolean applied, Optional<LinkRunState> state) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("operation", plan.operation()).put("link", plan.linkName()).put("applied", applied)
                .put("refused", plan.refused());
        ArrayNode refusals = n.putArray("refusals");
        plan.refusals().forEach(refusals::add);
        ArrayNode notes = n.putArray("notes");
        plan.notes().forEach(notes::add);
        ArrayNode steps = n.putArray("steps");
        for (LinkStep s : plan.steps()) {
            ObjectNode o = steps.addObject().put("id", s.id()).put("title", s.title()).put("end", s.end().name())
                    .put("kind", s.kind().name()).put("text", s.text());
            s.alreadyDone().ifPresent(d -> o.put("alreadyDone", d));
            state.ifPresent(st -> o.put("done", s.isDone() || st.isDone(s.id())));
        }
        state.ifPresent(st -> n.put("finished", st.finished()));
        return Json.pretty(n) + "\n";
    }

    static String end(LinkStep.End e) {
        return e == LinkStep.End.SQL_SERVER ? "SQL Server" : "managed instance";
    }

    /** {@code 45s}, {@code 3m 05s}, {@code 1h 02m}. */
    static String elapsed(java.time.Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 60 ? s + "s" : s < 3600 ? String.format("%dm %02ds", s / 60, s % 60)
                : String.format("%dh %02dm", s / 3600, (s % 3600) / 60);
    }

    /** Progress on stderr: a bar redrawn in place on a terminal, a line per change otherwise. */
    static LinkRunner.Progress progress(PrintWriter err, boolean terminal) {
        return new LinkRunner.Progress() {
            private final Map<String, Integer> shown = new HashMap<>();

            @Override
            public void step(LinkStep step, String message) {
                if (terminal) {
                    TerminalControl.REDRAW_LINE.writeTo(err);
                }
                err.println(step.id() + ": " + message);
                err.flush();
            }

            /** A long-running ARM operation: redrawn in place on a terminal, a plain line per poll otherwise. */
            @Override
            public void polling(LinkStep step, LinkRunner.Polling poll) {
                String line = step.id() + ": " + poll.status() + ", " + elapsed(poll.elapsed()) + ", waiting for "
                        + poll.waitingFor();
                if (terminal) {
                    TerminalControl.REDRAW_LINE.writeTo(err);
                    err.print(line);
                } else {
                    err.println(line);
                }
                err.flush();
            }

            @Override
            public void observed(List<LinkObservation> links) {
                for (LinkObservation o : links) {
                    Optional<LinkObservation.Seeding> s = o.sqlServer().flatMap(LinkObservation.End::seeding)
                            .or(() -> o.managedInstance().flatMap(LinkObservation.End::seeding));
                    String state = s.map(LinkHealth::describe).orElse(o.managedInstance()
                            .map(e -> e.state() + ", " + e.connectedState()).orElse("not on the managed instance yet"));
                    int pct = s.map(LinkObservation.Seeding::percent).orElse(-1);
                    if (terminal) {
                        int filled = Math.max(0, pct) / 5;
                        TerminalControl.REDRAW_LINE.writeTo(err);
                        err.print(o.linkName() + " [" + "#".repeat(filled) + ".".repeat(20 - filled)
                                + "] " + state);
                        err.flush();
                    } else if (!Integer.valueOf(pct).equals(shown.put(o.linkName(), pct))) {
                        err.println(o.linkName() + ": " + state);
                        err.flush();
                    }
                }
            }
        };
    }
}
