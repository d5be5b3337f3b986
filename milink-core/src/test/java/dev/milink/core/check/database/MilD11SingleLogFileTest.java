// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import static dev.milink.core.check.database.DbFixture.onlyStep;
import static dev.milink.core.check.database.DbFixture.run;
import static dev.milink.core.check.database.DbFixture.runNamed;
import static dev.milink.core.check.database.DbFixture.scripts;
import static dev.milink.core.check.database.DbFixture.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Status;
import dev.milink.core.model.DatabaseFacts.Files;
import dev.milink.core.model.Fact;
import org.junit.jupiter.api.Test;

class MilD11SingleLogFileTest {

    private final SingleLogFileCheck check = new SingleLogFileCheck();

    @Test
    void twoLogFilesFailWithAManualNeverAppliedProcedure() {
        Finding f = runNamed(check, "Ведомости", d -> set(d, "files", Fact.of(new Files(1, 2, 0, 1024, 512))),
                DbFixture.CONTEXT);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("'Ведомости' has 2 log files");
        assertThat(f.evidence().observed()).isEqualTo("2 log file(s)");
        assertThat(onlyStep(f).appliable()).isFalse();
        String sql = scripts(f, ScriptKind.TSQL);
        assertThat(sql).contains("DB_ID(N'Ведомости')", "EMPTYFILE")
                .doesNotContainPattern("(?m)^ALTER DATABASE").doesNotContainPattern("(?m)^DBCC");
    }

    @Test
    void offlineDatabaseIsUnknownAndPointsAtD2() {
        Finding f = run(check, d -> set(set(d, "state", "OFFLINE"), "files", Fact.unknown("database offline")));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.message()).contains("file list", "MIL-D2");
    }
}
