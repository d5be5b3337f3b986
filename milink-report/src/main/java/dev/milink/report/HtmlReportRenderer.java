// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.assess.Summary;
import dev.milink.core.assess.Verdict;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.Script;
import dev.milink.core.check.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One self-contained HTML file for the people who read a fleet in a browser: the verdict and counts per status,
 * a readiness matrix (instances × checks, cells coloured by status and linked to the finding), a filter box
 * (words, or "problems only"; {@code report.html#q=WORDS} opens it filtered), per instance every finding with its
 * evidence and fix steps (scripts included), the network diagram when one is given, and the notes.
 *
 * <p>No network access at all: CSS and JavaScript are inline (from {@code report.css} and {@code report.js}
 * beside this class) and a Content-Security-Policy ({@code default-src 'none'}) stops the page from loading
 * anything, so it can be mailed, attached to a ticket or opened on an air-gapped jump box. Every name and message
 * is HTML-escaped; the script reads data only from the DOM, never from text pasted into it.
 *
 * <pre>{@code
 * new HtmlReportRenderer().withNetworkDiagram(svg).render(report, writer, RenderOptions.defaults());
 * }</pre>
 *
 * @since 0.1
 */
public final class HtmlReportRenderer extends FormatRenderer {

    private static final String CSS = resource("html/report.css");
    private static final String JS = resource("html/report.js");
    /** Details order within an instance: what needs a reader first. */
    private static final List<Status> ORDER = List.of(Status.FAIL, Status.ERROR, Status.UNKNOWN, Status.WARN,
            Status.INFO, Status.SUPPRESSED, Status.PASS, Status.SKIPPED);
    private static final Pattern ACTIVE_SVG = Pattern.compile("(?i)<script|<foreignobject|\\son\\w+\\s*=|javascript:"
            + "|(?:href|src)\\s*=\\s*[\"']?\\s*(?:https?:|//)");

    private final String networkDiagram;

    public HtmlReportRenderer() {
        this(null);
    }

    private HtmlReportRenderer(String networkDiagram) {
        super("html", "html", "one self-contained HTML file: readiness matrix, filter, findings with fixes (no network"
                + " access)");
        this.networkDiagram = networkDiagram;
    }

    /**
     * The same renderer with a network diagram: SVG markup such as {@code milink-network}'s {@code FlowDiagram}
     * writes (this module may not depend on that one, so the caller passes the markup in). It is embedded as is,
     * so it must be milink's own output: markup with scripts, event handlers or outside links is refused.
     *
     * @throws IllegalArgumentException when {@code svg} is not an SVG element or holds active content
     */
    public HtmlReportRenderer withNetworkDiagram(String svg) {
        if (svg == null) {
            return new HtmlReportRenderer(null);
        }
        String s = svg.strip();
        if (s.startsWith("<?xml")) {
            s = s.substring(s.indexOf("?>") + 2).strip();
        }
        if (!s.startsWith("<svg") || ACTIVE_SVG.matcher(s).find()) {
            throw new IllegalArgumentException("the network diagram must be a plain <svg> element without scripts,"
                    + " event handlers or outside links");
        }
        return new HtmlReportRenderer(s);
    }

    @Override
    void write(AssessmentReport report, Writer out, RenderOptions options) throws IOException {
        ReadinessMatrix m = ReadinessMatrix.of(report);
        Map<Finding, Integer> ids = new IdentityHashMap<>();
        for (Finding f : report.findings()) {
            ids.put(f, ids.size());
        }
        StringBuilder b = new StringBuilder(64 * 1024);
        Verdict verdict = report.verdict();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        + "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"milink ").append(h(report.toolVersion())).append("\">\n")
                .append("<title>milink: ").append(Labels.verdict(verdict)).append(" · ")
                .append(h(ReportCounts.plural(m.instances().size(), "instance", "instances"))).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        header(report, verdict, b);
        b.append("<main>\n");
        matrix(m, ids, b);
        b.append("<section id=\"details\">\n<h2>Findings by instance</h2>\n");
        for (String instance : m.instances()) {
            instance(instance, m, ids, b);
        }
        b.append("</section>\n");
        if (networkDiagram != null) {
            b.append("<section id=\"network\">\n<h2>Network</h2>\n<div class=\"scroll\">").append(networkDiagram)
                    .append("</div>\n</section>\n");
        }
        if (!report.notes().isEmpty()) {
            b.append("<section id=\"notes\">\n<h2>Notes</h2>\n<ul class=\"notes\">\n");
            report.notes().forEach(n -> b.append("<li>").append(h(n)).append("</li>\n"));
            b.append("</ul>\n</section>\n");
        }
        b.append("</main>\n<footer>Generated by milink").append(report.toolVersion() == null ? ""
                : " " + h(report.toolVersion())).append(". A self-contained file: it loads nothing from the network."
                + "</footer>\n<script>\n").append(JS).append("</script>\n</body>\n</html>\n");
        out.write(b.toString());
    }

    private static void header(AssessmentReport report, Verdict verdict, StringBuilder b) {
        b.append("<header>\n<h1>Managed Instance link readiness</h1>\n<p class=\"meta\">")
                .append(h(Labels.about(report))).append("</p>\n<p id=\"verdict\" class=\"verdict v-")
                .append(verdict.name()).append("\">")
                .append(Labels.verdict(verdict)).append(": ").append(h(ReportCounts.of(report).sentence()))
                .append("</p>\n<ul id=\"counts\" class=\"counts\">\n");
        Summary s = report.summary();
        for (Status st : ReportCounts.TABLE_ORDER) {
            b.append("<li class=\"s-").append(st.name()).append("\" data-count=\"").append(st.name()).append("\">")
                    .append(st.name()).append(" <b>").append(s.count(st)).append("</b></li>\n");
        }
        b.append("<li data-count=\"TOTAL\">findings <b>").append(s.total()).append("</b></li>\n</ul>\n</header>\n");
    }

    private static void matrix(ReadinessMatrix m, Map<Finding, Integer> ids, StringBuilder b) {
        b.append("<section id=\"matrix-section\">\n<h2>Readiness matrix</h2>\n<div class=\"controls\">")
                .append("<input id=\"filter\" type=\"search\" placeholder=\"Filter: instance, check, status, words…\""
                        + " aria-label=\"Filter findings\">")
                .append("<label><input type=\"checkbox\" id=\"problems-only\"> Problems only</label>")
                .append("<span id=\"shown\">Showing ").append(ids.size()).append(" of ").append(ids.size())
                .append(" findings</span></div>\n<div class=\"scroll\">\n<table id=\"matrix\" class=\"matrix\">\n")
                .append("<thead><tr><th>Instance</th><th>Verdict</th>");
        for (ReadinessMatrix.Column c : m.checks()) {
            b.append("<th class=\"check\" data-col=\"").append(h(c.id())).append("\" title=\"").append(h(c.title()))
                    .append("\">").append(h(c.id())).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        int n = 0;
        for (String instance : m.instances()) {
            Verdict v = m.verdict(instance);
            b.append("<tr data-instance=\"").append(h(instance)).append("\"><th><a href=\"#i-").append(n++)
                    .append("\">").append(h(instance)).append("</a></th><td class=\"verdict-cell\">")
                    .append(Labels.verdict(v)).append("</td>");
            for (ReadinessMatrix.Column c : m.checks()) {
                b.append("<td data-col=\"").append(h(c.id())).append('"');
                var cell = m.cell(instance, c.id());
                if (cell.isEmpty()) {
                    b.append(" class=\"cell\">–</td>");
                    continue;
                }
                Status worst = cell.get().worst();
                Finding first = cell.get().findings().stream().filter(f -> f.status() == worst).findFirst()
                        .orElseThrow();
                b.append(" class=\"cell s-").append(worst.name()).append("\" title=\"").append(h(c.id() + " "
                        + c.title() + ": " + cell.get().label())).append("\"><a href=\"#f-").append(ids.get(first))
                        .append("\">").append(worst.name()).append(cell.get().findings().size() > 1
                                ? " " + cell.get().counts().get(worst) : "").append("</a></td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n</div>\n<p class=\"legend\">A cell shows the worst status of the check on the "
                + "instance (FAIL, ERROR, UNKNOWN, WARN, INFO, SUPPRESSED, PASS, SKIPPED); for a check run per "
                + "database, with the number of databases that have that status (hover for all); – means the "
                + "check reported nothing there. Click a cell for the finding.</p>\n</section>\n");
    }

    private static void instance(String instance, ReadinessMatrix m, Map<Finding, Integer> ids, StringBuilder b) {
        int index = m.instances().indexOf(instance);
        Verdict v = m.verdict(instance);
        b.append("<article class=\"instance\" id=\"i-").append(index).append("\" data-instance=\"").append(h(instance))
                .append("\">\n<h3>").append(h(instance)).append(" <span class=\"badge ")
                .append(v == Verdict.READY ? "s-PASS" : v == Verdict.NOT_READY ? "s-FAIL" : "s-UNKNOWN").append("\">")
                .append(Labels.verdict(v)).append("</span></h3>\n");
        for (Status st : ORDER) {
            for (Finding f : m.findings(instance)) {
                if (f.status() == st) {
                    finding(f, ids.get(f), b);
                }
            }
        }
        b.append("</article>\n");
    }

    private static void finding(Finding f, int id, StringBuilder b) {
        String target = Labels.target(f);
        String search = String.join(" ", f.status().name(), f.checkId(), f.title() == null ? "" : f.title(), target,
                f.message()).toLowerCase(Locale.ROOT);
        b.append("<details class=\"finding\" id=\"f-").append(id).append("\" data-status=\"").append(f.status().name())
                .append("\" data-check=\"").append(h(f.checkId())).append("\" data-instance=\"")
                .append(h(f.target().instance())).append("\" data-search=\"").append(h(search)).append("\">")
                .append("<summary><span class=\"badge s-").append(f.status().name()).append("\">")
                .append(f.status().name()).append("</span><code class=\"id\">").append(h(f.checkId()))
                .append("</code><span class=\"target\">").append(h(target)).append("</span>").append(h(f.message()))
                .append("</summary>\n<div class=\"body\"><dl>");
        item(b, "Check", f.title());
        item(b, "Severity", f.severity().name());
        if (f.suppression() != null) {
            item(b, "Suppressed", f.suppression().reason() + " (was " + f.suppression().was() + ")");
        }
        item(b, "Seen", f.evidence().observed());
        item(b, "Needed", f.evidence().expected());
        item(b, "Fix", f.remediation().summary());
        b.append("</dl>");
        int n = 0;
        for (FixStep step : f.remediation().steps()) {
            b.append("<div class=\"step\"><h4>Step ").append(++n).append(" of ").append(f.remediation().steps().size())
                    .append(": ").append(h(step.title())).append(" (").append(h(Labels.stepTags(step)))
                    .append(")</h4>");
            for (Script script : step.scripts()) {
                b.append("<p class=\"kind\">").append(h(script.kind().label())).append("</p><pre><code>")
                        .append(h(script.text())).append("</code></pre>");
            }
            b.append("</div>");
        }
        b.append("</div>\n</details>\n");
    }

    private static void item(StringBuilder b, String label, String value) {
        if (value != null && !value.isBlank()) {
            b.append("<dt>").append(label).append("</dt><dd>").append(h(value)).append("</dd>");
        }
    }

    private static String h(String s) {
        return XmlText.attr(s).replace("&#10;", "\n").replace("&#13;", "\n").replace("&#9;", "\t");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReportRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside HtmlReportRenderer");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
