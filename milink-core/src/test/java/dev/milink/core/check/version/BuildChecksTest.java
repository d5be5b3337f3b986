// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.core.buildref.BuildReferences;
import dev.milink.core.buildref.LinkMinimum;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MIL-V1…V7 come from the bundled link minimums: one check per minimum, metadata taken from the data. */
class BuildChecksTest {

    @Test
    void everyBundledMinimumHasExactlyOneCheck() {
        for (LinkMinimum m : BuildReferences.bundled().minimums()) {
            List<String> guarding = BuildChecks.ALL.stream()
                    .filter(c -> c.guards().equals(new MinimumBuildCheck.Guards(m.major(), m.purpose()))
                            && c.metadata().directions().equals(m.directions()))
                    .map(c -> c.metadata().id()).toList();
            assertThat(guarding).as("checks for %s %s %s", m.major(), m.purpose(), m.directions()).hasSize(1);
        }
        assertThat(BuildChecks.ALL).hasSize(BuildReferences.bundled().minimums().size());
    }

    @Test
    void directionsAndDocsPageComeFromTheMinimum() {
        MinimumBuildCheck v3 = BuildChecks.byId("MIL-V3");
        assertThat(v3.guards().major()).isEqualTo(16);
        assertThat(v3.metadata().docsUrl())
                .isEqualTo("https://learn.microsoft.com/azure/azure-sql/managed-instance/managed-instance-link-preparation");
        assertThat(v3.metadata().directions()).containsExactly(dev.milink.core.model.Direction.MI_TO_SQL);
    }

    @Test
    void idsRunV1ToV7NewestReleaseFirst() {
        assertThat(BuildChecks.ALL).extracting(c -> c.metadata().id())
                .containsExactly("MIL-V1", "MIL-V2", "MIL-V3", "MIL-V4", "MIL-V5", "MIL-V6", "MIL-V7");
        assertThatThrownBy(() -> BuildChecks.byId("MIL-V8")).hasMessageContaining("MIL-V8");
    }
}
