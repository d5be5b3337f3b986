// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import java.util.List;
import java.util.Objects;

/**
 * What {@code link create} needs beyond the link's facts.
 *
 * @param logBackupJobs     the log-backup job steps found on SQL Server ({@link LogBackupJobs#find})
 * @param pauseLogBackups   disable the jobs affecting the databases for the seeding and enable them afterwards
 * @param sqlEndpointHost   the SQL Server address the managed instance connects to (IP or resolvable name)
 * @param apiVersion        the ARM api-version of the requests
 * @param pausedEarlier     job ids an earlier, interrupted run disabled (from the saved state): still to be
 *                          enabled again after the seeding
 * @since 0.3
 */
public record CreateOptions(List<LogBackupJob> logBackupJobs, boolean pauseLogBackups, String sqlEndpointHost,
                            String apiVersion, java.util.Set<String> pausedEarlier) {

    public static final String API_VERSION = "2025-01-01";

    public CreateOptions {
        logBackupJobs = List.copyOf(logBackupJobs);
        Objects.requireNonNull(sqlEndpointHost, "sqlEndpointHost");
        Objects.requireNonNull(apiVersion, "apiVersion");
        pausedEarlier = pausedEarlier.stream().map(s -> s.toUpperCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public CreateOptions(List<LogBackupJob> logBackupJobs, boolean pauseLogBackups, String sqlEndpointHost) {
        this(logBackupJobs, pauseLogBackups, sqlEndpointHost, API_VERSION, java.util.Set.of());
    }

    /** The same options with the job ids an earlier run disabled. */
    public CreateOptions withPausedEarlier(java.util.Set<String> jobIds) {
        return new CreateOptions(logBackupJobs, pauseLogBackups, sqlEndpointHost, apiVersion, jobIds);
    }
}
