// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Area;
import dev.milink.core.check.Check;
import dev.milink.core.check.Scope;
import dev.milink.core.check.Status;
import dev.milink.core.model.Direction;
import dev.milink.core.testing.CheckIds;
import dev.milink.core.testing.TestFacts;
import org.junit.jupiter.api.Test;

/** The catalog list MIL-V1…V11 and what every version check shares. */
class VersionChecksTest {

    @Test
    void listsV1ToV11Once() {
        assertThat(CheckIds.of(VersionChecks.ALL))
                .containsExactlyInAnyOrderElementsOf(CheckIds.numbered("MIL-V", 1, 11));
    }

    @Test
    void metadataIsCompleteAndSpecLinked() {
        for (Check c : VersionChecks.ALL) {
            var m = c.metadata();
            assertThat(m.area()).isEqualTo(Area.VERSION);
            assertThat(m.scope()).isEqualTo(Scope.INSTANCE);
            assertThat(m.since()).isEqualTo("0.1.0");
            assertThat(m.docsUrl()).startsWith("https://learn.microsoft.com/");
            assertThat(m.specRefs()).containsExactly(m.id().substring("MIL-".length()));
            assertThat(m.rationale()).isNotBlank();
            assertThat(m.aliases()).isEmpty();
        }
    }

    @Test
    void readyFactsNeverFailAVersionCheck() {
        var facts = TestFacts.ready().build();
        for (Check c : VersionChecks.ALL) {
            for (Direction d : Direction.values()) {
                if (c.metadata().appliesTo(d)) {
                    assertThat(VersionCheckRun.run(c, facts, d).status()).as("%s %s", c.metadata().id(), d)
                            .isIn(Status.PASS, Status.SKIPPED);
                }
            }
        }
    }
}
