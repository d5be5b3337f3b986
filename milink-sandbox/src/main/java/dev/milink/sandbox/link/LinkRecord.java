// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.link;

import dev.milink.sandbox.link.LinkSide.Role;
import dev.milink.sandbox.link.LinkSimulation.End;
import dev.milink.sandbox.link.LinkSimulation.Outcome;
import dev.milink.sandbox.link.LinkSimulation.Seeding;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The mutable state of one link; every method runs under the {@link LinkSimulation}'s lock. */
final class LinkRecord {
    private static final long DEFAULT_SIZE = 64L * 1024 * 1024;
    private static final long KB_PER_STEP = 480;

    final String name;
    LinkSide.Sql sql;
    LinkSide.Mi mi;
    long sqlCreatedStep;
    long miCreatedStep;
    boolean sqlSync;
    boolean miSync;
    Role sqlRole;
    Role miRole;
    boolean connected;
    int error;
    int pendingError;
    End workloadEnd;
    final Map<String, LinkDatabase> dbs = new LinkedHashMap<>();

    LinkRecord(String name, long step) {
        this.name = name;
    }

    LinkDatabase db(String database) {
        return dbs.get(LinkSimulation.key(database));
    }

    Role role(End end) {
        return end == End.SQL_SERVER ? sqlRole : miRole;
    }

    void setRole(End end, Role r) {
        if (end == End.SQL_SERVER) {
            sqlRole = r;
        } else {
            miRole = r;
        }
    }

    static End other(End end) {
        return end == End.SQL_SERVER ? End.MANAGED_INSTANCE : End.SQL_SERVER;
    }

    End primaryEnd() {
        return sqlRole == Role.PRIMARY ? End.SQL_SERVER : miRole == Role.PRIMARY ? End.MANAGED_INSTANCE : null;
    }

    /** The end that seeds the databases: the initial primary. */
    End sourceEnd() {
        if (sql != null) {
            return sql.initialRole() == Role.PRIMARY ? End.SQL_SERVER : End.MANAGED_INSTANCE;
        }
        return mi != null && mi.initialRole() == Role.PRIMARY ? End.MANAGED_INSTANCE : End.SQL_SERVER;
    }

    boolean synchronous(End primary) {
        return primary == End.SQL_SERVER ? sqlSync : miSync;
    }

    void disconnect() {
        connected = false;
        if (sql == null) {
            sqlRole = null;
        }
        if (mi == null) {
            miRole = null;
        }
    }

    void step(LinkSimulation sim, long now) {
        if (sql != null && sqlRole == null) {
            sqlRole = sql.initialRole();
        }
        if (mi != null && miRole == null) {
            miRole = mi.initialRole();
        }
        if (!connected && error == 0 && mi != null) {
            int reason = sql == null ? 41962 : connectProblem(sim);
            if (reason == 0 && !dbs.isEmpty() && sqlRole == miRole) {
                reason = 41976;
            }
            if (reason == 0) {
                connect(sim, now);
            } else {
                pendingError = reason;
                if (now - miCreatedStep >= sim.settings().connectTimeoutSteps() && dbs.isEmpty()) {
                    error = reason;
                }
            }
        }
        End primary = primaryEnd();
        for (LinkDatabase d : dbs.values()) {
            long before = primary == null ? 0 : d.block(primary);
            if (connected) {
                d.progress(sim, this, now);
            }
            if (primary != null && sim.workload() && primary == workloadEnd && d.block(primary) > 0) {
                d.setBlock(primary, d.block(primary) + sim.settings().logBlocksPerStep(), now);
            }
            if (connected && primary != null && d.seeding == Seeding.COMPLETED && !splitBrain()) {
                End secondary = other(primary);
                long target = synchronous(primary) ? d.block(primary) : Math.max(before, d.block(secondary));
                if (target != d.block(secondary)) {
                    d.setBlock(secondary, target, now);
                }
            }
            d.backups(sim, this, now);
        }
    }

    private int connectProblem(LinkSimulation sim) {
        if (!sql.localAg().equalsIgnoreCase(mi.partnerAg()) || !sql.remoteAg().equalsIgnoreCase(mi.instanceAg())
                || sql.initialRole() == mi.initialRole() && dbs.isEmpty()) {
            return 41976;
        }
        if (sql.initialRole() == Role.SECONDARY && dbs.isEmpty() && mi.databases().stream()
                .noneMatch(d -> d.equalsIgnoreCase(String.valueOf(sql.remoteListenerDatabase())))) {
            return 41976;   // the MI seeds a database the SQL Server's listener URL does not name
        }
        return sim.trustError();
    }

    private void connect(LinkSimulation sim, long now) {
        connected = true;
        pendingError = 0;
        workloadEnd = primaryEnd();
        if (!dbs.isEmpty()) {
            return;
        }
        End source = sourceEnd();
        List<String> names = source == End.SQL_SERVER ? sql.databases() : mi.databases();
        for (String n : names) {
            long size = sql.databaseSizes().getOrDefault(LinkSimulation.key(n), DEFAULT_SIZE);
            LinkDatabase d = new LinkDatabase(n, source, size);
            d.setBlock(source, LinkSimulation.FIRST_BLOCK, now);
            if (source == End.MANAGED_INSTANCE) {
                d.miBackupBlock = LinkSimulation.FIRST_BLOCK;
                d.miBackupStep = now;
            }
            dbs.put(LinkSimulation.key(n), d);
        }
    }

