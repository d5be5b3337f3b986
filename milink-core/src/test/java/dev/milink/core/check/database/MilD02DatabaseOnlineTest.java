// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import static dev.milink.core.check.database.DbFixture.assertManualFix;
import static dev.milink.core.check.database.DbFixture.run;
import static dev.milink.core.check.database.DbFixture.scripts;
import static dev.milink.core.check.database.DbFixture.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MilD02DatabaseOnlineTest {

    private final DatabaseOnlineCheck check = new DatabaseOnlineCheck();

    @Test
    void offlineFailsWithSetOnlineNeverApplied() {
        Finding f = run(check, d -> set(d, "state", "OFFLINE"));
        assertManualFix(f, "'Sales' is OFFLINE", "ALTER DATABASE [Sales] SET ONLINE;");
        assertThat(f.evidence().observed()).isEqualTo("OFFLINE");
    }

    @Test
    void restoringOnlySuggestsRecoveryInAComment() {
        Finding f = run(check, d -> set(d, "state", "RESTORING"));
        String sql = scripts(f, ScriptKind.TSQL);
        assertThat(sql).contains("destination_database_name = N'Sales'")
                .contains("-- RESTORE DATABASE [Sales] WITH RECOVERY;")
                .doesNotContainPattern("(?m)^RESTORE DATABASE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUSPECT", "RECOVERY_PENDING", "EMERGENCY", "RECOVERING"})
    void otherStatesGetInvestigation(String state) {
        Finding f = run(check, d -> set(d, "state", state));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains(state);
        assertThat(scripts(f, ScriptKind.TSQL)).contains("xp_readerrorlog").doesNotContain("SET ONLINE");
    }
}
