// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Status;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SARIF output is valid against the published SARIF 2.1.0 schema (OASIS, errata01, in test resources) and keeps
 * checks that could not run out of the results.
 */
class SarifReportRendererTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = SarifReportRendererTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            JsonNode node = JSON.readTree(in);
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(node, config);
        }
    }

    private static JsonNode render(AssessmentReport report, SarifReportRenderer renderer) throws IOException {
        return JSON.readTree(Rendered.by(renderer, report));
    }

    @Test
    void validAgainstThePublishedSchema() throws IOException {
        for (AssessmentReport report : List.of(SampleReport.notReady(), SampleReport.fleet())) {
            assertThat(schema.validate(render(report, new SarifReportRenderer(SampleReport::metadata)))).isEmpty();
            // With the real catalog too: its rationale and docs URLs must make valid descriptors.
            assertThat(schema.validate(render(report, new SarifReportRenderer()))).isEmpty();
        }
    }

    @Test
    void theSchemaCatchesAnInvalidLog() throws IOException {
        JsonNode sarif = render(SampleReport.fleet(), new SarifReportRenderer());
        ((com.fasterxml.jackson.databind.node.ObjectNode) sarif.get("runs").get(0).get("results").get(0))
                .put("level", "fatal");
        assertThat(schema.validate(sarif)).isNotEmpty();
    }

    @Test
    void problemsAreResultsAndChecksThatCouldNotRunAreNotifications() throws IOException {
        AssessmentReport report = SampleReport.fleet();
        JsonNode run = render(report, new SarifReportRenderer(SampleReport::metadata)).get("runs").get(0);
        List<String> levels = new ArrayList<>();
        run.get("results").forEach(r -> levels.add(r.get("level").asText()));
        long notMet = report.findings().stream().filter(f -> f.status().isNotMet()).count();
        assertThat(run.get("results")).hasSize((int) notMet + report.summary().suppressed());
        assertThat(levels).containsOnly("error", "warning", "note")
                .filteredOn("error"::equals).hasSize(report.summary().fail());
        assertThat(levels.stream().filter("note"::equals).count()).isEqualTo(report.summary().info());

        JsonNode invocation = run.get("invocations").get(0);
        assertThat(invocation.get("executionSuccessful").asBoolean()).isFalse();
        List<JsonNode> fromChecks = new ArrayList<>();
        invocation.get("toolExecutionNotifications").forEach(n -> {
            if (n.has("associatedRule")) {
                fromChecks.add(n);
            }
        });
        assertThat(fromChecks).hasSize(report.summary().unknown() + report.summary().error());
        assertThat(fromChecks).anySatisfy(n -> {
            assertThat(n.get("level").asText()).isEqualTo("error");
            assertThat(n.get("associatedRule").get("id").asText()).isEqualTo("MIL-I3");
            assertThat(n.get("message").get("text").asText()).startsWith("MIL-I3 on sql02.contoso.local failed: ");
        });
        for (JsonNode r : run.get("results")) {
            assertThat(r.get("properties").get("status").asText()).isNotIn("UNKNOWN", "ERROR", "PASS", "SKIPPED");
        }
        JsonNode suppressed = null;
        for (JsonNode r : run.get("results")) {
            if (r.has("suppressions")) {
                suppressed = r;
            }
        }
        assertThat(suppressed).isNotNull();
        assertThat(suppressed.get("level").asText()).isEqualTo("warning");
        assertThat(suppressed.get("suppressions").get(0).get("kind").asText()).isEqualTo("external");
        assertThat(suppressed.get("suppressions").get(0).get("justification").asText()).startsWith("Storage uses");
    }

    @Test
    void rulesComeFromTheCheckMetadata() throws IOException {
        JsonNode rules = render(SampleReport.fleet(), new SarifReportRenderer(SampleReport::metadata))
                .get("runs").get(0).get("tool").get("driver").get("rules");
        long checks = SampleReport.fleet().findings().stream().map(Finding::checkId).distinct().count();
        assertThat(rules).hasSize((int) checks);
        JsonNode i2 = null;
        for (JsonNode r : rules) {
            if (r.get("id").asText().equals("MIL-I2")) {
                i2 = r;
            }
        }
        assertThat(i2).isNotNull();
        assertThat(i2.get("helpUri").asText()).startsWith("https://learn.microsoft.com/");
        assertThat(i2.get("fullDescription").get("text").asText()).contains("database master key");
        assertThat(i2.get("properties").get("docsPage").asText()).isEqualTo("docs/checks/MIL-I2.md");
        assertThat(i2.get("defaultConfiguration").get("level").asText()).isEqualTo("error");
        assertThat(SampleReport.fleet().findings()).anyMatch(f -> f.status() == Status.SUPPRESSED);
    }
}
