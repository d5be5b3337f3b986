// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.assess.Summary;
import dev.milink.core.assess.Verdict;
import dev.milink.core.check.Area;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Script;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.tsql.TSql;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
public final class TextReportRenderer implements ReportRenderer {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String INDENT = "  ";
    private static final int BADGE = 4;
    /** Below this many columns for the message, messages go on their own line under the check id. */
    private static final int MIN_MESSAGE_COLUMNS = 30;
    /** Database names listed on a merged PASS line before "+N more". */
    private static final int MAX_NAMES = 6;

    @Override
    public String name() {
        return "text";
    }

    @Override
    public String description() {
        return "human-readable report grouped by area, with evidence, fixes and a verdict line (default)";
    }

    @Override
    public String fileExtension() {
        return "txt";
    }

    @Override
    public void render(AssessmentReport report, Writer out, RenderOptions options) throws IOException {
        Objects.requireNonNull(report, "report");
        int idWidth = report.findings().stream().mapToInt(f -> width(f.checkId())).max().orElse(6);
        Page page = new Page(out, options);
        header(report, page);
        for (Area area : Area.values()) {
            List<Finding> inArea = report.findings().stream().filter(f -> f.area() == area).toList();
            if (!inArea.isEmpty()) {
                area(area.title(), inArea, page, idWidth, options);
            }
        }
        List<Finding> noArea = report.findings().stream().filter(f -> f.area() == null).toList();
        if (!noArea.isEmpty()) {
            area("Other", noArea, page, idWidth, options);
        }
        if (report.findings().isEmpty()) {
            page.blank();
            page.wrapped(INDENT, INDENT, "No checks ran.", null);
        }
        notes(report, page);
        summary(report, page);
        verdict(report, page);
    }

    private static void header(AssessmentReport report, Page page) throws IOException {
        String version = report.toolVersion() == null || report.toolVersion().isBlank() ? "" : " " + report.toolVersion();
        String direction = report.direction() == null ? "" : " · " + report.direction().label();
        page.wrapped("", "", "milink" + version + " · Managed Instance link readiness" + direction, Ansi.BOLD);
        List<String> targets = report.targets();
        String what = targets.isEmpty() ? "no instance"
                : ReportCounts.plural(targets.size(), "instance", "instances") + ": "
                        + targets.stream().map(Page::clean).collect(Collectors.joining(", "));
        String when = report.createdAt() == null ? "" : "assessed " + WHEN.format(report.createdAt()) + " · ";
        page.wrapped("", "", when + what, null);
    }

