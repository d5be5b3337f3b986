// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.fix;

import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns findings into a {@link FixPlan}. Only FAIL and WARN findings contribute steps (PASS, SKIPPED and UNKNOWN
 * never do: milink does not "fix" what it could not read), and UNKNOWN findings whose remediation is
 * {@linkplain dev.milink.core.check.Remediation#unverifiable() unverifiable}: what they need has no read API, so
 * waiting to read it would mean never fixing it (a TDE certificate for the managed instance). Steps with the same id are planned once and credited
 * to every check that asked for them. Order: phase (HOST, INSTANCE, DATABASE), then the step's order, then the
 * target and id, so plans are deterministic.
 *
 * <pre>{@code
 * FixPlan plan = FixPlanner.plan("sql01", report.findings(), FixPlanner.Options.DEFAULT);
 * }</pre>
 *
 * @since 0.1
 */
public final class FixPlanner {

    private FixPlanner() {
    }

    /**
     * What to plan.
     *
     * @param includeWarnings plan steps for WARN findings too (default true: warnings such as startup trace
     *                        flags are part of being ready)
     * @param onlyChecks      limit to these check ids (empty = all)
     * @param minimumSeverity ignore findings below this severity
     */
    public record Options(boolean includeWarnings, Set<String> onlyChecks, Severity minimumSeverity) {
        public static final Options DEFAULT = new Options(true, Set.of(), Severity.WARNING);

        public Options {
            onlyChecks = Set.copyOf(onlyChecks);
        }
    }

    public static FixPlan plan(String target, List<Finding> findings, Options options) {
        Map<String, Draft> byId = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (!wanted(f, options)) {
                continue;
            }
            for (FixStep step : f.remediation().steps()) {
                byId.computeIfAbsent(step.id(), id -> new Draft(step, f)).add(f);
            }
        }
        List<Draft> drafts = new ArrayList<>(byId.values());
        drafts.sort(Comparator.comparing((Draft d) -> d.step.phase())
                .thenComparingInt(d -> d.step.order())
                .thenComparing(d -> d.first.target().toString())
                .thenComparing(d -> d.step.id()));
        List<PlannedStep> steps = new ArrayList<>();
        for (Draft d : drafts) {
            steps.add(new PlannedStep(steps.size() + 1, d.step, d.checkIds, d.first.target(), d.status));
        }
        return new FixPlan(target, steps);
    }

    private static boolean wanted(Finding f, Options o) {
        boolean problem = f.status() == Status.FAIL
                || (o.includeWarnings() && (f.status() == Status.WARN || f.status() == Status.INFO))
                || (f.status() == Status.UNKNOWN && f.remediation().unverifiable());
        boolean severe = f.severity().ordinal() <= o.minimumSeverity().ordinal();
        boolean selected = o.onlyChecks().isEmpty()
                || o.onlyChecks().stream().anyMatch(id -> id.equalsIgnoreCase(f.checkId()));
        return problem && severe && selected;
    }

    /** A step being collected from findings. */
    private static final class Draft {
        private final FixStep step;
        private final Finding first;
        private final List<String> checkIds = new ArrayList<>();
        private Status status = Status.WARN;

        Draft(FixStep step, Finding first) {
            this.step = step;
            this.first = first;
        }

        void add(Finding f) {
            if (!checkIds.contains(f.checkId())) {
                checkIds.add(f.checkId());
            }
            if (f.status() == Status.FAIL) {
                status = Status.FAIL;
            }
        }
    }
}
