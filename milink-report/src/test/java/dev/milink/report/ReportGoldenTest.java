// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.assess.AssessmentReport;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Renders {@link SampleReport} in every registered format and compares with the golden files (tier b).
 * See {@link Golden} for how to rewrite them.
 */
class ReportGoldenTest {

    private static String render(String format, AssessmentReport report, RenderOptions options) throws IOException {
        return Rendered.by(ReportRenderers.byName(format), report, options);
    }

    /**
     * Every format for both samples, except the one-instance HTML page: it is the fleet page cut down to that
     * instance ({@link HtmlGoldenTest} shows so), and a second 200-line copy of the page would only repeat it.
     */
    @Test
    void everyRegisteredFormatHasAGoldenFile() throws IOException {
        for (ReportRenderer r : ReportRenderers.all()) {
            if (!(r instanceof HtmlReportRenderer)) {
                Golden.assertMatches("not-ready." + r.fileExtension(), render(golden(r), SampleReport.notReady()));
            }
            Golden.assertMatches("fleet." + r.fileExtension(), goldenForm(r, render(golden(r), SampleReport.fleet())));
        }
    }

    /** The golden form of an output: HTML without its inlined stylesheet and script (see {@link HtmlGoldenTest}). */
    private static String goldenForm(ReportRenderer r, String output) {
        return r instanceof HtmlReportRenderer ? HtmlGoldenTest.withAssetMarkers(output) : output;
    }

    /** SARIF rules come from check metadata: the golden files use fixed metadata, not the changing catalog. */
    private static ReportRenderer golden(ReportRenderer r) {
        return r instanceof SarifReportRenderer ? new SarifReportRenderer(SampleReport::metadata) : r;
    }

    private static String render(ReportRenderer r, AssessmentReport report) {
        return Rendered.by(r, report);
    }

    @Test
    void textWithColour() throws IOException {
        String text = render("text", SampleReport.notReady(), RenderOptions.defaults().withColor(true));
        Golden.assertMatches("not-ready-color.txt", text);
        assertThat(text).contains("\u001b[1m\u001b[31mFAIL\u001b[0m");
    }

    @Test
    void textNarrowWithSkippedShown() throws IOException {
        Golden.assertMatches("not-ready-narrow-skipped.txt", render("text", SampleReport.notReady(),
                RenderOptions.defaults().withWidth(60).withShowSkipped(true)));
    }
}
