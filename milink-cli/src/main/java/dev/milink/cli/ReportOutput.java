// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.error.CoreError;
import dev.milink.cli.auth.Credentials;
import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.error.MilinkException;
import dev.milink.report.RenderOptions;
import dev.milink.report.ReportRenderer;
import dev.milink.report.ReportRenderers;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Hands a report to the renderer the user chose and writes it to stdout or {@code --output-file}. */
final class ReportOutput {

    private ReportOutput() {
    }

    /** Fails early (before any connection) on an unknown format. */
    static ReportRenderer renderer(String format) {
        return ReportRenderers.byName(format);
    }

    static void write(AssessmentReport report, ReportRenderer renderer, Path file, boolean color, boolean showSkipped,
                      Invocation invocation) {
        write(report, renderer, file, color, showSkipped, invocation, "");
    }

    /** {@code preamble} (the fleet summary above a text report) goes first, to the same place. */
    static void write(AssessmentReport report, ReportRenderer renderer, Path file, boolean color, boolean showSkipped,
                      Invocation invocation, String preamble) {
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
