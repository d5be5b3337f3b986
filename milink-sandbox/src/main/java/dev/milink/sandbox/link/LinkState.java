// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.link;

import dev.milink.sandbox.link.LinkSide.Role;
import dev.milink.sandbox.link.LinkSimulation.End;
import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one link as both ends would report it.
 *
 * @param name the distributed AG's name (= the ARM resource name)
 * @param sql what the SQL Server declared, or null (no DAG there, or dropped)
 * @param mi what the MI declared, or null (no ARM resource, or deleted)
 * @param sqlRole the SQL Server's role in the DAG (null without a SQL Server DAG)
 * @param miRole the MI's role (null without the ARM resource)
 * @param connected whether the two ends are connected and moving data
 * @param sqlSynchronousCommit both members of the SQL Server's DAG are SYNCHRONOUS_COMMIT
 * @param miSynchronousCommit the MI's {@code replicationMode} is Sync
 * @param initError the error that failed the link's initialization (41962, 41973, 41974, 41976), or 0
 * @param lastConnectError why the ends are not connected yet (same numbers), or 0
 * @param databases the linked databases (empty until the ends first connected)
 */
public record LinkState(String name, LinkSide.Sql sql, LinkSide.Mi mi, Role sqlRole, Role miRole, boolean connected,
                        boolean sqlSynchronousCommit, boolean miSynchronousCommit, int initError,
                        int lastConnectError, List<DatabaseState> databases) {

    /** Both ends report PRIMARY: a forced failover was not yet resolved. */
    public boolean splitBrain() {
        return sqlRole == Role.PRIMARY && miRole == Role.PRIMARY;
    }

    public Role role(End end) {
        return end == End.SQL_SERVER ? sqlRole : miRole;
    }

    /** The linked database with this name, or null. */
    public DatabaseState database(String db) {
        return databases.stream().filter(d -> d.name().equalsIgnoreCase(db)).findFirst().orElse(null);
    }

    /** The message of a link error number, as the troubleshooting guide explains it. */
    public static String message(int error) {
        return switch (error) {
            case 41962 -> "The link was not initiated within 5 minutes; the operation was aborted.";
            case 41973 -> "The SQL Server endpoint certificate is not (correctly) imported into the managed instance.";
            case 41974 -> "The managed instance endpoint certificate is not (correctly) imported into SQL Server.";
            case 41976 -> "The availability group is not responding: check the names and parameters of the link.";
            case 1412 -> "The remote copy of the database has not been rolled forward to a point in time that is "
                    + "encompassed in the local copy of the database log (the log was truncated on the primary "
                    + "during seeding). Delete the link and create a new one.";
            case 1408 -> "The remote copy of the database is not recovered far enough to enable database mirroring "
                    + "or to join it to the availability group.";
            default -> error == 0 ? "" : "Error " + error + ".";
        };
    }

    /**
     * One linked database.
     *
     * @param name the database
     * @param source the end that seeds it (the initial primary)
     * @param sizeBytes its data size
     * @param transferredBytes bytes seeded so far
     * @param seeding the seeding's state
     * @param seedingStart when seeding started (null before)
     * @param seedingEnd when it completed or failed (null before)
     * @param errorNumber the database's link error (1412 when a log backup broke the seeding), or 0
     * @param sqlLsn the last hardened LSN on the SQL Server (0 = the database is not there yet)
     * @param miLsn the last hardened LSN on the MI (0 = not there yet)
     * @param sqlCommitTime the time of {@code sqlLsn}
     * @param miCommitTime the time of {@code miLsn}
     * @param logSendQueueKb log not yet sent to the secondary
     * @param miFirstFullBackupLsn the LSN of the MI's first full backup of it, 0 = none yet
     * @param miFirstFullBackupTime when that backup finished, or null
     */
    public record DatabaseState(String name, End source, long sizeBytes, long transferredBytes,
                                LinkSimulation.Seeding seeding, Instant seedingStart, Instant seedingEnd,
                                int errorNumber, long sqlLsn, long miLsn, Instant sqlCommitTime, Instant miCommitTime,
                                long logSendQueueKb, long miFirstFullBackupLsn, Instant miFirstFullBackupTime) {

        public long lsn(End end) {
            return end == End.SQL_SERVER ? sqlLsn : miLsn;
        }

        public boolean miHasFullBackup() {
            return miFirstFullBackupLsn != 0;
        }
    }
}
