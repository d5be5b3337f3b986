// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.milink.report.ReportRenderers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code milink report}: saved JSON reports rendered again and merged, black-box through {@code Main.run}. */
class ReportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Two offline runs, as two shards of a fleet would write them, and the same two targets in one run. */
    private Path[] shards() throws IOException {
        Path second = dir.resolve("sql03-facts.txt");
        Files.copy(CheckCommandTest.FACTS, second);
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        assertThat(Cli.run("check", "--facts", CheckCommandTest.FACTS.toString(), "-o", "json", "--output-file",
                a.toString()).exit()).isEqualTo(1);
        assertThat(Cli.run("check", "--facts", second.toString(), "-o", "json", "--output-file", b.toString()).exit())
                .isEqualTo(1);
        return new Path[] {a, b, second};
    }

    /** Without the time of the run: the assessment time and backup file names (to the second) differ per run. */
    private static String stable(String report) {
        return report.replaceAll("_\\d{14}\\.bak", "_TIME.bak")
                .replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC", "TIME");
    }

    @Test
    void mergedShardsHaveTheFindingsOfOneUnshardedRun() throws IOException {
        Path[] files = shards();
        Cli merged = Cli.run("report", files[0].toString(), files[1].toString(), "-o", "json");
        assertThat(merged.exit()).as(merged.toString()).isEqualTo(1);
        Cli whole = Cli.run("check", "--facts", CheckCommandTest.FACTS.toString(), "--facts", files[2].toString(),
                "-o", "json");
        JsonNode m = JSON.readTree(stable(merged.out()));
        JsonNode w = JSON.readTree(stable(whole.out()));
        assertThat(m.get("findings")).isEqualTo(w.get("findings"));
        assertThat(m.get("targets")).isEqualTo(w.get("targets"));
        assertThat(m.get("summary")).isEqualTo(w.get("summary"));
        assertThat(m.get("verdict")).isEqualTo(w.get("verdict"));
    }

    @Test
    void rendersASavedReportInEveryFormat() throws IOException {
        Path a = shards()[0];
        String text = Cli.run("check", "--facts", CheckCommandTest.FACTS.toString()).out();
        Cli again = Cli.run("report", a.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(stable(again.out())).isEqualTo(stable(text));
        for (String format : ReportRenderers.names()) {
            Cli r = Cli.run("report", a.toString(), "--output", format);
            assertThat(r.exit()).as(format + "\n" + r).isEqualTo(1);
            assertThat(r.out()).as(format).contains("MIL-I3");
            assertThat(r.err()).as(format).isEmpty();
        }
        Path html = dir.resolve("readiness.html");
        Cli r = Cli.run("report", a.toString(), "-o", "html", "--output-file", html.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("Report written to " + html);
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("Readiness matrix");
    }

    @Test
    void checkAcceptsEveryFormat() {
        for (String format : ReportRenderers.names()) {
            Cli r = Cli.run("check", "--facts", CheckCommandTest.FACTS.toString(), "-o", format);
            assertThat(r.exit()).as(format + "\n" + r).isEqualTo(1);
            assertThat(r.out()).as(format).contains("MIL-I3");
        }
        Cli bad = Cli.run("check", "--facts", CheckCommandTest.FACTS.toString(), "-o", "pdf");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).startsWith("Error [USAGE]: Unknown output format 'pdf'. Valid formats: text, json, "
                + "markdown, html, csv, junit, sarif.");
    }

    @Test
    void badInputIsOneLineAndExit2() throws IOException {
        Path notJson = dir.resolve("facts.json");
        Files.writeString(notJson, "this is not json", StandardCharsets.UTF_8);
        Cli r = Cli.run("report", notJson.toString()).expectExit(2);
        assertThat(r.err()).startsWith("Error [REPORT_FILE_INVALID]: Report " + notJson + " not valid JSON")
                .doesNotContain("\tat ", "Exception");
        assertThat(r.out()).isEmpty();

        Path a = shards()[0];
        ObjectNode v2 = (ObjectNode) JSON.readTree(a.toFile());
        v2.put("schemaVersion", "2.0");
        Path future = dir.resolve("future.json");
        Files.writeString(future, v2.toString(), StandardCharsets.UTF_8);
        r = Cli.run("report", a.toString(), future.toString(), "-o", "json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error [REPORT_FILE_INVALID]: Report " + future
                + " has schemaVersion '2.0'; this milink reads 1.x reports only.");
        assertThat(JSON.readTree(r.out()).get("error").get("code").asText()).isEqualTo("REPORT_FILE_INVALID");

        assertThat(Cli.run("report").exit()).isEqualTo(2);
        assertThat(Cli.run("report", dir.resolve("missing.json").toString()).err())
                .startsWith("Error [REPORT_FILE_INVALID]: Report ").contains("missing.json no such file.");
    }

    @Test
    void helpListsTheCommandAndTheFormats() {
        assertThat(Cli.run("--help").out()).contains("report");
        Cli r = Cli.run("report", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: milink report", "FILE...", "markdown, html,", "csv, junit or sarif");
    }
}
