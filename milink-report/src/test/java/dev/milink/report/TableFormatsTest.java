// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.check.Area;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Script;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.check.Target;
import dev.milink.core.model.Direction;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CSV, Markdown and HTML: what golden files cannot show at a glance (escaping, guards, counts). */
class TableFormatsTest {

    private static String render(ReportRenderer r, AssessmentReport report) {
        return Rendered.by(r, report);
    }

    private static AssessmentReport hostile() {
        Target server = Target.instance("=cmd|' /C calc'!A0");
        Remediation fix = new Remediation("Run it.", List.of(new FixStep("x", "Step <b>one</b>", FixStep.Phase.INSTANCE,
                1, false, true, List.of(new Script(ScriptKind.TSQL, "SELECT '```';\n")), Optional.empty())));
        return new AssessmentReport("0.1.0", SampleReport.CREATED, Direction.SQL_TO_MI, List.of(server.instance()),
                List.of(new Finding("MIL-X1", "Title, with \"quotes\"", Area.INSTANCE, Status.FAIL, Severity.BLOCKER,
                        server, "- [click](http://evil) <img src=x> | *bold*\n1. second line", Evidence.NONE, fix),
                        new Finding("MIL-X2", "+SUM(1)", Area.DATABASE, Status.PASS, Severity.BLOCKER,
                                Target.database(server.instance(), "@db"), "ok", Evidence.NONE, Remediation.NONE)),
                List.of());
    }

    @Test
    void csvOpensInExcelAsTextWithoutFormulas() throws IOException {
        String csv = render(new CsvReportRenderer(), hostile());
        assertThat(csv).startsWith("\uFEFFInstance,Verdict,");
        assertThat(csv.split("\r\n", -1)).hasSize(3).endsWith("");
        assertThat(csv.replace("\r\n", "")).doesNotContain("\n", "\r");
        assertThat(csv).contains("\"MIL-X1 Title, with \"\"quotes\"\"\"", "MIL-X2 +SUM(1)")
                .contains("\r\n'=cmd|' /C calc'!A0,NOT READY,");
        assertThat(CsvReportRenderer.field("+1")).isEqualTo("'+1");
        assertThat(CsvReportRenderer.field("-1")).isEqualTo("'-1");
        assertThat(CsvReportRenderer.field("@x")).isEqualTo("'@x");
        assertThat(CsvReportRenderer.field("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(CsvReportRenderer.field("plain")).isEqualTo("plain");
    }

    @Test
    void csvRowCountsMatchTheCells() throws IOException {
        String[] lines = render(new CsvReportRenderer(), SampleReport.fleet()).split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[2]).startsWith("sql02.contoso.local,INCOMPLETE,6,0,0,1,0,1,1,1,");
        // Each row's counts are the sum of its cells ("FAIL 2, PASS 3" counts five findings).
        for (String line : List.of(lines[1], lines[2])) {
            List<String> fields = parse(line);
            int counted = fields.subList(2, 10).stream().mapToInt(Integer::parseInt).sum();
            int inCells = fields.subList(10, fields.size()).stream().filter(c -> !c.isEmpty())
                    .flatMap(c -> List.of(c.split(", ")).stream())
                    .mapToInt(c -> c.contains(" ") ? Integer.parseInt(c.substring(c.indexOf(' ') + 1)) : 1).sum();
            assertThat(inCells).as(line).isEqualTo(counted);
        }
    }

    /** RFC 4180 fields of one line (quoted fields with doubled quotes; no line breaks here). */
    private static List<String> parse(String line) {
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                f.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        fields.add(f.toString());
        return fields;
    }

    @Test
    void markdownKeepsNamesAsText() throws IOException {
        String md = render(new MarkdownReportRenderer(), hostile());
        assertThat(md).contains("\\- \\[click\\](http://evil) &lt;img src=x&gt; \\| \\*bold\\*  \n1\\. second line")
                .contains("Step 1 of 1: Step &lt;b&gt;one&lt;/b&gt;")
                .contains("````sql\nSELECT '```';\n````")
                .doesNotContain("<img");
    }

    @Test
    void markdownCountsMatchTheStatusesListed() throws IOException {
        AssessmentReport report = SampleReport.fleet();
        String md = render(new MarkdownReportRenderer(), report);
        assertThat(md).contains("| " + report.summary().pass() + " | " + report.summary().fail() + " | "
                + report.summary().warn() + " | " + report.summary().info() + " | " + report.summary().unknown() + " | "
                + report.summary().skipped() + " | " + report.summary().error() + " | "
                + report.summary().suppressed() + " | " + report.summary().total() + " |");
        for (Status s : List.of(Status.FAIL, Status.WARN, Status.INFO, Status.UNKNOWN, Status.ERROR,
                Status.SUPPRESSED)) {
            assertThat(md.split("\\*\\*" + s.name() + "\\*\\* · ", -1)).as(s.name()).hasSize(report.summary().count(s) + 1);
        }
        for (Status s : List.of(Status.PASS, Status.SKIPPED)) {
            assertThat(md.split("\n\\| " + s.name() + " \\| `", -1)).as(s.name()).hasSize(report.summary().count(s) + 1);
        }
    }

    @Test
    void htmlLoadsNothingAndEscapesEverything() throws IOException {
        String html = render(new HtmlReportRenderer(), hostile());
        assertThat(html).contains("content=\"default-src 'none';")
                .doesNotContain("<img", "<b>one")
                .contains("&lt;img src=x&gt;")
                .doesNotContainPattern("(src|href)=\"(https?:)?//");
    }

    @Test
    void htmlEmbedsAPlainNetworkDiagramOnly() throws IOException {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><text>SQL → MI</text></svg>";
        String html = render(new HtmlReportRenderer().withNetworkDiagram(svg), SampleReport.notReady());
        assertThat(html).contains("<section id=\"network\">", svg);
        assertThat(render(new HtmlReportRenderer(), SampleReport.notReady())).doesNotContain("id=\"network\"");
        for (String bad : List.of("<svg><script>alert(1)</script></svg>", "<svg onload=\"x()\"></svg>",
                "<svg><image href=\"https://example.com/x.png\"/></svg>", "<div></div>")) {
            assertThatThrownBy(() -> new HtmlReportRenderer().withNetworkDiagram(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
