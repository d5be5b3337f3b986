// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import static dev.milink.core.check.database.DbFixture.onlyStep;
import static dev.milink.core.check.database.DbFixture.scripts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.testing.TestFacts;
import org.junit.jupiter.api.Test;

class MilD10NameFreeOnManagedInstanceTest {

    private final NameFreeOnManagedInstanceCheck check = new NameFreeOnManagedInstanceCheck();

    @Test
    void alwaysAnUnknownReminderWithTheQueryForTheManagedInstance() {
        Finding f = DbFixture.run(check, TestFacts.ready().miFqdn(TestFacts.MI_FQDN)
                .addDatabase(TestFacts.readyDatabase(6, "O'Brien]DB")), "O'Brien]DB", DbFixture.CONTEXT);
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains(TestFacts.MI_FQDN, "RemoteDatabaseExists");
        assertThat(onlyStep(f).appliable()).isFalse();
        assertThat(scripts(f, ScriptKind.MANUAL)).contains("WHERE name = N'O''Brien]DB';");
    }

    @Test
    void neverPasses() {
        assertThat(DbFixture.run(check, d -> d).status()).isNotEqualTo(Status.PASS);
    }
}
