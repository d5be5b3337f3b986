// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.assess.Verdict;
import dev.milink.core.check.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fleet at a glance, above the text report when it covers two or more instances: how many are ready, not
 * ready, or could not be assessed (not reachable, or a blocker left unknown), and the failed blockers ranked by
 * how many instances they hit, so the fix that unblocks most of a migration wave comes first.
 *
 * @param ready       instances whose verdict is READY
 * @param notReady    instances with a failed blocker
 * @param incomplete  instances assessed, but with a blocker unknown or a check that erred
 * @param notAssessed instances that could not be read at all, each with why
 * @param blockers    failed blockers, most instances first
 * @since 0.2
 */
public record FleetSummary(List<String> ready, List<String> notReady, List<String> incomplete,
                           Map<String, String> notAssessed, List<Blocker> blockers) {

    public FleetSummary {
        ready = List.copyOf(ready);
        notReady = List.copyOf(notReady);
        incomplete = List.copyOf(incomplete);
        notAssessed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notAssessed));
        blockers = List.copyOf(blockers);
    }

    /** A failed blocker and the instances it fails on. */
    public record Blocker(String checkId, String title, List<String> instances) {
        public Blocker {
            instances = List.copyOf(instances);
        }
    }

    /**
     * @param notAssessed the targets that could not be read (label → why), which the report itself only notes
     */
    public static FleetSummary of(AssessmentReport report, Map<String, String> notAssessed) {
        Map<String, List<Finding>> byInstance = new LinkedHashMap<>();
        report.targets().forEach(t -> byInstance.put(t, new ArrayList<>()));
        List<Finding> shared = new ArrayList<>(); // about the link's other end (the MI, the network): every instance's
        for (Finding f : report.findings()) {
            List<Finding> own = byInstance.get(f.target().instance());
            (own != null ? own : shared).add(f);
        }
        List<String> ready = new ArrayList<>();
        List<String> notReady = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        byInstance.forEach((instance, own) -> {
            List<Finding> findings = shared.isEmpty() ? own : new ArrayList<>(own);
            if (!shared.isEmpty()) {
                findings.addAll(shared);
            }
            switch (Verdict.of(findings)) {
                case READY -> ready.add(instance);
                case NOT_READY -> notReady.add(instance);
                case INCOMPLETE -> incomplete.add(instance);
            }
        });
        Map<String, Set<String>> hit = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            if (f.isBlocking()) {
                hit.computeIfAbsent(f.checkId(), k -> new LinkedHashSet<>()).add(f.target().instance());
                titles.putIfAbsent(f.checkId(), f.title());
            }
        }
        List<Blocker> blockers = hit.entrySet().stream()
                .map(e -> new Blocker(e.getKey(), titles.get(e.getKey()), List.copyOf(e.getValue())))
                .sorted(Comparator.comparingInt((Blocker b) -> -b.instances().size()).thenComparing(Blocker::checkId))
                .toList();
        return new FleetSummary(ready, notReady, incomplete, notAssessed, blockers);
    }

    /** How many instances in all. */
    public int total() {
        return ready.size() + notReady.size() + incomplete.size() + notAssessed.size();
    }

    /** The summary as plain text lines, for the top of the text report. */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("Fleet: ").append(total()).append(" instances: ").append(ready.size()).append(" ready, ")
                .append(notReady.size()).append(" not ready, ").append(incomplete.size() + notAssessed.size())
                .append(" could not be assessed").append('\n');
        if (!blockers.isEmpty()) {
            b.append("Blockers, by instances affected:\n");
            int width = String.valueOf(blockers.getFirst().instances().size()).length();
            for (Blocker x : blockers) {
                b.append("  ").append(String.format("%" + width + "d", x.instances().size())).append("  ")
                        .append(x.checkId()).append("  ").append(x.title()).append('\n');
            }
        }
        if (!incomplete.isEmpty() || !notAssessed.isEmpty()) {
            b.append("Could not be assessed:\n");
            notAssessed.forEach((t, why) -> b.append("  ").append(t).append(": ").append(why).append('\n'));
            incomplete.forEach(t -> b.append("  ").append(t).append(": a blocker could not be checked (UNKNOWN) or a"
                    + " check failed (ERROR); see below\n"));
        }
        return b.append('\n').toString();
    }
}
