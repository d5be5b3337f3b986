// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.command;

import dev.milink.sandbox.catalog.TsqlException;
import dev.milink.sandbox.catalog.tsql.Token;
import dev.milink.sandbox.engine.ResultSink;
import dev.milink.sandbox.link.LinkSide;
import dev.milink.sandbox.link.LinkSimulation;
import dev.milink.sandbox.scenario.AvailabilityGroup;
import dev.milink.sandbox.scenario.Replica;
import dev.milink.sandbox.scenario.Scenario;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * CREATE / ALTER / DROP AVAILABILITY GROUP, for an availability group and for a distributed one (the link). The
 * catalog keeps the definitions ({@code scenario.availabilityGroups}); a distributed AG is also declared to the
 * instance's {@link LinkSimulation}, which owns its run-time state (roles, seeding, LSNs).
 */
final class AvailabilityGroupCommands {
    private AvailabilityGroupCommands() {}

    static void create(CommandContext ctx, TokenCursor c, ResultSink sink) throws TsqlException {
        String name = groupName(ctx, c);
        Scenario s = ctx.scenario();
        Map<String, String> with = c.accept("WITH") ? options(c) : Map.of();
        if (with.containsKey("CLUSTER_TYPE") && s.majorVersion() < 14) {
            throw TsqlException.syntax("CLUSTER_TYPE", 1);
        }
        if (!s.server.hadrEnabled) {
            throw TsqlException.of(35221, 1, 16, "Could not process the operation. Always On Availability Groups "
                    + "replica manager is disabled on this instance of SQL Server. Enable Always On Availability "
                    + "Groups, by using the SQL Server Configuration Manager. Then, restart the SQL Server service, "
                    + "and retry the currently operation. For information about how to enable and disable Always On "
                    + "Availability Groups, see SQL Server Books Online.");
        }
        if (find(s, name) != null) {
            throw TsqlException.of(41042, 1, 16, "The availability group '" + name + "' already exists. This error "
                    + "could be caused by a previous failed CREATE AVAILABILITY GROUP or DROP AVAILABILITY GROUP "
                    + "operation. If the availability group name you specified is correct, try dropping the "
                    + "availability group and then retry CREATE AVAILABILITY GROUP operation.");
        }
        AvailabilityGroup ag = new AvailabilityGroup();
        ag.name = name;
        ag.groupId = uuid("ag:" + name);
        if (with.containsKey("DISTRIBUTED")) {
            createDistributed(ctx, c, ag, sink);
            return;
        }
        ag.clusterType = with.getOrDefault("CLUSTER_TYPE", "WSFC")
                .toUpperCase(Locale.ROOT);
        if ("WSFC".equals(ag.clusterType) && s.cluster == null && !s.isLinux()) {
            throw TsqlException.of(35220, 1, 16, "Could not process the operation. Always On Availability Groups "
                    + "replica manager is waiting for the host computer to start a Windows Server Failover "
                    + "Clustering (WSFC) cluster and join it. Either the local computer is not a cluster node, or the "
                    + "local cluster node is not online. If the computer is a cluster node, wait for it to join the "
                    + "cluster. If the computer is not a cluster node, add the computer to a WSFC cluster. Then, "
                    + "retry the operation.");
        }
        c.expect("FOR");
        if (c.accept("DATABASE")) {
            do {
                String db = c.name();
                checkDatabase(s, db, name);
                ag.databases.add(s.database(db).name);
            } while (c.acceptSymbol(","));
        }
        c.expect("REPLICA");
        c.expect("ON");
        do {
            Replica r = replica(c, name, false);
            r.role = r.server.equalsIgnoreCase(s.server.serverName) ? "PRIMARY" : "SECONDARY";
            r.connectedState = r.role.equals("PRIMARY") ? "CONNECTED" : "DISCONNECTED";
            r.synchronizationHealth = r.role.equals("PRIMARY") ? "HEALTHY" : "NOT_HEALTHY";
            ag.replicas.add(r);
        } while (c.acceptSymbol(","));
        if (ag.replicas.stream().noneMatch(r -> r.server.equalsIgnoreCase(s.server.serverName))) {
            throw TsqlException.of(35237, 1, 16, "None of the specified replicas for availability group " + name
                    + " maps to the instance of SQL Server to which you are connected. Reenter the command, "
                    + "specifying this server instance to host one of the replicas. This replica will be the initial "
                    + "primary replica.");
        }
        if (!c.atEnd()) {
            throw c.unexpected();
        }
        s.availabilityGroups.add(ag);
        for (String db : ag.databases) {
            s.database(db).availabilityGroup = ag.name;
        }
        sink.done();
    }