    /** After a role change: the MI's first-backup countdown starts for the databases it is now primary for. */
    private void rolesChanged(LinkSimulation sim) {
        if (miRole != Role.PRIMARY) {
            return;
        }
        for (LinkDatabase d : dbs.values()) {
            if (d.miBackupDue == null && d.seeding == Seeding.COMPLETED) {
                d.miBackupDue = sim.step() + sim.settings().firstMiBackupAfterSteps();
            }
        }
    }

    boolean splitBrain() {
        return sqlRole == Role.PRIMARY && miRole == Role.PRIMARY;
    }

    Outcome plannedFailover(LinkSimulation sim, End requestedAt) {
        if (!connected || splitBrain()) {
            return notReady("the link is not connected");
        }
        End primary = primaryEnd();
        for (LinkDatabase d : dbs.values()) {
            if (d.seeding != Seeding.COMPLETED) {
                return notReady("database '" + d.name + "' has not finished seeding");
            }
        }
        if (requestedAt == End.SQL_SERVER) {
            if (primary != End.SQL_SERVER) {
                return Outcome.refused(41122, null, "Cannot fail over distributed availability group '" + name
                        + "' from this instance: the local availability group is not the global primary. Run the "
                        + "failover on the primary.");
            }
            if (!sqlSync) {
                return notReady("the distributed availability group uses the asynchronous-commit mode");
            }
            for (LinkDatabase d : dbs.values()) {
                if (d.sqlBlock != d.miBlock) {
                    return notReady("database '" + d.name + "' is not synchronized (last hardened LSNs differ)");
                }
            }
        }
        End target = other(primary);
        for (LinkDatabase d : dbs.values()) {
            d.setBlock(target, d.block(primary), sim.step());
        }
        setRole(primary, Role.SECONDARY);
        setRole(target, Role.PRIMARY);
        workloadEnd = target;
        if (requestedAt == End.MANAGED_INSTANCE) {
            miSync = false;
        }
        rolesChanged(sim);
        return Outcome.OK;
    }

    private Outcome notReady(String why) {
        return Outcome.refused(41142, "DistributedAvailabilityGroupFailoverNotAllowed", "The availability replica for "
                + "availability group '" + name + "' cannot become the primary replica: " + why + ". If the "
                + "availability replica uses the asynchronous-commit mode, consider a forced failover (with possible "
                + "data loss); otherwise wait until all databases are synchronized.");
    }

    Outcome forceFailover(LinkSimulation sim, End at) {
        if (role(at) == Role.PRIMARY) {
            return Outcome.refused(41122, "DistributedAvailabilityGroupFailoverNotAllowed", "Cannot fail over "
                    + "distributed availability group '" + name + "' to this instance: it is already the primary.");
        }
        if (role(at) == null) {
            return notReady("this end is not part of the link");
        }
        setRole(at, Role.PRIMARY);
        connected = role(other(at)) != Role.PRIMARY && role(other(at)) != null;
        if (connected) {
            workloadEnd = at;
        }
        rolesChanged(sim);
        return Outcome.OK;
    }

    Outcome setSecondary(LinkSimulation sim, End at, boolean forced) {
        setRole(at, Role.SECONDARY);
        End other = other(at);
        if (role(other) == Role.PRIMARY && (at == End.SQL_SERVER ? mi : sql) != null) {
            connected = true;
            workloadEnd = other;
            for (LinkDatabase d : dbs.values()) {
                if (d.block(other) > 0) {
                    d.setBlock(at, d.block(other), sim.step());
                }
            }
        } else {
            connected = false;
        }
        rolesChanged(sim);
        return Outcome.OK;
    }

    LinkState snapshot(LinkSimulation sim) {
        End primary = primaryEnd();
        List<LinkState.DatabaseState> states = dbs.values().stream().map(d -> {
            long queue = 0;
            if (primary != null && connected) {
                long lag = d.block(primary) - d.block(other(primary));
                queue = d.block(other(primary)) == 0 ? 0 : lag / sim.settings().logBlocksPerStep() * KB_PER_STEP;
            }
            return new LinkState.DatabaseState(d.name, d.source, d.size, d.transferred, d.seeding,
                    time(sim, d.seedingStart), time(sim, d.seedingEnd), d.error, LinkSimulation.lsn(d.sqlBlock),
                    LinkSimulation.lsn(d.miBlock), time(sim, d.sqlCommitStep), time(sim, d.miCommitStep), queue,
                    LinkSimulation.lsn(d.miBackupBlock), d.miBackupBlock == 0 ? null : sim.time(d.miBackupStep));
        }).toList();
        return new LinkState(name, sql, mi, sqlRole, miRole, connected, sqlSync, miSync, error, pendingError, states);
    }

    private static Instant time(LinkSimulation sim, Long step) {
        return step == null ? null : sim.time(step);
    }
}
