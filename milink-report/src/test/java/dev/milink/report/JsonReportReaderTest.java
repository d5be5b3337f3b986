// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.check.Status;
import dev.milink.core.error.MilinkException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved JSON reports read back into the same report, old minor versions included, bad input refused cleanly. */
class JsonReportReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String render(ReportRenderer r, AssessmentReport report) {
        return Rendered.by(r, report);
    }

    private Path save(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void aReportReadBackRendersTheSameInEveryFormat() throws IOException {
        for (AssessmentReport report : List.of(SampleReport.notReady(), SampleReport.fleet())) {
            AssessmentReport back = JsonReportReader.read(save("r.json", render(new JsonReportRenderer(), report)));
            assertThat(back).isEqualTo(report);
            for (ReportRenderer r : ReportRenderers.all()) {
                assertThat(render(r, back)).as(r.name()).isEqualTo(render(r, report));
            }
        }
    }

    @Test
    void readsSchema10WhereNotesWereWarnAtInfoSeverity() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(render(new JsonReportRenderer(), SampleReport.notReady()));
        root.put("schemaVersion", "1.0");
        ObjectNode summary = (ObjectNode) root.get("summary");
        summary.remove(List.of("info", "error", "suppressed"));
        ArrayNode findings = (ArrayNode) root.get("findings");
        findings.forEach(f -> ((ObjectNode) f).remove("suppression"));
        ObjectNode note = (ObjectNode) findings.get(5);
        note.put("status", "WARN").put("severity", "INFO");
        AssessmentReport back = JsonReportReader.read(save("old.json", root.toString()));
        assertThat(back.findings().get(5).status()).isEqualTo(Status.INFO);
        assertThat(back.findings()).hasSize(SampleReport.notReady().findings().size());
    }

    @Test
    void refusesOtherMajorVersions() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(render(new JsonReportRenderer(), SampleReport.notReady()));
        root.put("schemaVersion", "2.0");
        Path file = save("new.json", root.toString());
        assertThatThrownBy(() -> JsonReportReader.read(file)).isInstanceOf(MilinkException.class)
                .hasMessage("Report " + file + " has schemaVersion '2.0'; this milink reads 1.x reports only.")
                .satisfies(e -> assertThat(((MilinkException) e).code()).isEqualTo(ReportError.REPORT_FILE_INVALID));
    }

    @Test
    void refusesBadInputNamingTheProblem() throws IOException {
        assertThatThrownBy(() -> JsonReportReader.read(save("a.json", "{\"schemaVersion\": \"1.1\", \"findings\": "
                + "[{\"checkId\": \"MIL-X\", \"severity\": \"BLOCKER\", \"target\": {\"instance\": \"s\"}, "
                + "\"message\": \"m\"}]}")))
                .hasMessageEndingWith("a.json findings[0].status is missing.");
        assertThatThrownBy(() -> JsonReportReader.read(save("b.json", "{\"schemaVersion\": \"1.1\", \"findings\": "
                + "[{\"checkId\": \"MIL-X\", \"status\": \"MAYBE\", \"severity\": \"BLOCKER\", \"target\": "
                + "{\"instance\": \"s\"}, \"message\": \"m\"}]}")))
                .hasMessageContaining("b.json findings[0].status 'MAYBE' is not one of [PASS, FAIL");
        assertThatThrownBy(() -> JsonReportReader.read(save("c.json", "{\"schemaVersion\": \"1.1\", \"findings\": "
                + "[{\"checkId\": \"MIL-X\", \"status\": \"SUPPRESSED\", \"severity\": \"BLOCKER\", \"target\": "
                + "{\"instance\": \"s\"}, \"message\": \"m\", \"suppression\": {\"was\": \"FAIL\", \"reason\": \" \"}}]}")))
                .hasMessageEndingWith("c.json findings[0]: a suppression needs a reason.");
        assertThatThrownBy(() -> JsonReportReader.read(save("d.json", "{\"schemaVersion\": "))).isInstanceOf(
                MilinkException.class).hasMessageContaining("d.json not valid JSON");
        assertThatThrownBy(() -> JsonReportReader.read(save("e.json", "[1, 2]")))
                .hasMessageEndingWith("e.json is not a JSON object (is it a milink report?).");
        assertThatThrownBy(() -> JsonReportReader.read(dir.resolve("missing.json")))
                .hasMessageEndingWith("missing.json no such file.");
    }

    @Test
    void refusesFilesOverTheSizeCap() throws IOException {
        Path file = save("big.json", render(new JsonReportRenderer(), SampleReport.notReady()));
        assertThatThrownBy(() -> JsonReportReader.read(file, 1000)).isInstanceOf(MilinkException.class)
                .hasMessageContaining("more than the 1000 a report may have");
        assertThat(JsonReportReader.read(file, Files.size(file)).findings()).isNotEmpty();
    }

    @Test
    void mergingShardsGivesTheUnshardedReport() {
        AssessmentReport fleet = SampleReport.fleet();
        AssessmentReport first = new AssessmentReport("0.0.9", Instant.parse("2026-11-26T09:00:00Z"), fleet.direction(),
                List.of(SampleReport.INSTANCE), fleet.findings().stream()
                .filter(f -> f.target().instance().equals(SampleReport.INSTANCE)).toList(), fleet.notes().subList(0, 2));
        AssessmentReport second = new AssessmentReport("0.1.0", fleet.createdAt(), fleet.direction(),
                List.of(SampleReport.SECOND), fleet.findings().stream()
                .filter(f -> f.target().instance().equals(SampleReport.SECOND)).toList(), fleet.notes());
        AssessmentReport merged = JsonReportReader.merge(List.of(first, second));
        assertThat(merged).isEqualTo(fleet);
        assertThat(merged.summary()).isEqualTo(fleet.summary());
    }
}
