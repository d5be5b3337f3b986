// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.view;

import dev.milink.sandbox.catalog.Values;
import dev.milink.sandbox.catalog.view.CatalogView.Permission;
import dev.milink.sandbox.catalog.view.CatalogView.Scope;
import dev.milink.sandbox.link.LinkSide.Role;
import dev.milink.sandbox.link.LinkSimulation;
import dev.milink.sandbox.link.LinkSimulation.End;
import dev.milink.sandbox.link.LinkSimulation.Seeding;
import dev.milink.sandbox.link.LinkState;
import dev.milink.sandbox.scenario.AvailabilityGroup;
import dev.milink.sandbox.scenario.Replica;
import dev.milink.sandbox.scenario.Scenario;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows of a distributed availability group (the link) in the HADR DMVs, computed from the
 * {@link LinkSimulation}, and the seeding DMVs sys.dm_hadr_automatic_seeding and sys.dm_hadr_physical_seeding_stats.
 */
final class LinkViews {
    private LinkViews() {}

    static List<CatalogView> all() {
        return List.of(automaticSeeding(), physicalSeedingStats());
    }

    private static LinkState state(ViewContext ctx, AvailabilityGroup dag) {
        return ctx.instance().link().link(dag.name).orElse(null);
    }

    private static boolean healthy(LinkState l, LinkState.DatabaseState d) {
        return l != null && l.connected() && !l.splitBrain() && d != null && d.seeding() == Seeding.COMPLETED
                && d.errorNumber() == 0;
    }

    private static boolean allHealthy(LinkState l) {
        return l != null && l.connected() && !l.databases().isEmpty()
                && l.databases().stream().allMatch(d -> healthy(l, d));
    }

