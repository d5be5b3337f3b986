// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.assess.AssessmentReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * How the HTML golden file is kept: {@code fleet.html} holds {@code <style>/* report.css *&#47;</style>} and
 * {@code <script>/* report.js *&#47;</script>} where the page inlines those files, so the golden page does not repeat
 * them (a change to the stylesheet is reviewed in {@code report.css}, once). This class checks what the markers leave
 * out: that the page really carries both files inline, whole, and loads nothing; and that the one-instance page,
 * which has no golden file of its own, is the fleet page cut down to that instance.
 */
class HtmlGoldenTest {

    private static final String CSS = resource("html/report.css");
    private static final String JS = resource("html/report.js");

    /** {@code html} with the inlined {@code report.css} and {@code report.js} replaced by a marker naming each. */
    static String withAssetMarkers(String html) {
        return replaceOnce(replaceOnce(html, "<style>\n" + CSS + "</style>", "<style>/* report.css */</style>"),
                "<script>\n" + JS + "</script>", "<script>/* report.js */</script>");
    }

    @Test
    void thePageInlinesTheWholeStylesheetAndScriptAndLoadsNothing() throws IOException {
        String html = render(SampleReport.fleet());
        assertThat(html).contains("<style>\n" + CSS + "</style>\n", "<script>\n" + JS + "</script>\n")
                .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        + "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">")
                .doesNotContainPattern("<link\\b|<script\\s+src|<(img|iframe|object|embed)\\b|@import|url\\(")
                .doesNotContainPattern("(src|href)\\s*=\\s*[\"']?(https?:)?//");
        // The markers stand for exactly those two blocks: nothing else is styled or scripted.
        String marked = withAssetMarkers(html);
        assertThat(count(marked, "<style")).isEqualTo(1);
        assertThat(count(marked, "<script")).isEqualTo(1);
        assertThat(CSS).isNotBlank().doesNotContain("</style");
        assertThat(JS).isNotBlank().doesNotContain("</script");
    }

    @Test
    void theOneInstancePageIsTheFleetPageCutDownToThatInstance() throws IOException {
        List<String> fleet = render(SampleReport.fleet()).lines().toList();
        List<String> one = render(SampleReport.notReady()).lines().toList();
        // Every line of the one-instance page stands in the fleet page, in the same order, but the totals.
        int at = 0;
        for (String line : one) {
            int found = fleet.subList(at, fleet.size()).indexOf(line);
            if (found >= 0) {
                at += found + 1;
            } else {
                assertThat(line).as("a line only the one-instance page has").matches("<title>.*|<p id=\"verdict\".*"
                        + "|<li (class=\"s-[A-Z]+\" )?data-count=.*|<div class=\"controls\">.*");
            }
        }
        assertThat(one).contains("<title>milink: NOT READY · 1 instance</title>",
                "<p id=\"verdict\" class=\"verdict v-NOT_READY\">NOT READY: 6 blockers, 4 warnings, 2 unknown across"
                        + " 1 instance and 5 databases</p>",
                "<li data-count=\"TOTAL\">findings <b>24</b></li>")
                .noneMatch(l -> l.contains("sql02.contoso.local"));
        assertThat(one.stream().filter(l -> l.startsWith("<tr data-instance=")).count()).isEqualTo(1);
    }

    private static String render(AssessmentReport report) {
        return Rendered.by(new HtmlReportRenderer(), report);
    }

    private static String replaceOnce(String text, String what, String by) {
        int at = text.indexOf(what);
        assertThat(at).as("the page holds the block once: %s", by).isNotNegative();
        assertThat(text.indexOf(what, at + 1)).as("the page holds the block only once: %s", by).isNegative();
        return text.substring(0, at) + by + text.substring(at + what.length());
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReportRenderer.class.getResourceAsStream(name)) {
            assertThat(in).as("resource %s beside HtmlReportRenderer", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
