// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.assess.Summary;
import dev.milink.core.assess.Verdict;
import dev.milink.core.check.Area;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Status;
import dev.milink.core.script.TSql;
import dev.milink.report.TextPage.Ansi;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The report a DBA reads first: findings grouped by area (in {@link Area} order), one line each with a status
 * badge, check id, target and message (database findings of one check with the same outcome share a block —
 * passes from two databases on, warnings and unknowns from three, failures never — so problems stand out among
 * many databases); evidence and the first fix step under every FAIL, WARN and UNKNOWN;
 * skipped findings counted per area unless {@link RenderOptions#showSkipped()}; then notes, counts and a one-line
 * verdict as the very last line, e.g.
 *
 * <pre>
 * Databases
 * ---------
 *   FAIL  MIL-D1  sql01 / [Sales]  Recovery model is SIMPLE.
 *                 seen: SIMPLE  needed: FULL
 *                 fix:  Switch to FULL recovery and start a log chain.
 *                       step 1 of 2: Set recovery model of [Sales] to FULL (T-SQL; milink can apply)
 *   SKIP  2 skipped (--show-skipped lists them with reasons)
 * ...
 * NOT READY: 7 blockers, 5 warnings, 2 unknown across 1 instance and 9 databases
 * </pre>
 *
 * <p>Messages wrap at {@link RenderOptions#width()} with a hanging indent. ANSI colour is used only when
 * {@link RenderOptions#color()} is set. Control characters in names and messages are shown escaped, so a
 * database name cannot move the cursor or recolour the terminal. Lines end with {@code \n}.
 *
 * @since 0.1
 */
public final class TextReportRenderer extends FormatRenderer {

    private static final String INDENT = TextFindings.INDENT;

    public TextReportRenderer() {
        super("text", "txt",
                "human-readable report grouped by area, with evidence, fixes and a verdict line (default)");
    }

    @Override
    void write(AssessmentReport report, Writer out, RenderOptions options) throws IOException {
        int idWidth = report.findings().stream().mapToInt(f -> TextPage.width(f.checkId())).max().orElse(6);
        TextPage page = new TextPage(out, options);
        header(report, page);
        for (Area area : Area.values()) {
            List<Finding> inArea = report.findings().stream().filter(f -> f.area() == area).toList();
            if (!inArea.isEmpty()) {
                TextFindings.area(area.title(), inArea, page, idWidth, options);
            }
        }
        List<Finding> noArea = report.findings().stream().filter(f -> f.area() == null).toList();
        if (!noArea.isEmpty()) {
            TextFindings.area("Other", noArea, page, idWidth, options);
        }
        if (report.findings().isEmpty()) {
            page.blank();
            page.wrapped(INDENT, INDENT, "No checks ran.", null);
        }
        notes(report, page);
        summary(report, page);
        verdict(report, page);
    }

    private static void header(AssessmentReport report, TextPage page) throws IOException {
        String version = report.toolVersion() == null || report.toolVersion().isBlank() ? "" : " " + report.toolVersion();
        String direction = report.direction() == null ? "" : " · " + report.direction().label();
        page.wrapped("", "", "milink" + version + " · Managed Instance link readiness" + direction, Ansi.BOLD);
        List<String> targets = report.targets();
        String what = targets.isEmpty() ? "no instance"
                : ReportCounts.plural(targets.size(), "instance", "instances") + ": "
                        + targets.stream().map(TextPage::clean).collect(Collectors.joining(", "));
        String when = report.createdAt() == null ? "" : "assessed " + Labels.when(report.createdAt()) + " · ";
        page.wrapped("", "", when + what, null);
    }

    private static void notes(AssessmentReport report, TextPage page) throws IOException {
        if (report.notes().isEmpty()) {
            return;
        }
        page.blank();
        page.line(page.style(Ansi.BOLD, "Notes"));
        page.line("-----");
        for (String note : report.notes()) {
            page.wrapped(INDENT + page.style(Ansi.YELLOW, "!") + " ", INDENT + "  ", note, null);
        }
    }

    private static void summary(AssessmentReport report, TextPage page) throws IOException {
        Summary s = report.summary();
        page.blank();
        page.line(page.style(Ansi.BOLD, "Summary"));
        page.line("-------");
        StringBuilder line = new StringBuilder(INDENT);
        for (Status st : ReportCounts.TABLE_ORDER) {
            // INFO, ERROR and SUPPRESSED appear only when there are some: many reports never have them.
            if (s.count(st) > 0 || st != Status.INFO && st != Status.ERROR && st != Status.SUPPRESSED) {
                line.append(count(st, s.count(st), page)).append("   ");
            }
        }
        page.line(line.append(ReportCounts.plural(s.total(), "finding", "findings")).toString());
        page.blank();
    }

    private static String count(Status status, int n, TextPage page) {
        return badge(status, page) + " " + n;
    }

    private static void verdict(AssessmentReport report, TextPage page) throws IOException {
        Verdict v = report.verdict();
        String word = Labels.verdict(v);
        String colour = switch (v) {
            case READY -> Ansi.GREEN;
            case NOT_READY -> Ansi.RED;
            case INCOMPLETE -> Ansi.YELLOW;
        };
        // One line on purpose, even past the width: scripts and CI logs grep for it.
        page.line(page.style(Ansi.BOLD + colour, word + ": " + ReportCounts.of(report).sentence()));
    }

    static String badge(Finding f, TextPage page) {
        return badge(f.status(), page);
    }

    static String badge(Status status, TextPage page) {
        return switch (status) {
            case PASS -> page.style(Ansi.GREEN, "PASS");
            case FAIL -> page.style(Ansi.BOLD + Ansi.RED, "FAIL");
            case WARN -> page.style(Ansi.YELLOW, "WARN");
            case INFO -> page.style(Ansi.CYAN, "INFO");
            case ERROR -> page.style(Ansi.BOLD + Ansi.RED, "ERR!");
            case SUPPRESSED -> page.style(Ansi.DIM, "SUPP");
            case SKIPPED -> page.style(Ansi.DIM, "SKIP");
            case UNKNOWN -> page.style(Ansi.MAGENTA, "????");
        };
    }

    static String target(Finding f) {
        String instance = TextPage.clean(f.target().instance());
        return f.target().isDatabase() ? instance + " / " + TextPage.clean(TSql.quoteName(f.target().database()))
                : instance;
    }
}
