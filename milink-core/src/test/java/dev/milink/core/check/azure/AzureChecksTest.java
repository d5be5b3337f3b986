// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.assess.Assessor;
import dev.milink.core.catalog.CheckCatalog;
import dev.milink.core.check.Check;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Part;
import dev.milink.core.check.Status;
import dev.milink.core.check.azure.support.AzureFixture;
import dev.milink.core.model.Facts;
import dev.milink.core.model.Input;
import dev.milink.core.testing.TestFacts;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AzureChecksTest {

    private static final Set<String> IDS = AzureChecks.ALL.stream().map(c -> c.metadata().id())
            .collect(Collectors.toSet());

    private static List<Finding> assess(Facts facts) {
        return Assessor.of(CheckCatalog.standard()).evaluate(facts, AzureFixture.CONTEXT,
                Assessor.DatabaseSelection.ALL_USER);
    }

    @Test
    void everyAzureCheckIsAFinalClassInTheCatalogReadingTheManagedInstance() {
        assertThat(IDS).hasSize(AzureChecks.ALL.size()).contains("MIL-M1", "MIL-M7", "MIL-RBAC", "MIL-N2",
                "MIL-N3", "MIL-N6", "MIL-I10");
        for (Check c : AzureChecks.ALL) {
            assertThat(Modifier.isFinal(c.getClass().getModifiers())).as(c.getClass().getName()).isTrue();
            assertThat(c.metadata().needs()).as(c.metadata().id()).contains(Part.MANAGED_INSTANCE);
            assertThat(c.metadata().since()).isEqualTo("0.2.0");
            assertThat(c.metadata().docsUrl()).startsWith("https://learn.microsoft.com/");
            assertThat(c.metadata().rationale()).hasSizeGreaterThan(150);
            assertThat(CheckCatalog.standard().find(c.metadata().id())).containsSame(c);
        }
    }

    @Test
    void withoutTheManagedInstanceEveryAzureCheckIsSkippedSayingHowToGiveIt() {
        List<Finding> azure = assess(TestFacts.ready().build()).stream().filter(f -> IDS.contains(f.checkId()))
                .toList();
        assertThat(azure).isNotEmpty().allSatisfy(f -> {
            assertThat(f.status()).isIn(Status.SKIPPED);
            assertThat(f.message()).isIn(Facts.NO_MANAGED_INSTANCE, "Does not apply to links in the SQL Server → "
                    + "MI direction.");
        });
    }

    @Test
    void checksOfTheSqlToMiDirectionAreSkippedFromTheManagedInstance() {
        List<Finding> findings = assess(TestFacts.linked().direction(dev.milink.core.model.Direction.MI_TO_SQL)
                .build());
        assertThat(findings).filteredOn(f -> List.of("MIL-M4", "MIL-M6").contains(f.checkId()))
                .hasSize(2).allSatisfy(f -> assertThat(f.status()).isEqualTo(Status.SKIPPED));
        assertThat(findings).filteredOn(f -> f.checkId().equals("MIL-M1")).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(Status.PASS));
    }

    @Test
    void anUnreadableManagedInstanceMakesThemUnknownWithTheReason() {
        List<Finding> azure = assess(TestFacts.ready().mi(Input.unreadable("--mi-facts mi.json: not JSON")).build())
                .stream().filter(f -> IDS.contains(f.checkId())).toList();
        assertThat(azure).filteredOn(f -> f.checkId().equals("MIL-M7")).singleElement()
                .satisfies(f -> {
                    assertThat(f.status()).isEqualTo(Status.UNKNOWN);
                    assertThat(f.message()).contains("not JSON");
                });
    }

    @Test
    void theReadyLinkHasNoBlockerUnknownOrErrorAcrossTheWholeCatalog() {
        List<Finding> findings = assess(TestFacts.linked().build());
        // MIL-D20 is always an UNKNOWN reminder at WARNING; no blocker may be unknown
        assertThat(findings).filteredOn(f -> f.status() == Status.FAIL || f.status() == Status.ERROR
                || (f.status() == Status.UNKNOWN && f.severity() == dev.milink.core.check.Severity.BLOCKER))
                .isEmpty();
        assertThat(findings).filteredOn(f -> f.checkId().equals("MIL-D10")).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(Status.PASS));
    }
}
