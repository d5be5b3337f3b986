// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import static dev.milink.core.check.database.DbFixture.run;
import static dev.milink.core.check.database.DbFixture.scripts;
import static dev.milink.core.check.database.DbFixture.set;
import static dev.milink.core.check.database.DbFixture.unreadable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.model.DatabaseFacts.Replication;
import dev.milink.core.model.Fact;
import org.junit.jupiter.api.Test;

/** MIL-D20 unsupported features (reminder), MIL-D21 replication, CDC and log shipping (advisory). */
class MilD20to21AdvisoryTest {

    @Test
    void unsupportedFeaturesSaysWhatMilinkDoesNotAssess() {
        Finding f = run(new UnsupportedFeaturesCheck(), d -> d);
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("MIL-D11", "migration assessment");
        assertThat(scripts(f, ScriptKind.MANUAL)).contains("Azure Migrate", "az datamigration get-assessment",
                "deprecated");
        assertThat(UnsupportedFeaturesCheck.META.rationale()).contains("does not look at schema or code");
    }

    @Test
    void noReplicationPasses() {
        assertThat(run(new ReplicationAdvisoryCheck(), d -> d).status()).isEqualTo(Status.PASS);
    }

    @Test
    void publisherCdcAndLogShippingAreListed() {
        Finding f = run(new ReplicationAdvisoryCheck(), d -> set(set(d, "replication",
                new Replication(true, false, false, false, true)), "logShippingPrimary", Fact.of(true)));
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("publisher", "CDC", "log-shipping primary", "pause during seeding");
        assertThat(f.evidence().observed()).isEqualTo("publisher, CDC, log-shipping primary");
    }

    @Test
    void unreadableLogShippingWithoutOtherUseIsUnknown() {
        unreadable(new ReplicationAdvisoryCheck(), "logShippingPrimary", "msdb denied", "msdb denied");
    }
}
