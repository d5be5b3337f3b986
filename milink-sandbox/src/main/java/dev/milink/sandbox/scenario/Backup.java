// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

/** A row of msdb.dbo.backupset and its media; LSNs are computed by the engine. */
public final class Backup {
    /** D (full), I (differential), L (log). */
    public String type = "D";
    public boolean copyOnly;
    public String start;
    public String finish;
    public String device;
    public boolean checksum = true;
    public boolean compressed;
    public long sizeBytes;
    public long compressedSizeBytes;
    public String firstLsn;
    public String lastLsn;
    public String checkpointLsn;
    public String databaseBackupLsn;
    public String recoveryModel;
    public int backupSetId;
    public int mediaSetId;
    public int position = 1;
}
