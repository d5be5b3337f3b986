// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.script.TSql;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * JUnit XML (the Ant/Surefire shape Jenkins, GitLab, Azure Pipelines and GitHub test reporters read): one
 * {@code <testsuite>} per instance, one {@code <testcase>} per check and target (name {@code MIL-D6 [Sales]: title},
 * classname the instance). The mapping makes a CI run red exactly when {@code milink check} exits non-zero with
 * the default {@code --fail-on blocker}:
 *
 * <table>
 *   <caption>Status to JUnit</caption>
 *   <tr><th>Status</th><th>JUnit</th></tr>
 *   <tr><td>PASS</td><td>passed</td></tr>
 *   <tr><td>WARN, INFO</td><td>passed, the message in {@code <system-out>} (they never change the verdict)</td></tr>
 *   <tr><td>FAIL</td><td>{@code <failure type="FAIL">} with evidence and fix</td></tr>
 *   <tr><td>ERROR</td><td>{@code <error type="ERROR">}: the check itself failed (exit 70)</td></tr>
 *   <tr><td>UNKNOWN, blocker</td><td>{@code <failure type="UNKNOWN">}: a blocker not checked makes the verdict
 *       INCOMPLETE (exit 5), so it must not look passed or ignorable</td></tr>
 *   <tr><td>UNKNOWN, warning or info</td><td>{@code <skipped>} with the reason (does not change the exit code)</td></tr>
 *   <tr><td>SKIPPED</td><td>{@code <skipped>} with the reason</td></tr>
 *   <tr><td>SUPPRESSED</td><td>{@code <skipped>} with the suppression reason and the status it had</td></tr>
 * </table>
 *
 * <p>Counts on each suite match its test cases; the root's are their sums. Text is XML-escaped and characters
 * XML 1.0 cannot carry become U+FFFD. Valid against the Jenkins xUnit plugin's {@code junit-10.xsd} (tested).
 *
 * @since 0.1
 */
public final class JUnitReportRenderer extends FormatRenderer {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    /** What one finding becomes. */
    enum Outcome { PASSED, FAILURE, ERROR, SKIPPED }

    static Outcome outcome(Finding f) {
        return switch (f.status()) {
            case PASS, WARN, INFO -> Outcome.PASSED;
            case FAIL -> Outcome.FAILURE;
            case ERROR -> Outcome.ERROR;
            case UNKNOWN -> f.severity() == Severity.BLOCKER ? Outcome.FAILURE : Outcome.SKIPPED;
            case SKIPPED, SUPPRESSED -> Outcome.SKIPPED;
        };
    }

    public JUnitReportRenderer() {
        super("junit", "xml", "JUnit XML for CI test reports: a test case per check and target");
    }

    @Override
    void write(AssessmentReport report, Writer out, RenderOptions options) throws IOException {
        ReadinessMatrix m = ReadinessMatrix.of(report);
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<!-- milink ").append(XmlText.text(report.toolVersion()).replace("--", "- -")).append(": ")
                .append(Labels.verdict(report.verdict())).append(" -->\n");
        b.append("<testsuites name=\"milink\" tests=\"").append(report.findings().size())
                .append("\" failures=\"").append(count(report.findings(), Outcome.FAILURE))
                .append("\" errors=\"").append(count(report.findings(), Outcome.ERROR)).append("\" time=\"0\">\n");
        for (String instance : m.instances()) {
            List<Finding> findings = m.findings(instance);
            b.append("  <testsuite name=\"").append(XmlText.attr(instance)).append("\" tests=\"")
                    .append(findings.size()).append("\" failures=\"").append(count(findings, Outcome.FAILURE))
                    .append("\" errors=\"").append(count(findings, Outcome.ERROR)).append("\" skipped=\"")
                    .append(count(findings, Outcome.SKIPPED)).append("\" time=\"0\"");
            if (report.createdAt() != null) {
                b.append(" timestamp=\"").append(TIMESTAMP.format(report.createdAt())).append('"');
            }
            b.append(">\n    <properties>\n");
            property(b, "verdict", Labels.verdict(m.verdict(instance)));
            property(b, "direction", report.direction() == null ? "" : report.direction().cliName());
            property(b, "milink.version", report.toolVersion());
            b.append("    </properties>\n");
            for (Finding f : findings) {
                testcase(f, b);
            }
            b.append("  </testsuite>\n");
        }
        b.append("</testsuites>\n");
        out.write(b.toString());
    }

    private static long count(List<Finding> findings, Outcome outcome) {
        return findings.stream().filter(f -> outcome(f) == outcome).count();
    }

    private static void property(StringBuilder b, String name, String value) {
        b.append("      <property name=\"").append(name).append("\" value=\"").append(XmlText.attr(value))
                .append("\"/>\n");
    }

    private static void testcase(Finding f, StringBuilder b) {
        String name = f.checkId() + (f.target().isDatabase() ? " " + TSql.quoteName(
                f.target().database()) : "") + (f.title() == null || f.title().isBlank() ? "" : ": " + f.title());
        b.append("    <testcase classname=\"").append(XmlText.attr(f.target().instance())).append("\" name=\"")
                .append(XmlText.attr(name)).append("\" time=\"0\"");
        Outcome outcome = outcome(f);
        if (outcome == Outcome.PASSED && f.status() == Status.PASS) {
            b.append("/>\n");
            return;
        }
        b.append(">\n");
        switch (outcome) {
            case PASSED -> b.append("      <system-out>").append(XmlText.text(f.status() + ": " + f.message()))
                    .append("</system-out>\n");
            case FAILURE, ERROR -> {
                String element = outcome == Outcome.ERROR ? "error" : "failure";
                b.append("      <").append(element).append(" type=\"").append(f.status()).append("\" message=\"")
                        .append(XmlText.attr(f.message())).append("\">").append(XmlText.text(details(f)))
                        .append("</").append(element).append(">\n");
            }
            case SKIPPED -> {
                String why = f.suppression() != null
                        ? "suppressed (was " + f.suppression().was() + "): " + f.suppression().reason()
                        : f.status() + ": " + f.message();
                b.append("      <skipped message=\"").append(XmlText.attr(why)).append("\"/>\n");
            }
        }
        b.append("    </testcase>\n");
    }

    /** The failure body: message, evidence, fix summary and steps, one per line. */
    private static String details(Finding f) {
        StringBuilder d = new StringBuilder(f.message());
        if (!f.evidence().observed().isBlank()) {
            d.append("\nseen: ").append(f.evidence().observed());
        }
        if (!f.evidence().expected().isBlank()) {
            d.append("\nneeded: ").append(f.evidence().expected());
        }
        if (!f.remediation().summary().isBlank()) {
            d.append("\nfix: ").append(f.remediation().summary());
        }
        int n = 0;
        for (FixStep step : f.remediation().steps()) {
            d.append("\nstep ").append(++n).append(" of ").append(f.remediation().steps().size()).append(": ")
                    .append(step.title()).append(" (").append(Labels.stepTags(step)).append(')');
        }
        return d.toString();
    }
}
