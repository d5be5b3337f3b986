// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Status;
import dev.milink.core.script.TSql;
import dev.milink.report.TextPage.Ansi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One area of the text report: its finding lines in aligned columns, database findings of one check with the same
 * outcome merged into one block, evidence and the first fix step under every problem, and the skipped count.
 */
final class TextFindings {

    static final String INDENT = "  ";
    private static final int BADGE = 4;
    /** Below this many columns for the message, messages go on their own line under the check id. */
    private static final int MIN_MESSAGE_COLUMNS = 30;
    /** Database names listed on a merged PASS line before "+N more". */
    private static final int MAX_NAMES = 6;

    private TextFindings() {
    }

    static void area(String title, List<Finding> findings, TextPage page, int idWidth, RenderOptions options)
            throws IOException {
        // Columns are computed per area: instance-level areas need no room for database names.
        Layout layout = Layout.of(findings.stream()
                .filter(f -> f.status() != Status.SKIPPED || options.showSkipped()).toList(), idWidth, options);
        page.blank();
        page.line(page.style(Ansi.BOLD, title));
        page.line("-".repeat(title.codePointCount(0, title.length())));
        int skipped = 0;
        // Database findings of one check with the same outcome share a block: with 30 databases, the problems that
        // differ per database must not drown among passes and identical reminders. FAILs are never grouped.
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (groupable(f)) {
                groups.computeIfAbsent(groupKey(f), k -> new ArrayList<>()).add(f);
            }
        }
        for (Finding f : findings) {
            List<Finding> group = groupable(f) ? groups.get(groupKey(f)) : null;
            if (f.status() == Status.SKIPPED && !options.showSkipped()) {
                skipped++;
            } else if (group != null && group.size() >= minimumGroup(f.status())) {
                if (group.getFirst() == f) {
                    together(group, page, layout);
                }
            } else {
                finding(f, page, layout);
            }
        }
        if (skipped > 0) {
            page.wrapped(INDENT + TextReportRenderer.badge(Status.SKIPPED, page) + "  ", " ".repeat(layout.detailColumn()),
                    skipped + " skipped (--show-skipped lists them with reasons)", null);
        }
    }

    private static void finding(Finding f, TextPage page, Layout layout) throws IOException {
        String id = TextPage.pad(f.checkId(), layout.idWidth());
        String target = TextReportRenderer.target(f);
        String lead = INDENT + TextReportRenderer.badge(f, page) + "  " + page.style(Ansi.BOLD, id) + "  ";
        String hanging = " ".repeat(layout.messageColumn());
        if (layout.stacked()) {
            page.line(lead + target);
            page.wrapped(" ".repeat(layout.detailColumn()), " ".repeat(layout.detailColumn()), f.message(), null);
        } else if (TextPage.width(target) > layout.targetWidth()) {
            page.line(lead + target);
            page.wrapped(hanging, hanging, f.message(), null);
        } else {
            page.wrapped(lead + TextPage.pad(target, layout.targetWidth()) + "  ", hanging, f.message(), null);
        }
        if (f.status() == Status.SUPPRESSED) {
            page.wrapped(" ".repeat(layout.detailColumn()) + "suppressed: ", " ".repeat(layout.detailColumn() + 12),
                    TextPage.clean(f.suppression().reason()) + " (was " + f.suppression().was() + ")", null);
        } else if (f.status().isNotMet() || f.status() == Status.UNKNOWN) {
            evidence(f.evidence(), page, layout.detailColumn());
            remediation(f.remediation(), page, layout.detailColumn());
        }
    }

    private static boolean groupable(Finding f) {
        return f.target().isDatabase()
                && (f.status() == Status.PASS || f.status() == Status.WARN || f.status() == Status.INFO
                || f.status() == Status.UNKNOWN);
    }

    private static String groupKey(Finding f) {
        return f.checkId() + "|" + f.status() + "|" + f.severity();
    }

    /** Two passes already share a line; warnings and unknowns are grouped from three on. */
    private static int minimumGroup(Status status) {
        return status == Status.PASS ? 2 : 3;
    }

    /**
     * "PASS  MIL-D1  5 databases  User database: [Sales], [HR], … +2 more". A group of warnings or unknowns also
     * shows the first database's message as an example, with its fix, since the others read the same.
     */
    private static void together(List<Finding> group, TextPage page, Layout layout) throws IOException {
        Finding first = group.getFirst();
        long instances = group.stream().map(f -> f.target().instance()).distinct().count();
        String target = ReportCounts.plural(group.size(), "database", "databases")
                + (instances > 1 ? " on " + instances + " instances" : "");
        List<String> names = group.stream().limit(MAX_NAMES).map(f -> instances > 1 ? TextReportRenderer.target(f)
                : TextPage.clean(TSql.quoteName(f.target().database()))).toList();
        String more = group.size() > MAX_NAMES ? " +" + (group.size() - MAX_NAMES) + " more" : "";
        String title = first.title() == null || first.title().isBlank() ? "passed" : first.title();
        String lead = INDENT + TextReportRenderer.badge(first, page) + "  " + page.style(Ansi.BOLD, TextPage.pad(first.checkId(),
                layout.idWidth())) + "  ";
        String message = title + ": " + String.join(", ", names) + more;
        if (layout.stacked()) {
            page.line(lead + target);
            page.wrapped(" ".repeat(layout.detailColumn()), " ".repeat(layout.detailColumn()), message, null);
        } else {
            String hanging = " ".repeat(layout.messageColumn());
            page.wrapped(lead + TextPage.pad(target, layout.targetWidth()) + "  ", hanging, message, null);
        }
        if (first.status() != Status.PASS) {
            page.labeled(" ".repeat(layout.detailColumn()), "e.g.: ", first.message());
            remediation(first.remediation(), page, layout.detailColumn());
        }
    }

    private static void evidence(Evidence e, TextPage page, int column) throws IOException {
        boolean seen = !e.observed().isBlank();
        boolean needed = !e.expected().isBlank();
        String at = " ".repeat(column);
        if (seen && needed) {
            String oneLine = "seen: " + TextPage.clean(e.observed()) + "  needed: " + TextPage.clean(e.expected());
            if (column + TextPage.width(oneLine) <= page.columns() && !e.observed().contains("\n")
                    && !e.expected().contains("\n")) {
                page.line(at + page.style(Ansi.DIM, "seen:") + " " + TextPage.clean(e.observed()) + "  "
                        + page.style(Ansi.DIM, "needed:") + " " + TextPage.clean(e.expected()));
                return;
            }
            page.labeled(at, "seen:   ", e.observed());
            page.labeled(at, "needed: ", e.expected());
        } else if (seen) {
            page.labeled(at, "seen: ", e.observed());
        } else if (needed) {
            page.labeled(at, "needed: ", e.expected());
        }
    }

    private static void remediation(Remediation r, TextPage page, int column) throws IOException {
        if (r == null || r.isEmpty()) {
            return;
        }
        String at = " ".repeat(column);
        String stepAt = at + "      ";
        if (!r.summary().isBlank()) {
            page.labeled(at, "fix:  ", r.summary());
        }
        if (!r.steps().isEmpty()) {
            FixStep first = r.steps().getFirst();
            String lead = r.summary().isBlank() ? at + page.style(Ansi.DIM, "fix:") + "  " : stepAt;
            String text = "step 1 of " + r.steps().size() + ": " + first.title() + " (" + Labels.stepTags(first) + ")";
            page.wrapped(lead, stepAt + "  ", text, null);
        }
    }

    /** Column positions shared by every finding line, so messages line up down the whole report. */
    private record Layout(int idWidth, int targetWidth, int messageColumn, int detailColumn, boolean stacked) {

        static Layout of(List<Finding> shown, int idWidth, RenderOptions options) {
            int longestTarget = shown.stream().mapToInt(f -> TextPage.width(TextReportRenderer.target(f))).max().orElse(0);
            int targetWidth = Math.min(longestTarget, options.width() / 3);
            int detail = INDENT.length() + BADGE + 2;
            int message = detail + idWidth + 2 + targetWidth + 2;
            boolean stacked = options.width() - message < MIN_MESSAGE_COLUMNS;
            return new Layout(idWidth, targetWidth, message, detail, stacked);
        }
    }
}
