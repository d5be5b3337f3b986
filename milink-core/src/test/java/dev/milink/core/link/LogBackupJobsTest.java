// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.link.BackupSelection.Match;
import dev.milink.core.link.LogBackupJobs.JobStep;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogBackupJobsTest {

    private static JobStep tsql(String command) {
        return new JobStep("6F9619FF-8B86-D011-B42D-00C04FC964FF", "Log backups", true, 1, "backup", "TSQL",
                "master", command);
    }

    private static LogBackupJob only(JobStep step) {
        List<LogBackupJob> found = LogBackupJobs.find(List.of(step));
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    /** Log backup steps and what each says about some databases. */
    static Stream<Arguments> coverage() {
        return Stream.of(
                Arguments.of("Ola Hallengren, USER_DATABASES", "EXECUTE [dbo].[DatabaseBackup] @Databases = "
                        + "'USER_DATABASES', @Directory = N'C:\\Backup', @BackupType = 'LOG', @Verify = 'Y'",
                        Map.of("Sales", Match.YES, "msdb", Match.NO)),
                Arguments.of("Ola Hallengren, exclusions, wildcards and brackets", "EXECUTE dbo.DatabaseBackup "
                        + "@Databases = N'ALL_DATABASES, -Staging%, -[Odd,Name]', @BackupType = N'LOG'",
                        Map.of("Sales", Match.YES, "master", Match.YES, "Staging_2026", Match.NO, "Odd,Name", Match.NO)),
                Arguments.of("Ola Hallengren, a named list with a quote in a name",
                        "EXECUTE dbo.DatabaseBackup @Databases = 'Sales, O''Brien', @BackupType = 'LOG'",
                        Map.of("O'Brien", Match.YES, "sales", Match.YES, "Inventory", Match.NO)),
                Arguments.of("plain BACKUP LOG statements name their databases",
                        "BACKUP LOG [Sales]]Q1] TO DISK = N'x.trn';\nBACKUP LOG Inventory TO DISK = 'y'",
                        Map.of("Sales]Q1", Match.YES, "Inventory", Match.YES, "Other", Match.NO)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void coverage(String what, String command, Map<String, Match> expected) {
        LogBackupJob job = only(tsql(command));
        expected.forEach((database, match) -> assertThat(job.covers(database)).as(database).isEqualTo(match));
    }

    @Test
    void olaUserDatabasesDescribesItself() {
        assertThat(only(tsql("EXECUTE dbo.DatabaseBackup @Databases = 'USER_DATABASES', @BackupType = 'LOG'"))
                .databases().describe()).isEqualTo("USER_DATABASES");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "EXECUTE dbo.DatabaseBackup @Databases = 'USER_DATABASES', @BackupType = 'FULL'",
            "-- BACKUP LOG [Sales] TO DISK = 'x'\n/* BACKUP LOG x */ SELECT 1"})
    void fullAndCommentedOutBackupsAreNoLogBackups(String command) {
        assertThat(LogBackupJobs.find(List.of(tsql(command)))).isEmpty();
    }

    @Test
    void olaThroughSqlcmdInACmdExecStep() {
        JobStep step = new JobStep("id-1", "DatabaseBackup - USER_DATABASES - LOG", true, 1, "run", "CmdExec", null,
                "sqlcmd -E -S $(ESCAPE_SQUOTE(SRVR)) -d master -Q \"EXECUTE [dbo].[DatabaseBackup] "
                        + "@Databases = 'USER_DATABASES', @BackupType = 'LOG'\" -b");
        assertThat(only(step).covers("Sales")).isEqualTo(Match.YES);
    }

    @Test
    void variableOrForeachIsMaybeOrAll() {
        assertThat(only(tsql("DECLARE @db sysname = N'Sales'; BACKUP LOG @db TO DISK = 'x'")).covers("Sales"))
                .isEqualTo(Match.MAYBE);
        assertThat(only(tsql("EXEC sp_MSforeachdb 'BACKUP LOG [?] TO DISK = ''x'''")).covers("Sales"))
                .isEqualTo(Match.YES);
    }

    @Test
    void maintenancePlanIsMaybe() {
        JobStep step = new JobStep("id-2", "MaintenancePlan.Subplan_1", true, 1, "Subplan_1", "SSIS", null,
                "/Server \"$(ESCAPE_NONE(SRVR))\" /SQL \"Maintenance Plans\\MaintenancePlan\" /set ...");
        assertThat(only(step).covers("Sales")).isEqualTo(Match.MAYBE);
    }

    @Test
    void affectingKeepsOnlyJobsTouchingTheDatabases() {
        List<LogBackupJob> jobs = LogBackupJobs.find(List.of(tsql("BACKUP LOG [Inventory] TO DISK = 'x'"),
                tsql("BACKUP LOG [Sales] TO DISK = 'x'")));
        assertThat(LogBackupJobs.affecting(jobs, List.of("Sales"))).extracting(j -> j.databases().describe())
                .containsExactly("Sales");
    }
}
