// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.link.BackupSelection.Match;
import dev.milink.core.link.LogBackupJobs.JobStep;
import java.util.List;
import org.junit.jupiter.api.Test;

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

    @Test
    void olaUserDatabasesCoversUserDatabasesNotSystemOnes() {
        LogBackupJob job = only(tsql("EXECUTE [dbo].[DatabaseBackup] @Databases = 'USER_DATABASES', "
                + "@Directory = N'C:\\Backup', @BackupType = 'LOG', @Verify = 'Y'"));
        assertThat(job.covers("Sales")).isEqualTo(Match.YES);
        assertThat(job.covers("msdb")).isEqualTo(Match.NO);
        assertThat(job.databases().describe()).isEqualTo("USER_DATABASES");
    }

    @Test
    void olaExclusionsAndWildcardsAndBrackets() {
        LogBackupJob job = only(tsql("EXECUTE dbo.DatabaseBackup @Databases = N'ALL_DATABASES, -Staging%, -[Odd,Name]',"
                + " @BackupType = N'LOG'"));
        assertThat(job.covers("Sales")).isEqualTo(Match.YES);
        assertThat(job.covers("master")).isEqualTo(Match.YES);
        assertThat(job.covers("Staging_2026")).isEqualTo(Match.NO);
        assertThat(job.covers("Odd,Name")).isEqualTo(Match.NO);
    }

    @Test
    void olaNamedListAndQuoteInName() {
        LogBackupJob job = only(tsql("EXECUTE dbo.DatabaseBackup @Databases = 'Sales, O''Brien', @BackupType = 'LOG'"));
        assertThat(job.covers("O'Brien")).isEqualTo(Match.YES);
        assertThat(job.covers("sales")).isEqualTo(Match.YES);
        assertThat(job.covers("Inventory")).isEqualTo(Match.NO);
    }

    @Test
    void olaFullBackupIsNotALogBackup() {
        assertThat(LogBackupJobs.find(List.of(tsql(
                "EXECUTE dbo.DatabaseBackup @Databases = 'USER_DATABASES', @BackupType = 'FULL'")))).isEmpty();
    }

    @Test
    void olaThroughSqlcmdInACmdExecStep() {
        JobStep step = new JobStep("id-1", "DatabaseBackup - USER_DATABASES - LOG", true, 1, "run", "CmdExec", null,
                "sqlcmd -E -S $(ESCAPE_SQUOTE(SRVR)) -d master -Q \"EXECUTE [dbo].[DatabaseBackup] "
                        + "@Databases = 'USER_DATABASES', @BackupType = 'LOG'\" -b");
        assertThat(only(step).covers("Sales")).isEqualTo(Match.YES);
    }

    @Test
    void plainBackupLogNamesItsDatabases() {
        LogBackupJob job = only(tsql("BACKUP LOG [Sales]]Q1] TO DISK = N'x.trn';\nBACKUP LOG Inventory TO DISK = 'y'"));
        assertThat(job.covers("Sales]Q1")).isEqualTo(Match.YES);
        assertThat(job.covers("Inventory")).isEqualTo(Match.YES);
        assertThat(job.covers("Other")).isEqualTo(Match.NO);
    }

    @Test
    void commentedOutBackupDoesNotCount() {
        assertThat(LogBackupJobs.find(List.of(tsql("-- BACKUP LOG [Sales] TO DISK = 'x'\n/* BACKUP LOG x */ SELECT 1"))))
                .isEmpty();
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
