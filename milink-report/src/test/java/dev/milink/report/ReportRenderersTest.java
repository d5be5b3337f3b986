// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import dev.milink.core.error.CoreError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.core.error.MilinkException;
import org.junit.jupiter.api.Test;

class ReportRenderersTest {

    @Test
    void findsRenderersByName() {
        assertThat(ReportRenderers.byName("text")).isInstanceOf(TextReportRenderer.class);
        assertThat(ReportRenderers.byName(" JSON ")).isInstanceOf(JsonReportRenderer.class);
        assertThat(ReportRenderers.names()).containsExactly("text", "json", "markdown", "html", "csv", "junit", "sarif");
    }

    @Test
    void unknownNameIsAUsageErrorListingTheValidOnes() {
        assertThatThrownBy(() -> ReportRenderers.byName("xml"))
                .isInstanceOf(MilinkException.class)
                .hasMessage("Unknown output format 'xml'. Valid formats: text, json, markdown, html, csv, junit, sarif.")
                .satisfies(e -> assertThat(((MilinkException) e).code()).isEqualTo(CoreError.USAGE));
    }

    @Test
    void everyRendererDescribesItself() {
        for (ReportRenderer r : ReportRenderers.all()) {
            assertThat(r.name()).matches("[a-z]+");
            assertThat(r.description()).isNotBlank();
            assertThat(r.fileExtension()).matches("[a-z]+");
        }
    }
}
