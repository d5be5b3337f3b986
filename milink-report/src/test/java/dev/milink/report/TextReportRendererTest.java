// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.check.Area;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.check.Target;
import dev.milink.core.model.Direction;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextReportRendererTest {

    private static String render(AssessmentReport report, RenderOptions options) throws IOException {
        return Rendered.by(new TextReportRenderer(), report, options);
    }

    private static AssessmentReport report(Finding... findings) {
        return new AssessmentReport("0.1.0", SampleReport.CREATED, Direction.SQL_TO_MI, List.of("sql01"),
                List.of(findings), List.of());
    }

    private static Finding finding(Status status, Severity severity, Target target) {
        return new Finding("MIL-X1", "Example", Area.INSTANCE, status, severity, target, "Example message.",
                Evidence.NONE, Remediation.NONE);
    }

    private static String lastLine(String text) {
        String[] lines = text.split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void verdictIsTheLastLine() throws IOException {
        assertThat(lastLine(render(SampleReport.notReady(), RenderOptions.defaults())))
                .isEqualTo("NOT READY: 6 blockers, 4 warnings, 2 unknown across 1 instance and 5 databases");
        assertThat(lastLine(render(report(finding(Status.PASS, Severity.BLOCKER, Target.database("sql01", "A"))),
                RenderOptions.defaults()))).isEqualTo(
                "READY: 0 blockers, 0 warnings, 0 unknown across 1 instance and 1 database");
        assertThat(lastLine(render(report(finding(Status.UNKNOWN, Severity.BLOCKER, Target.instance("sql01"))),
                RenderOptions.defaults()))).isEqualTo("INCOMPLETE: 0 blockers, 0 warnings, 1 unknown across 1 instance");
    }

    @Test
    void emptyReportSaysSo() throws IOException {
        assertThat(render(report(), RenderOptions.defaults())).contains("No checks ran.")
                .endsWith("READY: 0 blockers, 0 warnings, 0 unknown across 1 instance\n");
    }

    @Test
    void noAnsiWithoutColour() throws IOException {
        assertThat(render(SampleReport.notReady(), RenderOptions.defaults())).doesNotContain("\u001b");
    }

    @Test
    void skippedAreCollapsedUnlessAsked() throws IOException {
        String collapsed = render(SampleReport.notReady(), RenderOptions.defaults());
        assertThat(collapsed).doesNotContain("not encrypted with TDE").contains("SKIP  2 skipped");
        String shown = render(SampleReport.notReady(), RenderOptions.defaults().withShowSkipped(true));
        assertThat(shown).contains("not encrypted with TDE").doesNotContain("skipped (--show-skipped");
    }

    @Test
    void controlCharactersInNamesCannotDriveTheTerminal() throws IOException {
        Finding evil = new Finding("MIL-X1", "Example", Area.DATABASE, Status.FAIL, Severity.BLOCKER,
                Target.database("sql01", "x\u001b[2J\rdb"), "Bad\u0007 name.", Evidence.of("a\u001bb", "c"),
                Remediation.NONE);
        String text = render(report(evil), RenderOptions.defaults().withColor(true));
        assertThat(text).doesNotContain("\u001b[2J").doesNotContain("\r").doesNotContain("\u0007")
                .contains("[x\\x1B[2J\\x0Ddb]");
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 100, 140})
    void linesFitTheWidthExceptUnbreakableWordsAndTheVerdict(int width) throws IOException {
        String text = render(SampleReport.notReady(), RenderOptions.defaults().withWidth(width).withShowSkipped(true));
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            if (TextPage.width(line) > width) {
                String longestWord = List.of(line.trim().split(" +")).stream()
                        .max((a, b) -> Integer.compare(a.length(), b.length())).orElseThrow();
                assertThat(TextPage.width(longestWord)).as("line %d too wide: %s", i, line)
                        .isGreaterThan(width / 3);
            }
        }
    }

    @Test
    void wideLettersTakeTwoColumns() {
        assertThat(TextPage.width("販売")).isEqualTo(4);
        assertThat(TextPage.width("Продажи")).isEqualTo(7);
        assertThat(TextPage.width("e\u0301")).isEqualTo(1);
    }

    @Test
    void repeatedWarningsShareABlockButFailuresStayOnePerDatabase() throws IOException {
        List<Finding> findings = new java.util.ArrayList<>();
        for (String db : List.of("A", "B", "C", "D")) {
            findings.add(finding(Status.WARN, Severity.WARNING, Target.database("sql01", db)));
            findings.add(finding(Status.FAIL, Severity.BLOCKER, Target.database("sql01", db)));
        }
        findings.add(finding(Status.UNKNOWN, Severity.WARNING, Target.database("sql01", "A")));
        findings.add(finding(Status.UNKNOWN, Severity.WARNING, Target.database("sql01", "B")));
        String text = render(report(findings.toArray(Finding[]::new)), RenderOptions.defaults());
        assertThat(text.lines().filter(l -> l.contains("WARN ") && l.contains("MIL-"))).singleElement()
                .satisfies(l -> assertThat(l).contains("4 databases", "[A], [B], [C], [D]"));
        assertThat(text).contains("e.g.:");
        assertThat(text.lines().filter(l -> l.contains("FAIL ") && l.contains("MIL-"))).hasSize(4);
        // two unknowns are below the grouping threshold: one line each
        assertThat(text.lines().filter(l -> l.contains("???? ") && l.contains("MIL-"))).hasSize(2);
    }
}
