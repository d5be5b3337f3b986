// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.model;

import java.time.Instant;
import java.util.List;

/**
 * What milink read about one database. Flags come from {@code sys.databases}; the rest from the views named on
 * each component. A fact is {@link Fact.Unknown} when its query could not run (the database is offline, the
 * column does not exist on this version, permission).
 *
 * @param state           state_desc: ONLINE, OFFLINE, RESTORING, RECOVERING, SUSPECT, EMERGENCY…
 * @param userAccess      user_access_desc: MULTI_USER, SINGLE_USER, RESTRICTED_USER
 * @param recoveryModel   recovery_model_desc: FULL, BULK_LOGGED, SIMPLE
 * @param inAvailabilityGroup group_database_id is not null
 * @param containment     containment_desc: NONE or PARTIAL
 * @param acceleratedRecovery is_accelerated_database_recovery_on (SQL Server 2019+)
 * @param pvsFilegroupId  filegroup of the persistent version store when ADR is on (1 = PRIMARY)
 * @param mirrored        sys.database_mirroring.mirroring_guid is not null
 * @param logShippingPrimary listed in msdb.dbo.log_shipping_primary_databases
 * @param files           file counts and sizes ({@code sys.master_files})
 * @param filegroups      filegroups ({@code [db].sys.filegroups})
 * @param fileTables      number of FileTables ({@code [db].sys.tables.is_filetable})
 * @param encryption      TDE state ({@code sys.dm_database_encryption_keys})
 * @param backups         backup history ({@code msdb.dbo.backupset})
 * @param logChainStarted {@code sys.database_recovery_status.last_log_backup_lsn IS NOT NULL}: a full backup
 *                        started the log chain, so the FULL recovery model is in effect
 * @param logSpaceUsedPercent log space used ({@code DBCC SQLPERF(LOGSPACE)} or {@code sys.dm_db_log_space_usage})
 * @since 0.1
 */
public record DatabaseFacts(
        int databaseId,
        String name,
        String state,
        boolean readOnly,
        String userAccess,
        boolean autoClose,
        String recoveryModel,
        int compatibilityLevel,
        String collation,
        boolean inAvailabilityGroup,
        String containment,
        boolean brokerEnabled,
        Replication replication,
        Fact<Boolean> acceleratedRecovery,
        Fact<Integer> pvsFilegroupId,
        Fact<Boolean> mirrored,
        Fact<Boolean> logShippingPrimary,
        Fact<Files> files,
        Fact<List<Filegroup>> filegroups,
        Fact<Integer> fileTables,
        Fact<Encryption> encryption,
        Fact<Backups> backups,
        Fact<Boolean> logChainStarted,
        Fact<Double> logSpaceUsedPercent) {

    /** master, tempdb, model, msdb (database_id 1–4). */
    public boolean isSystem() {
        return databaseId <= 4;
    }

    public boolean isOnline() {
        return "ONLINE".equalsIgnoreCase(state);
    }

    /** Replication, CDC and related flags from sys.databases. */
    public record Replication(boolean published, boolean subscribed, boolean mergePublished, boolean distributor,
                              boolean cdcEnabled) {
        public static final Replication NONE = new Replication(false, false, false, false, false);

        public boolean any() {
            return published || subscribed || mergePublished || distributor || cdcEnabled;
        }
    }

    /** @param filestreamContainers FILESTREAM and memory-optimized containers (sys.master_files type 2) */
    public record Files(int dataFiles, int logFiles, int filestreamContainers, long dataSizeMb, long logSizeMb) {}

    /** @param type FG (rows), FD (FILESTREAM), FX (memory-optimized data), PG/PV… */
    public record Filegroup(int id, String name, String type) {}

    /**
     * @param encryptionState    0 none … 3 encrypted (sys.dm_database_encryption_keys.encryption_state)
     * @param encryptorType      CERTIFICATE or ASYMMETRIC KEY, null when unencrypted
     * @param encryptorThumbprint upper-case hex, null when unencrypted
     */
    public record Encryption(int encryptionState, String encryptorType, String encryptorThumbprint) {
        public static final Encryption NONE = new Encryption(0, null, null);

        public boolean encrypted() {
            return encryptionState >= 2;
        }
    }

    /**
     * @param lastChainFull  finish time of the newest non-copy-only full backup, null if none
     * @param lastChainFullChecksum whether that backup has checksums
     * @param lastCopyOnlyFull finish time of the newest copy-only full backup, null if none
     * @param lastLog        finish time of the newest log backup, null if none
     */
    public record Backups(Instant lastChainFull, boolean lastChainFullChecksum, Instant lastCopyOnlyFull,
                          Instant lastLog) {
        public static final Backups NONE = new Backups(null, false, null, null);
    }
}
