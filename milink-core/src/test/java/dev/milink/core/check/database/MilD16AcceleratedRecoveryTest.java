// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import static dev.milink.core.check.database.DbFixture.onlyStep;
import static dev.milink.core.check.database.DbFixture.scripts;
import static dev.milink.core.check.database.DbFixture.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Status;
import dev.milink.core.model.Fact;
import dev.milink.core.testing.TestFacts;
import org.junit.jupiter.api.Test;

class MilD16AcceleratedRecoveryTest {

    private final AcceleratedRecoveryCheck check = new AcceleratedRecoveryCheck();

    private Finding run(TestFacts t) {
        return DbFixture.run(check, t, "Sales", DbFixture.CONTEXT);
    }

    @Test
    void adrOnWithPvsInPrimaryPasses() {
        Finding f = run(TestFacts.ready().database("Sales", d -> set(set(d, "acceleratedRecovery", Fact.of(true)),
                "pvsFilegroupId", Fact.of(1))));
        assertThat(f.status()).isEqualTo(Status.PASS);
    }

    @Test
    void adrOffIsANoteAndTheStepIsNeverApplied() {
        Finding f = run(TestFacts.ready());
        assertThat(f.status()).isEqualTo(Status.INFO);
        assertThat(f.message()).contains("off", "cannot be enabled on the managed instance");
        assertThat(onlyStep(f).appliable()).isFalse();
        assertThat(scripts(f, ScriptKind.TSQL))
                .contains("ALTER DATABASE [Sales] SET ACCELERATED_DATABASE_RECOVERY = ON;");
    }

    @Test
    void pvsOutsidePrimaryWarns() {
        Finding f = run(TestFacts.ready().database("Sales", d -> set(set(d, "acceleratedRecovery", Fact.of(true)),
                "pvsFilegroupId", Fact.of(3))));
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("filegroup id 3");
        assertThat(scripts(f, ScriptKind.TSQL)).contains("PERSISTENT_VERSION_STORE_FILEGROUP = [PRIMARY]");
    }

    @Test
    void skippedBefore2019WithTheReason() {
        Finding f = run(TestFacts.ready().version("14.0.3490.10", "Enterprise Edition (64-bit)", 3)
                .database("Sales", d -> set(d, "acceleratedRecovery", Fact.unknown("column does not exist"))));
        assertThat(f.status()).isEqualTo(Status.SKIPPED);
        assertThat(f.message()).contains("SQL Server 2019", "14.0.3490.10");
    }

    @Test
    void unknownVersionOrSettingIsUnknown() {
        assertThat(run(TestFacts.ready().product(Fact.unknown("denied"))).status()).isEqualTo(Status.UNKNOWN);
        assertThat(run(TestFacts.ready().database("Sales", d -> set(d, "acceleratedRecovery",
                Fact.unknown("offline")))).status()).isEqualTo(Status.UNKNOWN);
        assertThat(run(TestFacts.ready().database("Sales", d -> set(set(d, "acceleratedRecovery", Fact.of(true)),
                "pvsFilegroupId", Fact.unknown("offline")))).status()).isEqualTo(Status.UNKNOWN);
    }
}
