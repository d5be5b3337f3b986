// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.assess.Summary;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Status;
import dev.milink.core.check.Target;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The numbers every format shows in its verdict line, computed once so text and JSON agree.
 *
 * @param blockers  FAIL findings (blockers not met)
 * @param warnings  WARN findings (INFO notes are not counted; neither changes the verdict)
 * @param unknown   UNKNOWN findings
 * @param instances instances assessed
 * @param databases distinct databases that have at least one finding
 */
record ReportCounts(int blockers, int warnings, int unknown, int instances, int databases) {

    /** The order the text, Markdown, HTML and CSV tables of counts show the statuses in. */
    static final List<Status> TABLE_ORDER = List.of(Status.PASS, Status.FAIL, Status.WARN, Status.INFO,
            Status.UNKNOWN, Status.SKIPPED, Status.ERROR, Status.SUPPRESSED);

    static ReportCounts of(AssessmentReport report) {
        Summary s = report.summary();
        Set<String> instances = new LinkedHashSet<>(report.targets());
        Set<List<String>> databases = new LinkedHashSet<>();
        for (Finding f : report.findings()) {
            Target t = f.target();
            if (report.targets().isEmpty()) {
                instances.add(t.instance());
            }
            if (t.isDatabase()) {
                databases.add(List.of(t.instance(), t.database()));
            }
        }
        return new ReportCounts(s.fail(), s.warn(), s.unknown(), instances.size(), databases.size());
    }

    /** "7 blockers, 5 warnings, 2 unknown across 1 instance and 9 databases". */
    String sentence() {
        String scope = plural(instances, "instance", "instances")
                + (databases > 0 ? " and " + plural(databases, "database", "databases") : "");
        return plural(blockers, "blocker", "blockers") + ", " + plural(warnings, "warning", "warnings") + ", "
                + unknown + " unknown across " + scope;
    }

    static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