    private static void checkDatabase(Scenario s, String db, String ag) throws TsqlException {
        Scenario.Database d = s.database(db);
        if (d == null) {
            throw TsqlException.of(911, 1, 16, "Database '" + db + "' does not exist. Make sure that the name is "
                    + "entered correctly.");
        }
        if (d.isSystem() || d.availabilityGroup != null) {
            throw TsqlException.of(35250, 7, 16, "The database '" + d.name + "' cannot be added to availability group '"
                    + ag + "': it is a system database or already joined to an availability group.");
        }
        if (!"FULL".equalsIgnoreCase(d.recovery)) {
            throw TsqlException.of(1475, 1, 16, "Database \"" + d.name + "\" might contain bulk logged changes that "
                    + "have not been backed up, or is not in the FULL recovery model. Take a log backup on the "
                    + "principal database or primary database. Then restore this backup either on the mirror "
                    + "database to enable database mirroring or on every secondary database to enable you to join "
                    + "it to the availability group.");
        }
        if (d.lastLogBackupLsn == null) {
            throw TsqlException.of(41158, 3, 16, "Database '" + d.name + "' cannot be added to availability group '"
                    + ag + "': it has no full backup that starts its log chain. Take a full database backup, then "
                    + "retry the operation.");
        }
    }

    /** CREATE AVAILABILITY GROUP [dag] WITH (DISTRIBUTED) AVAILABILITY GROUP ON N'ag' WITH (…), N'mi-ag' WITH (…). */
    private static void createDistributed(CommandContext ctx, TokenCursor c, AvailabilityGroup dag, ResultSink sink)
            throws TsqlException {
        Scenario s = ctx.scenario();
        dag.distributed = true;
        dag.clusterType = "NONE";
        c.expect("AVAILABILITY");
        c.expect("GROUP");
        c.expect("ON");
        do {
            dag.replicas.add(replica(c, dag.name, true));
        } while (c.acceptSymbol(","));
        if (!c.atEnd()) {
            throw c.unexpected();
        }
        if (dag.replicas.size() != 2) {
            throw TsqlException.of(35260, 1, 16, "A distributed availability group must name exactly two availability "
                    + "groups.");
        }
        AvailabilityGroup local = find(s, dag.replicas.get(0).server);
        if (local == null || local.distributed) {
            throw TsqlException.of(15151, 1, 16, "Cannot find the availability group '" + dag.replicas.get(0).server
                    + "', because it does not exist or you do not have permission.");
        }
        boolean primary = !local.databases.isEmpty();
        Replica first = dag.replicas.get(0);
        Replica second = dag.replicas.get(1);
        first.role = primary ? "PRIMARY" : "SECONDARY";
        second.role = primary ? "SECONDARY" : "PRIMARY";
        dag.databases.addAll(local.databases);
        s.availabilityGroups.add(dag);
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String db : local.databases) {
            Scenario.Database d = s.database(db);
            sizes.put(db.toLowerCase(Locale.ROOT), d.files.stream().filter(f -> !"LOG".equals(f.type))
                    .mapToLong(f -> f.sizeMb).sum() * 1024 * 1024);
        }
        ctx.instance().link().sqlCreated(new LinkSide.Sql(dag.name, local.name, second.server, first.endpointUrl,
                second.endpointUrl, local.databases, sizes, primary ? LinkSide.Role.PRIMARY : LinkSide.Role.SECONDARY,
                local.canCreateAnyDatabase));
        sink.done();
    }

    static void alter(CommandContext ctx, TokenCursor c, ResultSink sink) throws TsqlException {
        String name = groupName(ctx, c);
        AvailabilityGroup ag = find(ctx.scenario(), name);
        if (ag == null) {
            throw TsqlException.of(15151, 1, 16, "Cannot alter the availability group '" + name
                    + "', because it does not exist or you do not have permission.");
        }
        LinkSimulation link = ctx.instance().link();
        Token verb = c.next();
        LinkSimulation.Outcome outcome = LinkSimulation.Outcome.OK;
        switch (verb.upper()) {
            case "FAILOVER" -> outcome = distributedOnly(ag, () -> link.sqlFailover(ag.name));
            case "FORCE_FAILOVER_ALLOW_DATA_LOSS" -> outcome = distributedOnly(ag, () -> link.sqlForceFailover(ag.name));
            case "SET" -> {
                Map<String, String> o = options(c);
                if (!"SECONDARY".equalsIgnoreCase(o.get("ROLE"))) {
                    throw c.unexpected();
                }
                outcome = distributedOnly(ag, () -> link.sqlSetSecondary(ag.name));
            }
            case "MODIFY" -> modify(ctx, c, ag);
            case "GRANT", "DENY" -> {
                c.expect("CREATE");
                c.expect("ANY");
                c.expect("DATABASE");
                ag.canCreateAnyDatabase = "GRANT".equals(verb.upper());
                if (ag.canCreateAnyDatabase) {
                    link.sqlGrantCreateAnyDatabase(ag.name);
                }
            }
            case "ADD", "REMOVE" -> {
                c.expect("DATABASE");
                String db = c.name();
                if ("ADD".equals(verb.upper())) {
                    checkDatabase(ctx.scenario(), db, ag.name);
                    ag.databases.add(ctx.scenario().database(db).name);
                    ctx.scenario().database(db).availabilityGroup = ag.name;
                } else if (ag.databases.removeIf(d -> d.equalsIgnoreCase(db))) {
                    ctx.scenario().database(db).availabilityGroup = null;
                }
            }
            default -> throw TsqlException.syntax(verb.text(), verb.line());
        }
        if (!outcome.ok()) {
            throw TsqlException.of(outcome.sqlError(), 1, 16, outcome.message());
        }
        syncRoles(ctx.scenario(), link, ag);
        sink.done();
    }

    /** MODIFY AVAILABILITY GROUP ON 'ag' WITH (…)[, 'ag2' WITH (…)] | MODIFY REPLICA ON N'server' WITH (…). */
    private static void modify(CommandContext ctx, TokenCursor c, AvailabilityGroup ag) throws TsqlException {
        boolean members = c.accept("AVAILABILITY");
        if (members) {
            c.expect("GROUP");
        } else {
            c.expect("REPLICA");
        }
        c.expect("ON");
        do {
            String member = nameOrString(c);
            c.expect("WITH");
            Map<String, String> o = options(c);
            Replica r = ag.replicas.stream().filter(x -> x.server.equalsIgnoreCase(member)).findFirst().orElse(null);
            if (r == null) {
                throw TsqlException.of(35212, 1, 16, "The operation is not valid: '" + member + "' is not a "
                        + (members ? "member" : "replica") + " of availability group '" + ag.name + "'.");
            }
            replicaOptions(r, o, ag.distributed);
        } while (c.acceptSymbol(","));
        if (ag.distributed) {
            ctx.instance().link().sqlCommitMode(ag.name, ag.replicas.stream()
                    .allMatch(r -> "SYNCHRONOUS_COMMIT".equals(r.availabilityMode)));
        }
    }

    private static LinkSimulation.Outcome distributedOnly(AvailabilityGroup ag,
            java.util.function.Supplier<LinkSimulation.Outcome> action) throws TsqlException {
        if (!ag.distributed) {
            throw TsqlException.of(50000, 1, 16, "The sandbox simulates role changes of distributed availability "
                    + "groups only ('" + ag.name + "' is an availability group).");
        }
        return action.get();
    }

    /** After a role change: the DAG members' roles as the simulation has them. */
    static void syncRoles(Scenario s, LinkSimulation link, AvailabilityGroup dag) {
        if (!dag.distributed) {
            return;
        }
        link.link(dag.name).ifPresent(state -> {
            if (state.sqlRole() != null) {
                dag.replicas.get(0).role = state.sqlRole().name();
            }
            if (state.miRole() != null) {
                dag.replicas.get(1).role = state.miRole().name();
            }
        });
    }

    static void drop(CommandContext ctx, TokenCursor c, ResultSink sink) throws TsqlException {
        String name = groupName(ctx, c);
        Scenario s = ctx.scenario();
        AvailabilityGroup ag = find(s, name);
        if (ag == null) {
            throw TsqlException.of(15151, 1, 16, "Cannot drop the availability group '" + name
                    + "', because it does not exist or you do not have permission.");
        }
        s.availabilityGroups.remove(ag);
        if (ag.distributed) {
            ctx.instance().link().sqlDropped(ag.name);
        } else {
            for (String db : ag.databases) {
                Scenario.Database d = s.database(db);
                if (d != null) {
                    d.availabilityGroup = null;
                }
            }
        }
        sink.done();
    }

    static AvailabilityGroup find(Scenario s, String name) {
        return s.availabilityGroups.stream().filter(a -> a.name.equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    /** {@code AVAILABILITY GROUP name} after CREATE, ALTER or DROP, for a login allowed to change the groups. */
    private static String groupName(CommandContext ctx, TokenCursor c) throws TsqlException {
        c.expect("AVAILABILITY");
        c.expect("GROUP");
        String name = c.name();
        if (!(ctx.sysadmin() || ctx.instance().hasPermission(ctx.principal(), "ALTER ANY AVAILABILITY GROUP"))) {
            throw TsqlException.of(15247, 1, 16, "User does not have permission to perform this action.");
        }
        return name;
    }

    /**
     * {@code N'server' WITH (…)} in a CREATE: one replica, or in a distributed group one member availability group,
     * with the id it keeps for the group's life.
     */
    private static Replica replica(TokenCursor c, String group, boolean distributed) throws TsqlException {
        Replica r = new Replica();
        r.server = nameOrString(c);
        c.expect("WITH");
        replicaOptions(r, options(c), distributed);
        r.replicaId = uuid("replica:" + group + ":" + r.server);
        return r;
    }

    private static void replicaOptions(Replica r, Map<String, String> o, boolean distributed) throws TsqlException {
        for (Map.Entry<String, String> e : o.entrySet()) {
            String v = e.getValue().toUpperCase(Locale.ROOT);
            switch (e.getKey()) {
                case "ENDPOINT_URL" -> {
                    if (distributed) {
                        throw TsqlException.syntax("ENDPOINT_URL", 1);
                    }
                    r.endpointUrl = e.getValue();
                }
                case "LISTENER_URL" -> {
                    if (!distributed) {
                        throw TsqlException.syntax("LISTENER_URL", 1);
                    }
                    r.endpointUrl = e.getValue();
                }
                case "AVAILABILITY_MODE" -> r.availabilityMode = oneOf(v, "SYNCHRONOUS_COMMIT", "ASYNCHRONOUS_COMMIT",
                        "CONFIGURATION_ONLY");
                case "FAILOVER_MODE" -> r.failoverMode = oneOf(v, "MANUAL", "AUTOMATIC", "EXTERNAL");
                case "SEEDING_MODE" -> r.seedingMode = oneOf(v, "AUTOMATIC", "MANUAL");
                case "SESSION_TIMEOUT", "BACKUP_PRIORITY", "PRIMARY_ROLE", "SECONDARY_ROLE" -> { }
                default -> throw TsqlException.syntax(e.getKey(), 1);
            }
        }
    }

    private static String oneOf(String v, String... allowed) throws TsqlException {
        for (String a : allowed) {
            if (a.equals(v)) {
                return a;
            }
        }
        throw TsqlException.syntax(v, 1);
    }

    /** ( KEY = value | KEY ( … ) | KEY [, …] ): upper-cased keys, values as written (strings unquoted). */
    static Map<String, String> options(TokenCursor c) throws TsqlException {
        Map<String, String> out = new LinkedHashMap<>();
        c.expectSymbol("(");
        do {
            String key = c.next().upper();
            if (c.acceptSymbol("=")) {
                Token v = c.next();
                out.put(key, v.value());
            } else if (c.peek().isSymbol("(")) {
                int depth = 0;
                do {
                    Token t = c.next();
                    depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
                } while (depth > 0);
                out.put(key, "");
            } else {
                out.put(key, "");
            }
        } while (c.acceptSymbol(","));
        c.expectSymbol(")");
        return out;
    }

    private static String nameOrString(TokenCursor c) throws TsqlException {
        Token t = c.next();
        if (!t.isIdentifier() && !t.isString()) {
            throw TsqlException.syntax(t.text(), t.line());
        }
        return t.value();
    }

    private static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
