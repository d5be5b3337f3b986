// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import static dev.milink.core.check.database.DbFixture.onlyStep;
import static dev.milink.core.check.database.DbFixture.run;
import static dev.milink.core.check.database.DbFixture.scripts;
import static dev.milink.core.check.database.DbFixture.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.model.Fact;
import dev.milink.core.testing.TestFacts;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MIL-D17 Service Broker, MIL-D18 compatibility level, MIL-D19 contained databases. */
class MilD17to19SmallChecksTest {

    @Test
    void brokerEnabledPasses() {
        assertThat(run(new ServiceBrokerCheck(), d -> d).status()).isEqualTo(Status.PASS);
    }

    @Test
    void brokerDisabledWarnsWithANeverAppliedEnableBroker() {
        Finding f = run(new ServiceBrokerCheck(), d -> set(d, "brokerEnabled", false));
        assertThat(f.status()).isEqualTo(Status.INFO);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(onlyStep(f).appliable()).isFalse();
        assertThat(scripts(f, ScriptKind.TSQL)).contains("ALTER DATABASE [Sales] SET ENABLE_BROKER WITH NO_WAIT;",
                "NEW_BROKER");
    }

    @Test
    void compatibilityLevelIsReportedAsInformation() {
        Finding f = run(new CompatibilityLevelCheck(), d -> set(d, "compatibilityLevel", 130));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.evidence().observed()).isEqualTo("compatibility level 130");
    }

    private static Finding contained(Fact<Map<String, Long>> config) {
        return DbFixture.run(new ContainedDatabaseCheck(), TestFacts.ready().configurations(config)
                .database("Sales", d -> set(d, "containment", "PARTIAL")), "Sales", DbFixture.CONTEXT);
    }

    @Test
    void uncontainedDatabasePasses() {
        assertThat(run(new ContainedDatabaseCheck(), d -> d).status()).isEqualTo(Status.PASS);
    }

    @Test
    void containedDatabaseWithoutTheOptionWarnsWithAnInstanceStep() {
        Finding f = contained(Fact.of(Map.of("contained database authentication", 0L)));
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("PARTIAL", "off");
        FixStep step = onlyStep(f);
        assertThat(step.phase()).isEqualTo(FixStep.Phase.INSTANCE);
        assertThat(step.appliable()).isFalse();
        assertThat(scripts(f, ScriptKind.TSQL)).contains("sp_configure N'contained database authentication', 1;",
                "Security note");
    }

    @Test
    void containedDatabaseWithTheOptionPasses() {
        assertThat(contained(Fact.of(Map.of("contained database authentication", 1L))).status())
                .isEqualTo(Status.PASS);
    }

    @Test
    void containedDatabaseWithUnreadableConfigurationIsUnknown() {
        Finding f = contained(Fact.unknown("no VIEW SERVER STATE"));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.message()).contains("no VIEW SERVER STATE");
        assertThat(contained(Fact.of(Map.of())).status()).isEqualTo(Status.UNKNOWN);
    }
}
