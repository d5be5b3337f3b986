// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import java.util.Objects;

/**
 * A SQL Agent job step that takes log backups ({@code BACKUP LOG}, or Ola Hallengren's {@code DatabaseBackup}
 * with {@code @BackupType = 'LOG'}). A log backup on the primary while the link seeds truncates the log the
 * seeding still needs: the link fails with 1408/1412 and must be deleted and created again.
 *
 * @param jobId     msdb job_id (a GUID as text): what {@code sp_update_job} is called with
 * @param jobName   the job's name, for the user
 * @param enabled   whether the job is enabled now
 * @param stepId    the step that backs up the log
 * @param stepName  that step's name
 * @param databases which databases the step backs up
 * @since 0.3
 */
public record LogBackupJob(String jobId, String jobName, boolean enabled, int stepId, String stepName,
                           BackupSelection databases) {

    public LogBackupJob {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(databases, "databases");
    }

    /** Whether the step backs up {@code database}'s log: YES, NO, or MAYBE when the command cannot be read. */
    public BackupSelection.Match covers(String database) {
        return databases.matches(database);
    }
}
