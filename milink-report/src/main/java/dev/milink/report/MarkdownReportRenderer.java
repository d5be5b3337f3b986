// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.assess.Summary;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Script;
import dev.milink.core.check.Status;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A report to paste into a ticket or a pull request (GitHub-flavoured Markdown): the verdict, the counts per
 * status, the readiness matrix (checks × instances, so a handful of instances stays readable), then per instance
 * every finding that needs a reader (FAIL, ERROR, UNKNOWN, WARN, INFO, SUPPRESSED) with evidence and fix steps,
 * the scripts folded in {@code <details>}; passes and skips are listed folded too, so every count has its rows.
 *
 * <p>Names and messages are escaped ({@code * _ [ ] < > | `} and friends), so a database called {@code [x](y)}
 * or {@code <img>} stays text; scripts go in fences longer than any backtick run inside them.
 *
 * @since 0.1
 */
public final class MarkdownReportRenderer extends FormatRenderer {

    /** Statuses listed with details, in this order within an instance. */
    private static final List<Status> ATTENTION = List.of(Status.FAIL, Status.ERROR, Status.UNKNOWN, Status.WARN,
            Status.INFO, Status.SUPPRESSED);

    public MarkdownReportRenderer() {
        super("markdown", "md", "Markdown to paste into a ticket: verdict, counts, matrix, findings with fixes");
    }

    @Override
    void write(AssessmentReport report, Writer out, RenderOptions options) throws IOException {
        StringBuilder b = new StringBuilder();
        ReadinessMatrix matrix = ReadinessMatrix.of(report);
        b.append("# milink: Managed Instance link readiness\n\n");
        b.append("**").append(Labels.verdict(report.verdict())).append(":** ")
                .append(text(ReportCounts.of(report).sentence())).append("\n\n");
        b.append(text(Labels.about(report))).append("\n\n");
        counts(report.summary(), b);
        if (!matrix.checks().isEmpty()) {
            matrix(matrix, b);
        }
        for (String instance : matrix.instances()) {
            instance(instance, matrix, b);
        }
        if (!report.notes().isEmpty()) {
            b.append("## Notes\n\n");
            report.notes().forEach(n -> b.append("- ").append(text(n)).append('\n'));
            b.append('\n');
        }
        b.append("_Status: FAIL = blocker not met; WARN = recommendation not met; INFO = note; UNKNOWN = could not "
                + "be read (never a pass); ERROR = the check itself failed; SUPPRESSED = accepted in the config "
                + "file, with the reason shown; SKIPPED = does not apply._\n");
        out.write(b.toString());
    }

    private static void counts(Summary s, StringBuilder b) {
        StringBuilder head = new StringBuilder("|");
        StringBuilder rule = new StringBuilder("|");
        StringBuilder row = new StringBuilder("|");
        for (Status st : ReportCounts.TABLE_ORDER) {
            head.append(' ').append(st.name()).append(" |");
            rule.append("---:|");
            row.append(' ').append(s.count(st)).append(" |");
        }
        b.append(head).append(" Total |\n").append(rule).append("---:|\n").append(row).append(' ')
                .append(s.total()).append(" |\n\n");
    }

    private static void matrix(ReadinessMatrix m, StringBuilder b) {
        b.append("## Readiness matrix\n\n| Check |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String instance : m.instances()) {
            b.append(' ').append(cell(instance)).append(" |");
            rule.append("---|");
        }
        b.append('\n').append(rule).append('\n');
        b.append("| **Verdict** |");
        m.instances().forEach(i -> b.append(" **").append(Labels.verdict(m.verdict(i))).append("** |"));
        b.append('\n');
        for (ReadinessMatrix.Column c : m.checks()) {
            b.append("| `").append(c.id()).append("` ").append(cell(c.title())).append(" |");
            for (String instance : m.instances()) {
                b.append(' ').append(m.cell(instance, c.id()).map(ReadinessMatrix.Cell::label).orElse("–"))
                        .append(" |");
            }
            b.append('\n');
        }
        b.append('\n');
    }

    private static void instance(String instance, ReadinessMatrix m, StringBuilder b) {
        List<Finding> findings = m.findings(instance);
        b.append("## ").append(text(instance)).append(": ").append(Labels.verdict(m.verdict(instance)))
                .append("\n\n");
        boolean any = false;
        for (Status st : ATTENTION) {
            for (Finding f : findings) {
                if (f.status() == st) {
                    finding(f, b);
                    any = true;
                }
            }
        }
        if (!any) {
            b.append("Nothing to act on.\n\n");
        }
        List<Finding> rest = findings.stream().filter(f -> f.status() == Status.PASS || f.status() == Status.SKIPPED)
                .toList();
        if (!rest.isEmpty()) {
            long passed = rest.stream().filter(f -> f.status() == Status.PASS).count();
            b.append("<details><summary>Passed (").append(passed).append(") and skipped (")
                    .append(rest.size() - passed).append(")</summary>\n\n");
            b.append("| Status | Check | Target | Message |\n|---|---|---|---|\n");
            for (Finding f : rest) {
                b.append("| ").append(f.status().name()).append(" | `").append(f.checkId()).append("` | ")
                        .append(cell(Labels.target(f))).append(" | ").append(cell(f.message())).append(" |\n");
            }
            b.append("\n</details>\n\n");
        }
    }

    private static void finding(Finding f, StringBuilder b) {
        b.append("**").append(f.status().name()).append("** · `").append(f.checkId()).append("` · ")
                .append(text(Labels.target(f)));
        if (f.title() != null && !f.title().isBlank()) {
            b.append(" · ").append(text(f.title()));
        }
        b.append("  \n").append(text(f.message())).append("\n\n");
        if (f.suppression() != null) {
            b.append("- suppressed (was ").append(f.suppression().was().name()).append("): ")
                    .append(text(f.suppression().reason())).append('\n');
        }
        Evidence e = f.evidence();
        if (!e.observed().isBlank()) {
            b.append("- seen: ").append(text(e.observed())).append('\n');
        }
        if (!e.expected().isBlank()) {
            b.append("- needed: ").append(text(e.expected())).append('\n');
        }
        Remediation r = f.remediation();
        if (r != null && !r.summary().isBlank()) {
            b.append("- fix: ").append(text(r.summary())).append('\n');
        }
        boolean listed = f.suppression() != null || !e.observed().isBlank() || !e.expected().isBlank()
                || r != null && !r.summary().isBlank();
        if (listed) {
            b.append('\n');
        }
        if (r != null) {
            int n = 0;
            for (FixStep step : r.steps()) {
                n++;
                b.append("<details><summary>Step ").append(n).append(" of ").append(r.steps().size()).append(": ")
                        .append(html(step.title())).append(" (").append(html(Labels.stepTags(step)))
                        .append(")</summary>\n\n");
                for (Script script : step.scripts()) {
                    fence(script, b);
                }
                b.append("</details>\n\n");
            }
        }
    }

    private static void fence(Script script, StringBuilder b) {
        int longest = 0;
        int run = 0;
        for (char c : script.text().toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        String extension = script.kind().fileExtension();
        String language = switch (extension) { // the fence's language as GitHub names it, from the script file's
            case "ps1" -> "powershell";
            case "txt" -> "text";
            default -> extension;
        };
        String text = script.text().endsWith("\n") ? script.text() : script.text() + "\n";
        b.append(script.kind().label()).append(":\n\n").append(fence).append(language).append('\n').append(text)
                .append(fence).append("\n\n");
    }

    /**
     * Inline text: Markdown and HTML specials escaped, line breaks kept as Markdown hard breaks, and a line that
     * would start a list, quote or heading ({@code - + = 1.}) escaped at its start.
     */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        String[] lines = s.split("\\r?\\n", -1);
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                all.append("  \n");
            }
            String line = escape(lines[i]);
            if (line.matches("^\\s*([-+=]|\\d+[.)]).*")) {
                int at = line.length() - line.stripLeading().length();
                int digits = at;
                while (digits < line.length() && Character.isDigit(line.charAt(digits))) {
                    digits++;
                }
                at = digits > at ? digits : at;
                line = line.substring(0, at) + "\\" + line.substring(at);
            }
            all.append(line);
        }
        return all.toString();
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\', '`', '*', '_', '[', ']', '{', '}', '#', '|', '~', '!' -> b.append('\\').appendCodePoint(cp);
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        b.append(' ');
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.toString();
    }

    /** A table cell: as {@link #text} but on one line. */
    private static String cell(String s) {
        return text(s == null ? "" : s.replaceAll("\\s*\\R\\s*", " "));
    }

    /** Text inside an HTML element ({@code <summary>}), where Markdown does not apply. */
    private static String html(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
