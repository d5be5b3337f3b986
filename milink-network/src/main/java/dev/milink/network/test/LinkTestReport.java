// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.test;

import dev.milink.core.model.NetworkFacts;
import dev.milink.core.model.NetworkFacts.Outcome;
import dev.milink.core.model.NetworkFacts.PathDirection;
import dev.milink.core.model.NetworkFacts.PathResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of {@code milink network test}: every hop of both directions, with what to do about each blocked one.
 *
 * @param runId             the id in the names of this run's temporary objects
 * @param fabric            the managed instance's endpoints as read now
 * @param hops              SQL Server → MI hops first, then MI → SQL Server
 * @param notes             things worth knowing that are not a hop's result
 * @param leftoversRemoved  objects of an earlier, interrupted run that this run removed
 * @param cleanedUp         temporary objects this run created and removed
 * @param cleanupProblems   temporary objects that could not be removed, each with the statement to remove it
 * @since 0.1
 */
public record LinkTestReport(String runId, MiFabric fabric, List<HopResult> hops, List<String> notes,
                             List<String> leftoversRemoved, List<String> cleanedUp, List<String> cleanupProblems) {

    /** The warning every TCP success carries (pain point 3). */
    public static final String TCP_ONLY = "TCP reachable proves the TCP handshake only: a firewall that inspects"
            + " traffic can still block the link's own protocol on these ports; such firewalls need rules that allow"
            + " it, not just the ports.";

    public LinkTestReport {
        hops = List.copyOf(hops);
        notes = List.copyOf(notes);
        leftoversRemoved = List.copyOf(leftoversRemoved);
        cleanedUp = List.copyOf(cleanedUp);
        cleanupProblems = List.copyOf(cleanupProblems);
    }

    /** The test's outcome in one word, for its closing line; the exit status comes from its findings (MIL-N9). */
    public enum Result {
        /** Every hop is TCP reachable. */
        ALL_REACHABLE,
        /** At least one hop is blocked. */
        BLOCKED,
        /** No hop is blocked, at least one could not be tested. */
        NOT_TESTED,
        /** No hop is blocked or untested, at least one is not proven. */
        NOT_PROVEN
    }

    /** BLOCKED before NOT_TESTED before NOT_PROVEN before ALL_REACHABLE. */
    public Result result() {
        if (hops.stream().anyMatch(h -> h.status().blocked())) {
            return Result.BLOCKED;
        }
        if (hops.stream().anyMatch(h -> h.status() == HopStatus.ERROR)) {
            return Result.NOT_TESTED;
        }
        if (hops.stream().anyMatch(h -> h.status() == HopStatus.NOT_PROVEN)) {
            return Result.NOT_PROVEN;
        }
        return Result.ALL_REACHABLE;
    }

    /**
     * The test as facts for the checks ({@code MIL-N9}): one path per hop, with its advice; cleanup problems and
     * notes become the facts' notes.
     */
    public NetworkFacts facts(Instant testedAt) {
        List<PathResult> paths = hops.stream().map(h -> new PathResult(
                h.direction() == TestDirection.SQL_TO_MI ? PathDirection.SQL_TO_MI : PathDirection.MI_TO_SQL,
                h.purpose(), h.host(), h.port(), h.method().description(), Outcome.valueOf(h.status().name()),
                h.status().description(), h.remoteAddress(), h.detail(), h.advice())).toList();
        List<String> all = new ArrayList<>(notes);
        cleanupProblems.forEach(p -> all.add("Not removed (remove by hand): " + p));
        return new NetworkFacts(testedAt, paths, all);
    }

    /** The hops of one direction. */
    public List<HopResult> hops(TestDirection direction) {
        return hops.stream().filter(h -> h.direction() == direction).toList();
    }

    /** Plain text for a terminal or a log; no colour, no box drawing. */
    public String render() {
        StringBuilder b = new StringBuilder();
        b.append("Managed instance endpoints (read from its fabric DMVs now; they change after failovers)\n")
                .append("  instance endpoint  ").append(fabric.serverName()).append('\n')
                .append("  primary node       ").append(fabric.node()).append(":").append(fabric.hadrPort())
                .append('\n');
        for (TestDirection d : TestDirection.values()) {
            List<HopResult> list = hops(d);
            if (list.isEmpty()) {
                continue;
            }
            b.append('\n').append(d.label()).append('\n');
            for (HopResult h : list) {
                String tag = h.status() == HopStatus.REACHABLE ? "OK" : h.status().blocked() ? "BLOCKED"
                        : h.status() == HopStatus.NOT_PROVEN ? "NOT PROVEN" : "ERROR";
                b.append("  [").append(tag).append("] ").append(h.endpoint()).append("  ").append(h.purpose())
                        .append('\n').append("      ").append(h.status().description());
                if (h.remoteAddress() != null) {
                    b.append(" (RemoteAddress ").append(h.remoteAddress()).append(')');
                }
                b.append("; tested by: ").append(h.method().description()).append('\n');
                if (h.status() != HopStatus.REACHABLE && h.detail() != null && !h.detail().isBlank()) {
                    b.append("      seen: ").append(h.detail()).append('\n');
                }
                for (String a : h.advice()) {
                    b.append("      - ").append(a).append('\n');
                }
            }
        }
        boolean anyReachable = hops.stream().anyMatch(h -> h.status() == HopStatus.REACHABLE);
        if (anyReachable || !notes.isEmpty()) {
            b.append('\n');
        }
        if (anyReachable) {
            b.append("Note: ").append(TCP_ONLY).append('\n');
        }
        for (String n : notes) {
            b.append("Note: ").append(n).append('\n');
        }
        if (!leftoversRemoved.isEmpty()) {
            b.append("\nRemoved leftovers of an interrupted earlier test:\n");
            leftoversRemoved.forEach(l -> b.append("  - ").append(l).append('\n'));
        }
        if (!cleanedUp.isEmpty()) {
            b.append("\nTemporary objects created and removed: ").append(String.join("; ", cleanedUp)).append('\n');
        }
        if (!cleanupProblems.isEmpty()) {
            b.append("\nNOT REMOVED (remove by hand):\n");
            cleanupProblems.forEach(p -> b.append("  - ").append(p).append('\n'));
        }
        long ok = hops.stream().filter(h -> h.status() == HopStatus.REACHABLE).count();
        b.append("\nResult: ").append(ok).append(" of ").append(hops.size()).append(" hops TCP reachable; ")
                .append(switch (result()) {
                    case ALL_REACHABLE -> "both directions work at the TCP level.";
                    case BLOCKED -> "at least one hop is blocked; the link would fail (errors 41962/41986).";
                    case NOT_TESTED -> "at least one hop could not be tested.";
                    case NOT_PROVEN -> "at least one hop is not proven; do not create the link before it is.";
                }).append('\n');
        return b.toString();
    }
}
