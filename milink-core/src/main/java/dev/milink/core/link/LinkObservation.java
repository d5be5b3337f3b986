// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One database's link as both ends show it at one moment: SQL Server's HADR views and the managed instance's
 * ARM resource. An end that has no trace of the link is {@code Optional.empty()} (a half-made link).
 *
 * @param linkName       the distributed availability group
 * @param database       the database it carries
 * @param sqlServer      SQL Server's end, if it has the DAG
 * @param managedInstance the managed instance's end, if it has the link resource
 * @param observedAt     when
 * @since 0.3
 */
public record LinkObservation(String linkName, String database, Optional<End> sqlServer,
                              Optional<End> managedInstance, Instant observedAt) {

    public LinkObservation {
        Objects.requireNonNull(linkName, "linkName");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(sqlServer, "sqlServer");
        Objects.requireNonNull(managedInstance, "managedInstance");
        Objects.requireNonNull(observedAt, "observedAt");
    }

    /**
     * What one end reports.
     *
     * @param role                  PRIMARY or SECONDARY (the DAG's local role), null when unknown
     * @param connectedState        CONNECTED or DISCONNECTED
     * @param synchronizationHealth HEALTHY, PARTIALLY_HEALTHY, NOT_HEALTHY
     * @param state                 SQL Server's synchronization state or ARM's replicaState (e.g. CreatingLink,
     *                              LinkSynchronizing, LinkInitError)
     * @param lastHardenedLsn       decimal LSN as the end reports it, null when unknown
     * @param sendLagSeconds        send lag, null when unknown
     * @param redoLagSeconds        redo lag, null when unknown
     * @param seeding               seeding progress while it runs
     * @param lastError             the most recent link error
     * @param certificateName       the certificate the partner authenticates with, as this end sees it
     * @param certificateExpiry     its expiry
     * @param fullBackupTaken       whether this end has taken a full backup of the database since it became
     *                              primary (the managed instance's first full backup), null when unknown
     */
    public record End(String role, String connectedState, String synchronizationHealth, String state,
                      String lastHardenedLsn, Long sendLagSeconds, Long redoLagSeconds, Optional<Seeding> seeding,
                      Optional<LinkError> lastError, String certificateName, Instant certificateExpiry,
                      Boolean fullBackupTaken) {
        public End {
            Objects.requireNonNull(seeding, "seeding");
            Objects.requireNonNull(lastError, "lastError");
        }

        public boolean isPrimary() {
            return "PRIMARY".equalsIgnoreCase(role);
        }
    }

    /**
     * Seeding progress: sizes in bytes, rate in bytes per second, estimate when given; {@code totalBytes} 0 when
     * only a percentage is known (ARM's seedingProgress), then held in {@code transferredBytes}.
     */
    public record Seeding(long totalBytes, long transferredBytes, double bytesPerSecond, Instant estimatedCompletion) {
        /** Progress known only as a percentage. */
        public static Seeding percentOnly(int percent) {
            return new Seeding(0, percent, 0, null);
        }

        public boolean sizesKnown() {
            return totalBytes > 0;
        }

        public int percent() {
            return totalBytes <= 0 ? (int) Math.min(100, Math.max(0, transferredBytes))
                    : (int) Math.min(100, transferredBytes * 100 / totalBytes);
        }
    }

    /** A link error as an end reports it. */
    public record LinkError(int number, String description, Instant at) {}
}
