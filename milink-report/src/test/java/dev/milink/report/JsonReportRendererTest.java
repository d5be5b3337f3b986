// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.check.Area;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.model.Direction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON report validates against the published schema, and the schema's enums match the Java ones. */
class JsonReportRendererTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonNode schemaNode;
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        Path file = Golden.moduleDir().resolve("..").resolve(JsonReportRenderer.SCHEMA_PATH).normalize();
        schemaNode = MAPPER.readTree(Files.readString(file));
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);
    }

    private static JsonNode render(AssessmentReport report) throws IOException {
        return MAPPER.readTree(Rendered.by(new JsonReportRenderer(), report));
    }

    @Test
    void sampleReportValidates() throws IOException {
        Set<ValidationMessage> errors = schema.validate(render(SampleReport.notReady()));
        assertThat(errors).isEmpty();
    }

    @Test
    void emptyReportValidates() throws IOException {
        AssessmentReport empty = new AssessmentReport("0.1.0", SampleReport.CREATED, Direction.MI_TO_SQL,
                List.of(), List.of(), List.of());
        JsonNode json = render(empty);
        assertThat(schema.validate(json)).isEmpty();
        assertThat(json.get("verdict").asText()).isEqualTo("READY");
        assertThat(json.get("direction").asText()).isEqualTo("mi-to-sql");
    }

    @Test
    void validatorRejectsADocumentThatBreaksTheSchema() throws IOException {
        ObjectNode json = (ObjectNode) render(SampleReport.notReady());
        json.remove("verdict");
        json.put("unexpected", true);
        assertThat(schema.validate(json)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void fieldsComeInTheDocumentedOrder() throws IOException {
        JsonNode json = render(SampleReport.notReady());
        List<String> top = new ArrayList<>();
        json.fieldNames().forEachRemaining(top::add);
        List<String> documented = new ArrayList<>();
        schemaNode.get("properties").fieldNames().forEachRemaining(documented::add);
        assertThat(top).containsExactlyElementsOf(documented);

        List<String> finding = new ArrayList<>();
        json.get("findings").get(0).fieldNames().forEachRemaining(finding::add);
        List<String> documentedFinding = new ArrayList<>();
        schemaNode.at("/$defs/finding/properties").fieldNames().forEachRemaining(documentedFinding::add);
        assertThat(finding).containsExactlyElementsOf(documentedFinding);
    }

    @Test
    void namesAndScriptsSurviveVerbatim() throws IOException {
        JsonNode json = render(SampleReport.notReady());
        List<String> databases = new ArrayList<>();
        json.get("findings").forEach(f -> {
            if (!f.at("/target/database").isNull()) {
                databases.add(f.at("/target/database").asText());
            }
        });
        assertThat(databases).contains("Sales]Q1", "O'Brien's Ledger", "Продажи", "販売データ");
        assertThat(json.toString()).contains("N'O''Brien''s Ledger'").contains("BACKUP DATABASE [Sales]]Q1]\\n");
    }

    @Test
    void schemaEnumsMatchTheJavaEnums() {
        assertThat(enumOf("/$defs/finding/properties/status/enum")).containsExactlyElementsOf(names(Status.values()));
        assertThat(enumOf("/$defs/finding/properties/severity/enum"))
                .containsExactlyElementsOf(names(Severity.values()));
        assertThat(enumOf("/$defs/finding/properties/area/enum")).containsExactlyElementsOf(names(Area.values()));
        assertThat(enumOf("/$defs/step/properties/phase/enum"))
                .containsExactlyElementsOf(names(FixStep.Phase.values()));
        assertThat(enumOf("/$defs/step/properties/scripts/items/properties/kind/enum"))
                .containsExactlyElementsOf(names(ScriptKind.values()));
        assertThat(enumOf("/properties/direction/enum"))
                .containsExactlyElementsOf(Arrays.stream(Direction.values()).map(Direction::cliName).toList());
        assertThat(schemaNode.at("/properties/schemaVersion/const").asText())
                .isEqualTo(JsonReportRenderer.SCHEMA_VERSION);
    }

    private static List<String> enumOf(String pointer) {
        List<String> values = new ArrayList<>();
        schemaNode.at(pointer).forEach(v -> {
            if (!v.isNull()) {
                values.add(v.asText());
            }
        });
        return values;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
