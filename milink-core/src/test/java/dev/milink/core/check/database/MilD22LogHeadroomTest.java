// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import static dev.milink.core.check.database.DbFixture.onlyStep;
import static dev.milink.core.check.database.DbFixture.run;
import static dev.milink.core.check.database.DbFixture.scripts;
import static dev.milink.core.check.database.DbFixture.set;
import static dev.milink.core.check.database.DbFixture.unreadable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Status;
import dev.milink.core.model.DatabaseFacts.Backups;
import dev.milink.core.model.Fact;
import dev.milink.core.testing.TestFacts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MilD22LogHeadroomTest {

    private final LogHeadroomCheck check = new LogHeadroomCheck();

    private Finding usedPercent(double used) {
        return run(check, d -> set(d, "logSpaceUsedPercent", Fact.of(used)));
    }

    @Test
    void headroomAndRecentLogBackupPassButStillWarnAboutSeeding() {
        Finding f = run(check, d -> d);
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.message()).contains("Pause log backups while the link seeds", "12381", "1408/1412");
        assertThat(f.evidence().observed()).isEqualTo("log 12.5 % used; newest log backup: 2026-05-31T23:50:00Z");
    }

    @Test
    void justBelowTheThresholdPasses() {
        assertThat(usedPercent(79.9).status()).isEqualTo(Status.PASS);
    }

    @Test
    void atTheThresholdWarns() {
        Finding f = usedPercent(80.0);
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("80.0 % used", "replication stops at 100 %");
    }

    @Test
    void noLogBackupWarnsAndTheLogBackupStepIsNeverApplied() {
        Finding f = DbFixture.run(check, TestFacts.ready().database("Sales", d -> set(d, "backups",
                Fact.of(new Backups(TestFacts.NOW.minusSeconds(60), true, null, null)))), "Sales",
                DbFixture.WITH_DIR);
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("no log backup");
        assertThat(onlyStep(f).appliable()).isFalse();
        assertThat(scripts(f, ScriptKind.TSQL)).contains("BACKUP LOG [Sales]",
                "N'D:\\Backup\\Sales_20260601000000.trn'", "log_reuse_wait_desc", "NO log backup while the link seeds");
    }

    @Test
    void logBackupOlderThanADayWarns() {
        Finding f = run(check, d -> set(d, "backups", Fact.of(new Backups(TestFacts.NOW, true, null,
                TestFacts.NOW.minus(Duration.ofHours(25))))));
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("more than a day old");
    }

    @Test
    void simpleRecoveryNeedsNoLogBackups() {
        Finding f = run(check, d -> set(set(d, "recoveryModel", "SIMPLE"), "backups", Fact.of(Backups.NONE)));
        assertThat(f.status()).isEqualTo(Status.PASS);
    }

    @Test
    void unreadableLogSpaceOrHistoryIsUnknown() {
        unreadable(check, "logSpaceUsedPercent", "offline");
        unreadable(check, "backups", "msdb denied");
    }
}
