// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.assess.Assessor;
import dev.milink.core.buildref.BuildReferences;
import dev.milink.core.catalog.CheckCatalog;
import dev.milink.core.check.CheckContext;
import dev.milink.core.model.Direction;
import dev.milink.core.model.Fact;
import dev.milink.core.model.Facts;
import dev.milink.core.testing.TestFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the real catalog produces renders in every format and the JSON validates: the golden files use a fixed
 * hand-built report, this catches a real check whose finding the formats cannot carry.
 */
class CatalogRenderingTest {

    private static AssessmentReport assess(Direction direction) {
        Facts facts = TestFacts.ready()
                .hadr(Fact.of(false))
                .masterKey(Fact.unknown("VIEW DEFINITION on master.sys.symmetric_keys was denied"))
                .database("Sales", d -> TestFacts.withRecovery(d, "SIMPLE"))
                .addDatabase(TestFacts.readyDatabase(6, "O'Brien]Продажи"))
                .direction(direction)
                .build();
        CheckContext context = CheckContext.of(BuildReferences.bundled());
        return new AssessmentReport("0.1.0", TestFacts.NOW, direction, List.of(TestFacts.INSTANCE),
                Assessor.of(CheckCatalog.standard()).evaluate(facts, context, Assessor.DatabaseSelection.ALL_USER),
                List.of());
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void realFindingsRenderInEveryFormatAndValidate(Direction direction) throws IOException {
        AssessmentReport report = assess(direction);
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                Files.readString(Golden.moduleDir().resolve("..").resolve(JsonReportRenderer.SCHEMA_PATH)));
        for (ReportRenderer r : ReportRenderers.all()) {
            String out = Rendered.by(r, report, RenderOptions.defaults().withShowSkipped(true));
            assertThat(out).as(r.name()).isNotBlank().endsWith("\n");
            if (r.name().equals("json")) {
                JsonNode json = new ObjectMapper().readTree(out);
                assertThat(schema.validate(json)).as("schema violations").isEmpty();
                assertThat(json.at("/summary/total").asInt()).isEqualTo(report.findings().size());
            }
        }
    }
}
