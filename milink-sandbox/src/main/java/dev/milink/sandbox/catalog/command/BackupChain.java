// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.command;

import dev.milink.sandbox.scenario.Backup;
import dev.milink.sandbox.scenario.Scenario;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbers backups the way SQL Server chains them: every backup gets fresh first/last/checkpoint LSNs;
 * database_backup_lsn points at the checkpoint of the base (last non-copy-only) full backup; a log backup starts
 * where the previous one ended; a non-copy-only full backup in FULL or BULK_LOGGED starts the log chain
 * ({@code sys.database_recovery_status.last_log_backup_lsn} becomes non-NULL).
 */
public final class BackupChain {
    private static final long LSN_STEP = 1_000_000L;

    private BackupChain() {}

    /** Re-numbers a scenario's declared backups in order, as if they had been taken one after another. */
    public static void replay(Scenario s, Scenario.Database db) {
        List<Backup> declared = new ArrayList<>(db.backups);
        db.backups.clear();
        db.lastLogBackupLsn = null;
        for (Backup b : declared) {
            record(s, db, b);
        }
    }

    /** Gives the backup its LSNs and ids, appends it to msdb's history and moves the log chain. */
    public static void record(Scenario s, Scenario.Database db, Backup b) {
        int id = 1 + s.databases.stream().mapToInt(d -> d.backups.stream().mapToInt(x -> x.backupSetId).max().orElse(0))
                .max().orElse(0);
        b.backupSetId = id;
        b.mediaSetId = id;
        b.recoveryModel = db.recovery;
        long first = db.nextLsn;
        long checkpoint = first + LSN_STEP / 10;
        long last = first + LSN_STEP / 5;
        db.nextLsn = last + LSN_STEP;
        Backup base = baseFull(db);
        String baseCheckpoint = base == null ? "0" : base.checkpointLsn;
        if (b.start == null) {
            b.start = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        }
        if (b.finish == null) {
            b.finish = LocalDateTime.parse(b.start.replace(' ', 'T')).plusSeconds(2).toString();
        }
        if (b.sizeBytes == 0) {
            long dataMb = db.files.stream().filter(f -> !"LOG".equals(f.type)).mapToLong(f -> f.sizeMb).sum();
            b.sizeBytes = "L".equals(b.type) ? 1_048_576L : dataMb * 1_048_576L * 2 / 5;
        }
        if (b.compressedSizeBytes == 0) {
            b.compressedSizeBytes = b.compressed ? b.sizeBytes * 3 / 10 : b.sizeBytes;
        }
        switch (b.type) {
            case "L" -> {
                b.firstLsn = db.lastLogBackupLsn != null ? db.lastLogBackupLsn : String.valueOf(first);
                b.lastLsn = String.valueOf(last);
                b.checkpointLsn = base == null ? String.valueOf(checkpoint) : base.checkpointLsn;
                b.databaseBackupLsn = baseCheckpoint;
                if (!b.copyOnly) {
                    db.lastLogBackupLsn = b.lastLsn;
                }
            }
            default -> {
                b.firstLsn = String.valueOf(first);
                b.lastLsn = String.valueOf(last);
                b.checkpointLsn = String.valueOf(checkpoint);
                b.databaseBackupLsn = baseCheckpoint;
                boolean startsChain = "D".equals(b.type) && !b.copyOnly && !"SIMPLE".equals(db.recovery);
                if (startsChain && db.lastLogBackupLsn == null) {
                    db.lastLogBackupLsn = b.firstLsn;
                }
            }
        }
        db.backups.add(b);
    }

    /** The last non-copy-only full backup: the base of differentials and of the log chain. */
    public static Backup baseFull(Scenario.Database db) {
        Backup base = null;
        for (Backup b : db.backups) {
            if ("D".equals(b.type) && !b.copyOnly) {
                base = b;
            }
        }
        return base;
    }
}