    private static LocalDateTime local(java.time.Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static BigDecimal lsn(long v) {
        return v == 0 ? null : BigDecimal.valueOf(v);
    }

    /** sys.dm_hadr_availability_replica_states rows of a DAG: the local AG (member 1) and the MI's AG (member 2). */
    static List<Map<String, Object>> replicaStates(ViewContext ctx, AvailabilityGroup dag) {
        LinkState l = state(ctx, dag);
        List<Map<String, Object>> rows = new ArrayList<>();
        Replica local = dag.replicas.get(0);
        Replica remote = dag.replicas.get(1);
        Role sqlRole = l == null || l.sqlRole() == null ? Role.valueOf(local.role) : l.sqlRole();
        Role miRole = l == null ? null : l.miRole();
        boolean healthy = allHealthy(l);
        rows.add(row(local, dag, true, sqlRole, "CONNECTED", sqlRole == Role.PRIMARY && !healthy
                ? "PARTIALLY_HEALTHY" : "HEALTHY", 0, ctx));
        int error = l == null ? 0 : l.initError() != 0 ? l.initError() : l.lastConnectError();
        rows.add(row(remote, dag, false, miRole, l != null && l.connected() ? "CONNECTED" : "DISCONNECTED",
                healthy ? "HEALTHY" : "NOT_HEALTHY", error, ctx));
        return rows;
    }

    private static Map<String, Object> row(Replica r, AvailabilityGroup dag, boolean isLocal, Role role,
            String connected, String health, int error, ViewContext ctx) {
        int roleValue = role == null ? 0 : role == Role.PRIMARY ? 1 : 2;
        return Row.of().set("replica_id", Values.guid(r.replicaId)).set("group_id", Values.guid(dag.groupId))
                .set("is_local", isLocal).set("role", roleValue)
                .set("role_desc", role == null ? "RESOLVING" : role.name())
                .set("operational_state", isLocal ? 2 : null).set("operational_state_desc", isLocal ? "ONLINE" : null)
                .set("connected_state", "CONNECTED".equals(connected) ? 1 : 0).set("connected_state_desc", connected)
                .set("recovery_health", isLocal ? 1 : null).set("recovery_health_desc", isLocal ? "ONLINE" : null)
                .set("synchronization_health", switch (health) {
                    case "HEALTHY" -> 2;
                    case "PARTIALLY_HEALTHY" -> 1;
                    default -> 0;
                })
                .set("synchronization_health_desc", health)
                .set("last_connect_error_number", error == 0 ? null : error)
                .set("last_connect_error_description", error == 0 ? null : LinkState.message(error))
                .set("last_connect_error_timestamp", error == 0 ? null : local(ctx.instance().link().now())).map();
    }

    /**
     * sys.dm_hadr_database_replica_states rows of a DAG: the local database, and on the primary one row per
     * secondary database (the MI's), as the documentation describes for the primary replica.
     */
    static List<Map<String, Object>> databaseStates(ViewContext ctx, AvailabilityGroup dag) {
        LinkState l = state(ctx, dag);
        LinkSimulation sim = ctx.instance().link();
        List<Map<String, Object>> rows = new ArrayList<>();
        Scenario s = ctx.scenario();
        Role sqlRole = l == null || l.sqlRole() == null ? Role.valueOf(dag.replicas.get(0).role) : l.sqlRole();
        for (String name : dag.databases) {
            Scenario.Database db = s.database(name);
            LinkState.DatabaseState d = l == null ? null : l.database(name);
            if (db == null) {
                continue;
            }
            boolean primary = sqlRole == Role.PRIMARY;
            boolean healthy = healthy(l, d);
            boolean sync = l != null && (primary ? l.sqlSynchronousCommit() : l.miSynchronousCommit());
            String state = primary ? "SYNCHRONIZED" : healthy ? sync ? "SYNCHRONIZED" : "SYNCHRONIZING"
                    : "NOT SYNCHRONIZING";
            long own = d == null ? 0 : d.sqlLsn();
            rows.add(dbRow(db, dag, dag.replicas.get(0), true, primary, state,
                    primary ? healthy ? "HEALTHY" : "PARTIALLY_HEALTHY" : healthy ? "HEALTHY" : "NOT_HEALTHY")
                    .set("last_hardened_lsn", lsn(own)).set("last_received_lsn", primary ? null : lsn(own))
                    .set("last_redone_lsn", lsn(own)).set("end_of_log_lsn", lsn(own)).set("last_commit_lsn", lsn(own))
                    .set("last_commit_time", d == null ? null : local(d.sqlCommitTime()))
                    .set("last_hardened_time", d == null ? null : local(d.sqlCommitTime()))
                    .set("log_send_queue_size", primary ? null : 0L).set("redo_queue_size", primary ? null : 0L)
                    .set("secondary_lag_seconds", primary ? null : 0L).map());
            if (primary && d != null) {
                String remote = healthy ? sync ? "SYNCHRONIZED" : "SYNCHRONIZING" : "NOT SYNCHRONIZING";
                long secondsPerStep = sim.settings().stepDuration().toSeconds();
                long lagSteps = d.logSendQueueKb() / 480;
                rows.add(dbRow(db, dag, dag.replicas.get(1), false, false, remote, healthy ? "HEALTHY" : "NOT_HEALTHY")
                        .set("last_sent_lsn", lsn(d.sqlLsn())).set("last_sent_time", local(d.sqlCommitTime()))
                        .set("last_received_lsn", lsn(d.miLsn())).set("last_received_time", local(d.miCommitTime()))
                        .set("last_hardened_lsn", lsn(d.miLsn())).set("last_hardened_time", local(d.miCommitTime()))
                        .set("last_redone_lsn", lsn(d.miLsn())).set("last_redone_time", local(d.miCommitTime()))
                        .set("end_of_log_lsn", lsn(d.miLsn())).set("last_commit_lsn", lsn(d.miLsn()))
                        .set("last_commit_time", local(d.miCommitTime()))
                        .set("log_send_queue_size", d.logSendQueueKb()).set("log_send_rate", healthy ? 4800L : 0L)
                        .set("redo_queue_size", 0L).set("redo_rate", healthy ? 4800L : 0L)
                        .set("secondary_lag_seconds", healthy ? lagSteps * secondsPerStep : null).map());
            }
        }
        return rows;
    }

    static Row dbRow(Scenario.Database db, AvailabilityGroup ag, Replica r, boolean isLocal, boolean primary,
            String state, String health) {
        return Row.of().set("database_id", db.id).set("group_id", Values.guid(ag.groupId))
                .set("replica_id", Values.guid(r.replicaId))
                .set("group_database_id", Values.seededGuid("agdb:" + ag.name + db.name))
                .set("is_local", isLocal).set("is_primary_replica", primary)
                .set("synchronization_state", switch (state) {
                    case "SYNCHRONIZED" -> 2;
                    case "SYNCHRONIZING" -> 1;
                    default -> 0;
                })
                .set("synchronization_state_desc", state).set("is_commit_participant", "SYNCHRONIZED".equals(state))
                .set("synchronization_health", switch (health) {
                    case "HEALTHY" -> 2;
                    case "PARTIALLY_HEALTHY" -> 1;
                    default -> 0;
                })
                .set("synchronization_health_desc", health).set("database_state", isLocal ? 0 : null)
                .set("database_state_desc", isLocal ? "ONLINE" : null).set("is_suspended", false)
                .set("log_send_rate", 0L).set("redo_rate", 0L).set("filestream_send_rate", 0L);
    }

    private record Seed(AvailabilityGroup dag, LinkState link, LinkState.DatabaseState db, boolean source) {}

    private static List<Seed> seedings(ViewContext ctx, boolean runningOnly) {
        List<Seed> out = new ArrayList<>();
        for (AvailabilityGroup ag : ctx.scenario().availabilityGroups) {
            LinkState l = ag.distributed ? state(ctx, ag) : null;
            if (l == null) {
                continue;
            }
            for (LinkState.DatabaseState d : l.databases()) {
                if (d.seeding() != Seeding.NOT_STARTED && (!runningOnly || d.seeding() == Seeding.SEEDING)) {
                    out.add(new Seed(ag, l, d, d.source() == End.SQL_SERVER));
                }
            }
        }
        return out;
    }

    /** sys.dm_hadr_automatic_seeding (2016+): one row per seeding operation of a link on this instance. */
    private static CatalogView automaticSeeding() {
        return CatalogView.builder("sys", "dm_hadr_automatic_seeding", Scope.SERVER)
                .requires(Permission.VIEW_SERVER_STATE)
                .columns("""
                        start_time datetime, completion_time datetime, ag_id uniqueidentifier,
                        ag_db_id uniqueidentifier, ag_remote_replica_id uniqueidentifier,
                        operation_id uniqueidentifier, is_source bit, current_state nvarchar(120),
                        performed_seeding bit, failure_state int, failure_state_desc nvarchar(120), error_code int,
                        number_of_attempts int
                        """)
                .rowPer(ctx -> seedings(ctx, false), (ctx, sd) -> {
                    boolean failed = sd.db().seeding() == Seeding.FAILED;
                    return Row.of().set("start_time", local(sd.db().seedingStart()))
                            .set("completion_time", local(sd.db().seedingEnd()))
                            .set("ag_id", Values.guid(sd.dag().groupId))
                            .set("ag_db_id", Values.seededGuid("agdb:" + sd.dag().name + sd.db().name()))
                            .set("ag_remote_replica_id", Values.guid(sd.dag().replicas.get(1).replicaId))
                            .set("operation_id", Values.seededGuid("seeding:" + sd.dag().name + ":" + sd.db().name()))
                            .set("is_source", sd.source()).set("current_state", sd.db().seeding().name())
                            .set("performed_seeding", true).set("failure_state", failed ? 2 : null)
                            .set("failure_state_desc", failed ? "SQL Error" : null)
                            .set("error_code", failed ? sd.db().errorNumber() : 0).set("number_of_attempts", 1);
                });
    }

    /** sys.dm_hadr_physical_seeding_stats (2016+): one row per seeding running now, on the source or destination. */
    private static CatalogView physicalSeedingStats() {
        return CatalogView.builder("sys", "dm_hadr_physical_seeding_stats", Scope.SERVER)
                .requires(Permission.VIEW_SERVER_STATE)
                .columns("""
                        local_physical_seeding_id uniqueidentifier, remote_physical_seeding_id uniqueidentifier,
                        local_database_id int, local_database_name nvarchar(128), remote_machine_name nvarchar(128),
                        role_desc nvarchar(60), internal_state_desc nvarchar(60),
                        transfer_rate_bytes_per_second bigint, transferred_size_bytes bigint,
                        database_size_bytes bigint, start_time_utc datetime, end_time_utc datetime,
                        estimate_time_complete_utc datetime, total_disk_io_wait_time_ms bigint,
                        total_network_wait_time_ms bigint, failure_code int, failure_message nvarchar(max),
                        failure_time_utc datetime, is_compression_enabled bit
                        """)
                .rowPer(ctx -> seedings(ctx, true), (ctx, sd) -> {
                    LinkSimulation sim = ctx.instance().link();
                    LinkState.DatabaseState d = sd.db();
                    long seconds = sim.settings().stepDuration().toSeconds() * sim.settings().seedingSteps();
                    long rate = Math.max(1, d.sizeBytes() / Math.max(1, seconds));
                    long remaining = d.sizeBytes() - d.transferredBytes();
                    Scenario.Database db = ctx.scenario().database(d.name());
                    return Row.of()
                            .set("local_physical_seeding_id", Values.seededGuid("physical:" + sd.dag().name + d.name()))
                            .set("remote_physical_seeding_id", Values.seededGuid("remote:" + sd.dag().name + d.name()))
                            .set("local_database_id", db == null ? null : db.id).set("local_database_name", d.name())
                            .set("remote_machine_name", host(sd.dag().replicas.get(1).endpointUrl))
                            .set("role_desc", sd.source() ? "Source" : "Destination")
                            .set("internal_state_desc", sd.source() ? "ReadingAndSendingData" : "ReceivingAndWritingData")
                            .set("transfer_rate_bytes_per_second", rate)
                            .set("transferred_size_bytes", d.transferredBytes()).set("database_size_bytes", d.sizeBytes())
                            .set("start_time_utc", local(d.seedingStart()))
                            .set("estimate_time_complete_utc", local(sim.now().plusSeconds(remaining / rate)))
                            .set("total_disk_io_wait_time_ms", 0L).set("total_network_wait_time_ms", 0L)
                            .set("is_compression_enabled", true);
                });
    }

    /** The host of a listener URL such as {@code tcp://mi.abc.database.windows.net:5022;Server=[mi]}. */
    static String host(String url) {
        if (url == null) {
            return null;
        }
        String h = url.replaceFirst("(?i)^tcp://", "");
        int end = h.length();
        for (char ch : new char[] {':', ';', '/'}) {
            int i = h.indexOf(ch);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        return h.substring(0, end);
    }
}
