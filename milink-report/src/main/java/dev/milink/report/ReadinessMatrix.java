// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.assess.Verdict;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Instances × checks, the view a project lead reads across a fleet (HTML, CSV and Markdown share it). A cell holds
 * every finding of one check on one instance (one per database for database checks) and shows the worst status
 * among them, in the order {@link #WORST_FIRST}: a check that failed on one database of twenty is a FAIL cell.
 *
 * @param instances every instance, in report order ({@code targets} first, then any only findings name)
 * @param checks    every check with a finding, in report order
 */
record ReadinessMatrix(List<String> instances, List<Column> checks, Map<String, Map<String, Cell>> cells,
                       Map<String, List<Finding>> byInstance) {

    /**
     * Which status a cell shows when its findings differ: a problem before a question, a question before a note,
     * a suppressed problem before a pass (it still needs the reader's eye), SKIPPED last.
     */
    static final List<Status> WORST_FIRST = List.of(Status.FAIL, Status.ERROR, Status.UNKNOWN, Status.WARN,
            Status.INFO, Status.SUPPRESSED, Status.PASS, Status.SKIPPED);

    /** A check column: its id and title. */
    record Column(String id, String title) {
    }

    /** The findings of one check on one instance. */
    record Cell(List<Finding> findings) {

        Status worst() {
            return findings.stream().map(Finding::status).min((a, b) -> WORST_FIRST.indexOf(a)
                    - WORST_FIRST.indexOf(b)).orElse(Status.SKIPPED);
        }

        /** Findings per status, worst first, only statuses present. */
        Map<Status, Integer> counts() {
            Map<Status, Integer> n = new EnumMap<>(Status.class);
            findings.forEach(f -> n.merge(f.status(), 1, Integer::sum));
            Map<Status, Integer> ordered = new LinkedHashMap<>();
            WORST_FIRST.stream().filter(n::containsKey).forEach(s -> ordered.put(s, n.get(s)));
            return ordered;
        }

        /** "FAIL" for one finding or one outcome; "FAIL 2, PASS 3" when a database check's outcomes differ. */
        String label() {
            Map<Status, Integer> counts = counts();
            if (findings.size() == 1) {
                return worst().name();
            }
            List<String> parts = new ArrayList<>();
            counts.forEach((s, n) -> parts.add(s.name() + " " + n));
            return String.join(", ", parts);
        }
    }

    static ReadinessMatrix of(AssessmentReport report) {
        Set<String> instances = new LinkedHashSet<>(report.targets());
        Map<String, Column> checks = new LinkedHashMap<>();
        Map<String, Map<String, List<Finding>>> grouped = new LinkedHashMap<>();
        Map<String, List<Finding>> byInstance = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            String instance = f.target().instance();
            instances.add(instance);
            checks.putIfAbsent(f.checkId(), new Column(f.checkId(), f.title() == null ? "" : f.title()));
            grouped.computeIfAbsent(instance, k -> new LinkedHashMap<>())
                    .computeIfAbsent(f.checkId(), k -> new ArrayList<>()).add(f);
            byInstance.computeIfAbsent(instance, k -> new ArrayList<>()).add(f);
        }
        Map<String, Map<String, Cell>> cells = new LinkedHashMap<>();
        grouped.forEach((instance, row) -> {
            Map<String, Cell> r = new LinkedHashMap<>();
            row.forEach((id, findings) -> r.put(id, new Cell(List.copyOf(findings))));
            cells.put(instance, Collections.unmodifiableMap(r));
        });
        Map<String, List<Finding>> perInstance = new LinkedHashMap<>();
        for (String i : instances) {
            perInstance.put(i, List.copyOf(byInstance.getOrDefault(i, List.of())));
        }
        return new ReadinessMatrix(List.copyOf(instances), List.copyOf(checks.values()),
                Collections.unmodifiableMap(cells), Collections.unmodifiableMap(perInstance));
    }

    /** The cell of {@code checkId} on {@code instance}; empty when the check reported nothing there. */
    Optional<Cell> cell(String instance, String checkId) {
        return Optional.ofNullable(cells.getOrDefault(instance, Map.of()).get(checkId));
    }

    /** Every finding on {@code instance}, in report order. */
    List<Finding> findings(String instance) {
        return byInstance.getOrDefault(instance, List.of());
    }

    /** The verdict of {@code instance} alone. */
    Verdict verdict(String instance) {
        return Verdict.of(findings(instance));
    }
}
