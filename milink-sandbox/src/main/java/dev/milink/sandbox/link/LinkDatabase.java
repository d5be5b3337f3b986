// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.link;

import dev.milink.sandbox.link.LinkSide.Role;
import dev.milink.sandbox.link.LinkSimulation.End;
import dev.milink.sandbox.link.LinkSimulation.Seeding;

/** The mutable state of one linked database; runs under the {@link LinkSimulation}'s lock. */
final class LinkDatabase {
    final String name;
    final End source;
    final long size;
    long transferred;
    int seedingSteps;
    Seeding seeding = Seeding.NOT_STARTED;
    Long seedingStart;
    Long seedingEnd;
    boolean logTruncated;
    boolean scheduledBackupRan;
    int error;
    long sqlBlock;
    long miBlock;
    Long sqlCommitStep;
    Long miCommitStep;
    long miBackupBlock;
    long miBackupStep;
    Long miBackupDue;

    LinkDatabase(String name, End source, long size) {
        this.name = name;
        this.source = source;
        this.size = size;
    }

    long block(End end) {
        return end == End.SQL_SERVER ? sqlBlock : miBlock;
    }

    void setBlock(End end, long block, long step) {
        if (end == End.SQL_SERVER) {
            sqlBlock = block;
            sqlCommitStep = step;
        } else {
            miBlock = block;
            miCommitStep = step;
        }
    }

    /** One step of seeding while the ends are connected. */
    void progress(LinkSimulation sim, LinkRecord link, long now) {
        switch (seeding) {
            case NOT_STARTED -> {
                if (source == End.SQL_SERVER || link.sql != null && link.sql.canCreateDatabases()) {
                    seeding = Seeding.SEEDING;
                    seedingStart = now;
                }
            }
            case SEEDING -> {
                int total = sim.settings().seedingSteps();
                seedingSteps++;
                transferred = Math.min(size, size * seedingSteps / total);
                if (!scheduledBackupRan && source == End.SQL_SERVER && seedingSteps * 2 >= total
                        && sim.scheduledLogBackup(name)) {
                    scheduledBackupRan = true;
                    logTruncated = true;
                    sim.scheduledBackupTaken(name);
                }
                if (seedingSteps >= total) {
                    seedingEnd = now;
                    if (logTruncated) {
                        seeding = Seeding.FAILED;
                        error = 1412;
                    } else {
                        seeding = Seeding.COMPLETED;
                        End target = LinkRecord.other(source);
                        setBlock(target, block(source), now);
                    }
                }
            }
            default -> { }
        }
    }

    /** The MI takes its first full backup of the database some steps after it first becomes primary for it. */
    void backups(LinkSimulation sim, LinkRecord link, long now) {
        if (miBackupBlock != 0 || seeding != Seeding.COMPLETED) {
            return;
        }
        if (miBackupDue == null && link.miRole == Role.PRIMARY) {
            miBackupDue = now + sim.settings().firstMiBackupAfterSteps();
        }
        if (miBackupDue != null && now >= miBackupDue) {
            miBackupBlock = miBlock;
            miBackupStep = now;
        }
    }
}