    private static void area(String title, List<Finding> findings, Page page, int idWidth, RenderOptions options)
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
            page.wrapped(INDENT + badge(Status.SKIPPED, page) + "  ", " ".repeat(layout.detailColumn()),
                    skipped + " skipped (--show-skipped lists them with reasons)", null);
        }
    }

    private static void finding(Finding f, Page page, Layout layout) throws IOException {
        String id = pad(f.checkId(), layout.idWidth());
        String target = target(f);
        String lead = INDENT + badge(f, page) + "  " + page.style(Ansi.BOLD, id) + "  ";
        String hanging = " ".repeat(layout.messageColumn());
        if (layout.stacked()) {
            page.line(lead + target);
            page.wrapped(" ".repeat(layout.detailColumn()), " ".repeat(layout.detailColumn()), f.message(), null);
        } else if (width(target) > layout.targetWidth()) {
            page.line(lead + target);
            page.wrapped(hanging, hanging, f.message(), null);
        } else {
            page.wrapped(lead + pad(target, layout.targetWidth()) + "  ", hanging, f.message(), null);
        }
        if (f.status() == Status.SUPPRESSED) {
            page.wrapped(" ".repeat(layout.detailColumn()) + "suppressed: ", " ".repeat(layout.detailColumn() + 12),
                    Page.clean(f.suppression().reason()) + " (was " + f.suppression().was() + ")", null);
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
    private static void together(List<Finding> group, Page page, Layout layout) throws IOException {
        Finding first = group.getFirst();
        long instances = group.stream().map(f -> f.target().instance()).distinct().count();
        String target = ReportCounts.plural(group.size(), "database", "databases")
                + (instances > 1 ? " on " + instances + " instances" : "");
        List<String> names = group.stream().limit(MAX_NAMES).map(f -> instances > 1 ? target(f)
                : Page.clean(TSql.quoteName(f.target().database()))).toList();
        String more = group.size() > MAX_NAMES ? " +" + (group.size() - MAX_NAMES) + " more" : "";
        String title = first.title() == null || first.title().isBlank() ? "passed" : first.title();
        String lead = INDENT + badge(first, page) + "  " + page.style(Ansi.BOLD, pad(first.checkId(),
                layout.idWidth())) + "  ";
        String message = title + ": " + String.join(", ", names) + more;
        if (layout.stacked()) {
            page.line(lead + target);
            page.wrapped(" ".repeat(layout.detailColumn()), " ".repeat(layout.detailColumn()), message, null);
        } else {
            String hanging = " ".repeat(layout.messageColumn());
            page.wrapped(lead + pad(target, layout.targetWidth()) + "  ", hanging, message, null);
        }
        if (first.status() != Status.PASS) {
            page.labeled(" ".repeat(layout.detailColumn()), "e.g.: ", first.message());
            remediation(first.remediation(), page, layout.detailColumn());
        }
    }

    private static void evidence(Evidence e, Page page, int column) throws IOException {
        boolean seen = !e.observed().isBlank();
        boolean needed = !e.expected().isBlank();
        String at = " ".repeat(column);
        if (seen && needed) {
            String oneLine = "seen: " + Page.clean(e.observed()) + "  needed: " + Page.clean(e.expected());
            if (column + width(oneLine) <= page.columns() && !e.observed().contains("\n")
                    && !e.expected().contains("\n")) {
                page.line(at + page.style(Ansi.DIM, "seen:") + " " + Page.clean(e.observed()) + "  "
                        + page.style(Ansi.DIM, "needed:") + " " + Page.clean(e.expected()));
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

    private static void remediation(Remediation r, Page page, int column) throws IOException {
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
            String text = "step 1 of " + r.steps().size() + ": " + first.title() + " (" + tags(first) + ")";
            page.wrapped(lead, stepAt + "  ", text, null);
        }
    }

    private static String tags(FixStep step) {
        List<String> tags = new ArrayList<>();
        tags.add(step.scripts().stream().map(Script::kind).distinct().map(k -> k.label())
                .collect(Collectors.joining(", ")));
        if (step.restartRequired()) {
            tags.add("restart required");
        }
        if (step.appliable()) {
            tags.add("milink can apply");
        }
        return String.join("; ", tags);
    }

    private static void notes(AssessmentReport report, Page page) throws IOException {
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

    private static void summary(AssessmentReport report, Page page) throws IOException {
        Summary s = report.summary();
        page.blank();
        page.line(page.style(Ansi.BOLD, "Summary"));
        page.line("-------");
        StringBuilder line = new StringBuilder(INDENT);
        for (Status st : List.of(Status.PASS, Status.FAIL, Status.WARN, Status.INFO, Status.UNKNOWN, Status.SKIPPED,
                Status.ERROR, Status.SUPPRESSED)) {
            // INFO, ERROR and SUPPRESSED appear only when there are some: many reports never have them.
            if (s.count(st) > 0 || st != Status.INFO && st != Status.ERROR && st != Status.SUPPRESSED) {
                line.append(count(st, s.count(st), page)).append("   ");
            }
        }
        page.line(line.append(ReportCounts.plural(s.total(), "finding", "findings")).toString());
        page.blank();
    }

    private static String count(Status status, int n, Page page) {
        return badge(status, page) + " " + n;
    }

    private static void verdict(AssessmentReport report, Page page) throws IOException {
        Verdict v = report.verdict();
        String word = switch (v) {
            case READY -> "READY";
            case NOT_READY -> "NOT READY";
            case INCOMPLETE -> "INCOMPLETE";
        };
        String colour = switch (v) {
            case READY -> Ansi.GREEN;
            case NOT_READY -> Ansi.RED;
            case INCOMPLETE -> Ansi.YELLOW;
        };
        // One line on purpose, even past the width: scripts and CI logs grep for it.
        page.line(page.style(Ansi.BOLD + colour, word + ": " + ReportCounts.of(report).sentence()));
    }

    static String badge(Finding f, Page page) {
        return badge(f.status(), page);
    }

    static String badge(Status status, Page page) {
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
        String instance = Page.clean(f.target().instance());
        return f.target().isDatabase() ? instance + " / " + Page.clean(TSql.quoteName(f.target().database()))
                : instance;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - width(s)));
    }

    /**
     * Terminal columns {@code s} takes: East Asian wide letters (CJK, Hangul, full-width forms) take two,
     * combining marks none, so columns stay aligned for databases named in Japanese or Korean.
     */
    static int width(String s) {
        return s.codePoints().map(TextReportRenderer::columns).sum();
    }

    private static int columns(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || cp == 0x200B) {
            return 0;
        }
        boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E)
                || (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0xA000 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x20000 && cp <= 0x3FFFD);
        return wide ? 2 : 1;
    }

    /** Column positions shared by every finding line, so messages line up down the whole report. */
    private record Layout(int idWidth, int targetWidth, int messageColumn, int detailColumn, boolean stacked) {

        static Layout of(List<Finding> shown, int idWidth, RenderOptions options) {
            int longestTarget = shown.stream().mapToInt(f -> width(target(f))).max().orElse(0);
            int targetWidth = Math.min(longestTarget, options.width() / 3);
            int detail = INDENT.length() + BADGE + 2;
            int message = detail + idWidth + 2 + targetWidth + 2;
            boolean stacked = options.width() - message < MIN_MESSAGE_COLUMNS;
            return new Layout(idWidth, targetWidth, message, detail, stacked);
        }
    }

    /** ANSI SGR sequences; used only through {@link Page#style}. */
    static final class Ansi {
        static final String BOLD = "\u001b[1m";
        static final String DIM = "\u001b[2m";
        static final String RED = "\u001b[31m";
        static final String GREEN = "\u001b[32m";
        static final String YELLOW = "\u001b[33m";
        static final String MAGENTA = "\u001b[35m";
        static final String CYAN = "\u001b[36m";
        static final String RESET = "\u001b[0m";

        private Ansi() {
        }
    }

    /** The output with its width and colour choice: styling, word wrapping and control-character escaping. */
    static final class Page {
        private final Writer out;
        private final RenderOptions options;

        Page(Writer out, RenderOptions options) {
            this.out = out;
            this.options = options;
        }

        int columns() {
            return options.width();
        }

        String style(String sgr, String text) {
            return options.color() ? sgr + text + Ansi.RESET : text;
        }

        void line(String s) throws IOException {
            out.write(s);
            out.write('\n');
        }

        void blank() throws IOException {
            out.write('\n');
        }

        /** {@code label} in dim, then {@code text} wrapped with a hanging indent under the text. */
        void labeled(String at, String label, String text) throws IOException {
            String hanging = at + " ".repeat(TextReportRenderer.width(label));
            String lead = at + style(Ansi.DIM, label.stripTrailing()) + " ".repeat(label.length()
                    - label.stripTrailing().length());
            wrapped(lead, hanging, text, null);
        }

        /**
         * Writes {@code text} after {@code lead} (whose visible width is its length without ANSI sequences),
         * wrapping at the page width; continuation lines start with {@code hanging}. Line breaks in the text
         * are kept.
         */
        void wrapped(String lead, String hanging, String text, String sgr) throws IOException {
            String prefix = lead;
            String[] paragraphs = (text == null ? "" : text).split("\r?\n", -1);
            for (String paragraph : paragraphs) {
                int available = Math.max(20, options.width() - visibleWidth(prefix));
                List<String> lines = wrap(clean(paragraph), available, Math.max(20, options.width() - TextReportRenderer.width(hanging)));
                for (String l : lines) {
                    line(prefix + (sgr == null ? l : style(sgr, l)));
                    prefix = hanging;
                }
            }
        }

        private static int visibleWidth(String s) {
            return TextReportRenderer.width(s.replaceAll("\u001b\\[[0-9;]*m", ""));
        }

        /** Greedy word wrap; a word longer than a line (a path, a thumbprint) gets a line of its own. */
        static List<String> wrap(String text, int first, int rest) {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            int limit = first;
            for (String word : text.trim().split(" +")) {
                if (current.isEmpty()) {
                    current.append(word);
                } else if (TextReportRenderer.width(current.toString()) + 1 + TextReportRenderer.width(word) <= limit) {
                    current.append(' ').append(word);
                } else {
                    lines.add(current.toString());
                    current.setLength(0);
                    current.append(word);
                    limit = rest;
                }
            }
            lines.add(current.toString());
            return lines;
        }

        /** Shows control characters (ESC, CR, BEL…) as {@code \x1B}, so untrusted names cannot drive the terminal. */
        static String clean(String s) {
            if (s == null) {
                return "";
            }
            StringBuilder b = new StringBuilder(s.length());
            s.codePoints().forEach(cp -> {
                if (cp == '\t') {
                    b.append(' ');
                } else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
                    b.append(String.format("\\x%02X", cp));
                } else {
                    b.appendCodePoint(cp);
                }
            });
            return b.toString();
        }
    }
}
