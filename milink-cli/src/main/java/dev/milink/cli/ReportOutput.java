// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.error.CoreError;
import dev.milink.cli.auth.Credentials;
import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.error.MilinkException;
import dev.milink.engine.Assessment;
import dev.milink.report.RenderOptions;
import dev.milink.report.ReportRenderer;
import dev.milink.report.ReportRenderers;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a report goes and in which format, as the user chose ({@code --output}, {@code --output-file},
 * {@code --no-color}, command line over config file): hands the report to that renderer and writes it to stdout or
 * the file. The shared tail of {@code check}, {@code demo} and {@code report}.
 */
record ReportOutput(String format, ReportRenderer renderer, Path file, boolean color, boolean showSkipped,
                    Invocation invocation) {

    /**
     * The output {@code options} ask for, else the config file's, else text to stdout, skipped checks listed as
     * {@code skipped} says. Fails early (before any connection) on an unknown format; with JSON, errors are JSON too.
     */
    static ReportOutput chosen(OutputOptions options, ShowSkippedOption skipped, MilinkConfig cfg,
                               Invocation invocation) {
        String format = AssessmentOptions.first(options.format, cfg.output(), "text");
        invocation.json(format.equalsIgnoreCase("json"));
        Path file = AssessmentOptions.first(options.file, cfg.outputFile(), null);
        return new ReportOutput(format, ReportRenderers.byName(format), file,
                !options.noColor && file == null && colorTerminal(invocation.env()), skipped.on, invocation);
    }

    /**
     * Colour only for a terminal, never into a file, and never when the user said no: {@code --no-color} or the
     * {@code NO_COLOR} convention (https://no-color.org, any non-empty value).
     */
    private static boolean colorTerminal(Environment env) {
        return env.stdoutIsTerminal() && env.get("NO_COLOR").isEmpty();
    }

    boolean text() {
        return format.equalsIgnoreCase("text");
    }

    /** Whether the report goes to a file (stdout then stays free for other text). */
    boolean toFile() {
        return file != null;
    }

    /** Writes the assessment's report and returns its exit code, with the stderr lines {@link Outcomes} adds. */
    int write(Assessment result, String preamble) {
        write(result.report(), preamble);
        return Outcomes.exitCode(result, invocation);
    }

    /** {@code preamble} (the fleet summary above a text report) goes first, to the same place. */
    void write(AssessmentReport report, String preamble) {
        RenderOptions options = RenderOptions.defaults().withColor(color).withShowSkipped(showSkipped);
        if (file == null) {
            try {
                invocation.out().print(preamble);
                renderer.render(report, invocation.out(), options);
            } catch (IOException e) {
                throw new MilinkException(CoreError.INTERNAL, "Cannot write the report to stdout.", e);
            } finally {
                invocation.out().flush();
            }
            return;
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(preamble);
            renderer.render(report, w, options.withColor(false));
        } catch (IOException e) {
            throw new MilinkException(CoreError.USAGE, "Cannot write the report to " + file + ": "
                    + Credentials.describe(e) + ".", e);
        }
        invocation.err().println("Report written to " + file + " (" + report.verdict() + ").");
        invocation.err().flush();
    }
}
