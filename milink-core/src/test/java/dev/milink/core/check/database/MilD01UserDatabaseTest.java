// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import static dev.milink.core.check.database.DbFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.Status;
import dev.milink.core.testing.TestFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MilD01UserDatabaseTest {

    private final UserDatabaseCheck check = new UserDatabaseCheck();

    @Test
    void userDatabasePasses() {
        Finding f = run(check, d -> d);
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.evidence().observed()).isEqualTo("database_id 5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"master", "tempdb", "model", "msdb"})
    void namedSystemDatabaseFails(String name) {
        Finding f = DbFixture.run(check, TestFacts.ready(), name, DbFixture.CONTEXT);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.isBlocking()).isTrue();
        assertThat(f.message()).contains("'" + name + "'", "system database");
        assertThat(f.remediation().summary()).contains("logins", "Agent jobs");
        assertThat(f.remediation().steps()).isEmpty();
    }
}
