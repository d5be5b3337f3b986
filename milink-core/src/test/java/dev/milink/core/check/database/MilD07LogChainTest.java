// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import static dev.milink.core.check.database.DbFixture.onlyStep;
import static dev.milink.core.check.database.DbFixture.run;
import static dev.milink.core.check.database.DbFixture.runNamed;
import static dev.milink.core.check.database.DbFixture.scripts;
import static dev.milink.core.check.database.DbFixture.set;
import static dev.milink.core.check.database.DbFixture.unreadable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.DatabaseFacts.Backups;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ServerFacts.HostInfo;
import dev.milink.core.testing.TestFacts;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

class MilD07LogChainTest {

    private static final Instant FULL = Instant.parse("2026-05-31T23:00:00Z");
    private static final Instant COPY = Instant.parse("2026-05-30T12:00:00Z");

    private final LogChainCheck check = new LogChainCheck();

    private static UnaryOperator<DatabaseFacts> history(Backups b, boolean chainStarted) {
        return d -> set(set(d, "backups", Fact.of(b)), "logChainStarted", Fact.of(chainStarted));
    }

    @Test
    void chainStartedByAFullBackupPasses() {
        Finding f = run(check, d -> d);
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.message()).contains("started by a full backup finished at 2026-05-31T23:00:00Z")
                .doesNotContain("without CHECKSUM");
        assertThat(f.evidence().observed()).contains("log chain started: yes", "newest COPY_ONLY full: none");
    }

    @Test
    void passWithoutChecksumSaysSo() {
        Finding f = run(check, history(new Backups(FULL, false, null, null), true));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.message()).contains("taken without CHECKSUM");
    }

    @Test
    void copyOnlyOnlyHistoryFailsWithError1475() {
        Finding f = run(check, history(new Backups(null, false, COPY, null), false));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.isBlocking()).isTrue();
        assertThat(f.message()).contains("only COPY_ONLY full backups", COPY.toString(),
                "does not start the log chain", "behaves as SIMPLE", "1475");
        assertThat(f.evidence().observed()).contains("newest full (not COPY_ONLY): none",
                "newest COPY_ONLY full: " + COPY);
    }

    @Test
    void fullWithoutAnyBackupBehavesAsSimple() {
        Finding f = run(check, history(Backups.NONE, false));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("set to FULL but has no full backup", "behaves as SIMPLE");
    }

    @Test
    void fullBackupBeforeTheSwitchToFullDoesNotCount() {
        Finding f = run(check, history(new Backups(FULL, true, null, null), false));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("is not started", "predates the switch to FULL", "behaves as SIMPLE");
    }

    @Test
    void chainStartedButNoFullInMsdbIsAWarningWithTheBackupStep() {
        Finding f = run(check, history(new Backups(null, false, COPY, null), true));
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("msdb holds no full backup without COPY_ONLY");
        assertThat(scripts(f, ScriptKind.TSQL)).contains("BACKUP DATABASE [Sales]");
    }

    @Test
    void simpleRecoveryFailsAndOrdersTheBackupAfterTheRecoveryModelStep() {
        Finding f = run(check, d -> set(d, "recoveryModel", "SIMPLE"));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("SIMPLE recovery model", "MIL-D6");
        assertThat(onlyStep(f).order()).isGreaterThan(Steps.ORDER_RECOVERY_MODEL);
    }

    @Test
    void unreadableChainStateIsUnknown() {
        Finding f = run(check, d -> set(set(d, "state", "OFFLINE"), "logChainStarted",
                Fact.unknown("database is not accessible")));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.message()).contains("log chain state", "database is not accessible", "OFFLINE", "MIL-D2");
    }

    @Test
    void startedChainWithUnreadableHistoryIsUnknownNotPass() {
        unreadable(check, "backups", "no SELECT permission on msdb.dbo.backupset", "backup history",
                "msdb.dbo.backupset");
    }

    @Test
    void notStartedChainFailsEvenWithUnreadableHistory() {
        Finding f = run(check, d -> set(set(d, "backups", Fact.unknown("denied")), "logChainStarted",
                Fact.of(false)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.evidence().observed()).contains("backup history unreadable");
    }

    @Test
    void withoutBackupDirTheStepUsesTheSqlcmdVariableAndIsNotAppliable() {
        Finding f = run(check, history(Backups.NONE, false));
        FixStep step = onlyStep(f);
        assertThat(step.appliable()).isFalse();
        assertThat(f.remediation().summary()).contains("--backup-dir", "MILINK_BACKUP_DIR");
        assertThat(step.script(ScriptKind.TSQL).orElseThrow().text())
                .contains("TO DISK = N'$(MILINK_BACKUP_DIR)\\Sales_20260601000000.bak'")
                .contains("WITH CHECKSUM, COMPRESSION, STATS = 10;");
    }

    @Test
    void withBackupDirTheStepIsAppliableAndNeverCopyOnlyInitOrFormat() {
        Finding f = DbFixture.run(check, TestFacts.ready().database("Sales", history(Backups.NONE, false)), "Sales",
                DbFixture.WITH_DIR);
        FixStep step = onlyStep(f);
        assertThat(step.appliable()).isTrue();
        assertThat(step.id()).isEqualTo("MIL-D7/[Sales]/full-backup");
        String sql = step.script(ScriptKind.TSQL).orElseThrow().text();
        assertThat(sql).contains("BACKUP DATABASE [Sales]\n    TO DISK = N'D:\\Backup\\Sales_20260601000000.bak'");
        String statement = sql.substring(sql.indexOf("BACKUP DATABASE"));
        assertThat(statement).doesNotContain("COPY_ONLY", "INIT", "FORMAT");
    }

    @Test
    void simpleDatabaseInAnAvailabilityGroupNeverGetsAnAppliedBackup() {
        Finding f = DbFixture.run(check, TestFacts.ready().database("Sales",
                d -> set(set(d, "recoveryModel", "SIMPLE"), "mirrored", Fact.unknown("denied"))), "Sales",
                DbFixture.WITH_DIR);
        assertThat(onlyStep(f).appliable()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"4, Express Edition (64-bit), false", "2, Web Edition (64-bit), false",
                "2, Standard Edition (64-bit), true", "3, Developer Edition (64-bit), true"})
    void compressionOnlyWhereTheEditionHasIt(int engineEdition, String edition, boolean compressed) {
        Finding f = DbFixture.run(check, TestFacts.ready().version("16.0.4135.4", edition, engineEdition)
                .database("Sales", history(Backups.NONE, false)), "Sales", DbFixture.CONTEXT);
        assertThat(scripts(f, ScriptKind.TSQL).contains("COMPRESSION")).isEqualTo(compressed);
        assertThat(scripts(f, ScriptKind.TSQL)).contains("WITH CHECKSUM");
    }

    @Test
    void unreadableEditionGetsNoCompression() {
        Finding f = DbFixture.run(check, TestFacts.ready().product(Fact.unknown("denied"))
                .database("Sales", history(Backups.NONE, false)), "Sales", DbFixture.CONTEXT);
        assertThat(scripts(f, ScriptKind.TSQL)).doesNotContain("COMPRESSION");
    }

    @Test
    void linuxHostsGetForwardSlashes() {
        Finding f = DbFixture.run(check, TestFacts.ready()
                .host(Fact.of(new HostInfo("Linux", "Ubuntu", "22.04", null)))
                .database("Sales", history(Backups.NONE, false)), "Sales",
                DbFixture.CONTEXT.withBackupPath("/var/opt/mssql/backup/"));
        assertThat(scripts(f, ScriptKind.TSQL)).contains("N'/var/opt/mssql/backup/Sales_20260601000000.bak'");
    }

    static final String[][] NAMES = {
        {"O'Brien]DB", "BACKUP DATABASE [O'Brien]]DB]", "N'D:\\Backup\\O_Brien_DB_20260601000000.bak'"},
        {"Sales Q1 2024", "BACKUP DATABASE [Sales Q1 2024]", "N'D:\\Backup\\Sales_Q1_2024_20260601000000.bak'"},
        {"Ведомости", "BACKUP DATABASE [Ведомости]", "N'D:\\Backup\\Ведомости_20260601000000.bak'"},
        {"販売", "BACKUP DATABASE [販売]", "N'D:\\Backup\\販売_20260601000000.bak'"},
        {"a]]b'c d", "BACKUP DATABASE [a]]]]b'c d]", "N'D:\\Backup\\a_b_c_d_20260601000000.bak'"},
        {"..\\..\\evil:*?", "BACKUP DATABASE [..\\..\\evil:*?]",
            "N'D:\\Backup\\evil_20260601000000.bak'"},
    };

    @ParameterizedTest
    @FieldSource("NAMES")
    void everyNameIsQuotedAndGetsASafeFileName(String name, String statement, String file) {
        Finding f = runNamed(check, name, history(Backups.NONE, false), DbFixture.WITH_DIR);
        assertThat(scripts(f, ScriptKind.TSQL)).contains(statement).contains("TO DISK = " + file);
    }
}
