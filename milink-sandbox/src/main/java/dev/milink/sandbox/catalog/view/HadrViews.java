// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.view;

import dev.milink.sandbox.catalog.Values;
import dev.milink.sandbox.catalog.view.CatalogView.Permission;
import dev.milink.sandbox.catalog.view.CatalogView.Scope;
import dev.milink.sandbox.scenario.AvailabilityGroup;
import dev.milink.sandbox.scenario.Cluster;
import dev.milink.sandbox.scenario.Fabric;
import dev.milink.sandbox.scenario.Replica;
import dev.milink.sandbox.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Always On catalog and DMVs: sys.availability_groups, sys.availability_replicas,
 * sys.availability_databases_cluster, sys.dm_hadr_availability_replica_states,
 * sys.dm_hadr_database_replica_states, sys.dm_hadr_cluster, and Managed Instance's sys.dm_hadr_fabric_* views.
 */
final class HadrViews {
    private HadrViews() {}

    static List<CatalogView> all() {
        return List.of(groups(), replicas(), databasesCluster(), replicaStates(), databaseReplicaStates(), cluster(),
                fabricConfig(), fabricPartitions(), fabricReplicas(), fabricNodes());
    }

    static AvailabilityGroup groupOf(Scenario s, Scenario.Database d) {
        for (AvailabilityGroup ag : s.availabilityGroups) {
            if (!ag.distributed && ag.databases.stream().anyMatch(n -> n.equalsIgnoreCase(d.name))) {
                return ag;
            }
        }
        return null;
    }

    /** sys.availability_groups (Transact-SQL); cluster_type columns from 2017, is_distributed from 2016. */
    private static CatalogView groups() {
        return CatalogView.builder("sys", "availability_groups", Scope.SERVER)
                .columns("""
                        group_id uniqueidentifier, name sysname, resource_id nvarchar(256),
                        resource_group_id nvarchar(256), failure_condition_level int, health_check_timeout int,
                        automated_backup_preference tinyint, automated_backup_preference_desc nvarchar(60),
                        version smallint, basic_features bit, dtc_support bit, db_failover bit, is_distributed bit,
                        cluster_type tinyint since 14, cluster_type_desc nvarchar(60) since 14,
                        required_synchronized_secondaries_to_commit int since 14, sequence_number bigint since 14,
                        is_contained bit since 16
                        """)
                .rows(ctx -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (AvailabilityGroup ag : ctx.scenario().availabilityGroups) {
                        String type = ag.distributed ? "NONE" : ag.clusterType;
                        rows.add(Row.of().set("group_id", Values.guid(ag.groupId)).set("name", ag.name)
                                .set("failure_condition_level", ag.distributed ? null : 3)
                                .set("health_check_timeout", ag.distributed ? null : 30000)
                                .set("automated_backup_preference", 2)
                                .set("automated_backup_preference_desc", "secondary").set("version", 1)
                                .set("basic_features", false).set("dtc_support", false).set("db_failover", true)
                                .set("is_distributed", ag.distributed)
                                .set("cluster_type", switch (type) {
                                    case "WSFC" -> 0;
                                    case "EXTERNAL" -> 1;
                                    default -> 2;
                                })
                                .set("cluster_type_desc", type.toLowerCase(java.util.Locale.ROOT))
                                .set("required_synchronized_secondaries_to_commit", 0).set("sequence_number", 1L)
                                .set("is_contained", false).map());
                    }
                    return rows;
                });
    }

    /** sys.availability_replicas (Transact-SQL). */
    private static CatalogView replicas() {
        return CatalogView.builder("sys", "availability_replicas", Scope.SERVER)
                .columns("""
                        replica_id uniqueidentifier, group_id uniqueidentifier, replica_metadata_id int,
                        replica_server_name nvarchar(256), owner_sid varbinary(85), endpoint_url nvarchar(256),
                        availability_mode tinyint, availability_mode_desc nvarchar(60), failover_mode tinyint,
                        failover_mode_desc nvarchar(60), session_timeout int, primary_role_allow_connections tinyint,
                        primary_role_allow_connections_desc nvarchar(60), secondary_role_allow_connections tinyint,
                        secondary_role_allow_connections_desc nvarchar(60), create_date datetime,
                        modify_date datetime, backup_priority int, read_only_routing_url nvarchar(256),
                        seeding_mode tinyint, seeding_mode_desc nvarchar(60)
                        """)
                .rows(ctx -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (AvailabilityGroup ag : ctx.scenario().availabilityGroups) {
                        int n = 1;
                        for (Replica r : ag.replicas) {
                            boolean sync = "SYNCHRONOUS_COMMIT".equals(r.availabilityMode);
                            rows.add(Row.of().set("replica_id", Values.guid(r.replicaId))
                                    .set("group_id", Values.guid(ag.groupId)).set("replica_metadata_id", n++)
                                    .set("replica_server_name", r.server).set("owner_sid", Values.sid("sa"))
                                    .set("endpoint_url", r.endpointUrl).set("availability_mode", sync ? 1 : 0)
                                    .set("availability_mode_desc", r.availabilityMode)
                                    .set("failover_mode", "AUTOMATIC".equals(r.failoverMode) ? 0 : 1)
                                    .set("failover_mode_desc", r.failoverMode).set("session_timeout", 10)
                                    .set("primary_role_allow_connections", 2)
                                    .set("primary_role_allow_connections_desc", "ALL")
                                    .set("secondary_role_allow_connections", 0)
                                    .set("secondary_role_allow_connections_desc", "NO")
                                    .set("create_date", Values.time("2024-04-01T10:00:00"))
                                    .set("modify_date", Values.time("2024-04-01T10:00:00")).set("backup_priority", 50)
                                    .set("seeding_mode", "AUTOMATIC".equals(r.seedingMode) ? 0 : 1)
                                    .set("seeding_mode_desc", r.seedingMode).map());
                        }
                    }
                    return rows;
                });
    }

    /** sys.availability_databases_cluster (Transact-SQL). */
    private static CatalogView databasesCluster() {
        return CatalogView.builder("sys", "availability_databases_cluster", Scope.SERVER)
                .columns("""
                        group_id uniqueidentifier, group_database_id uniqueidentifier, database_name sysname,
                        truncation_lsn numeric(25,0)
                        """)
                .rows(ctx -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (AvailabilityGroup ag : ctx.scenario().availabilityGroups) {
                        for (String db : ag.databases) {
                            rows.add(Row.of().set("group_id", Values.guid(ag.groupId))
                                    .set("group_database_id", Values.seededGuid("agdb:" + ag.name + db))
                                    .set("database_name", db).map());
                        }
                    }
                    return rows;
                });
    }

    /** sys.dm_hadr_availability_replica_states (Transact-SQL), local replicas. */
    private static CatalogView replicaStates() {
        return CatalogView.builder("sys", "dm_hadr_availability_replica_states", Scope.SERVER)
                .requires(Permission.VIEW_SERVER_STATE)
                .columns("""
                        replica_id uniqueidentifier, group_id uniqueidentifier, is_local bit, role tinyint,
                        role_desc nvarchar(60), operational_state tinyint, operational_state_desc nvarchar(60),
                        connected_state tinyint, connected_state_desc nvarchar(60), recovery_health tinyint,
                        recovery_health_desc nvarchar(60), synchronization_health tinyint,
                        synchronization_health_desc nvarchar(60), last_connect_error_number int,
                        last_connect_error_description nvarchar(4000), last_connect_error_timestamp datetime
                        """)
                .rows(ctx -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (AvailabilityGroup ag : ctx.scenario().availabilityGroups) {
                        if (ag.distributed && ag.replicas.size() == 2) {
                            rows.addAll(LinkViews.replicaStates(ctx, ag));
                            continue;
                        }
                        for (Replica r : ag.replicas) {
                            boolean primary = "PRIMARY".equals(r.role);
                            boolean connected = "CONNECTED".equals(r.connectedState);
                            rows.add(Row.of().set("replica_id", Values.guid(r.replicaId))
                                    .set("group_id", Values.guid(ag.groupId))
                                    .set("is_local", r.server.equalsIgnoreCase(ctx.scenario().server.serverName))
                                    .set("role", primary ? 1 : 2).set("role_desc", r.role)
                                    .set("operational_state", 2).set("operational_state_desc", "ONLINE")
                                    .set("connected_state", connected ? 1 : 0).set("connected_state_desc", r.connectedState)
                                    .set("recovery_health", 1).set("recovery_health_desc", "ONLINE")
                                    .set("synchronization_health", "HEALTHY".equals(r.synchronizationHealth) ? 2 : 0)
                                    .set("synchronization_health_desc", r.synchronizationHealth).map());
                        }
                    }
                    return rows;
                });
    }

    /** sys.dm_hadr_database_replica_states (Transact-SQL), the leading columns. */
    private static CatalogView databaseReplicaStates() {
        return CatalogView.builder("sys", "dm_hadr_database_replica_states", Scope.SERVER)
                .requires(Permission.VIEW_SERVER_STATE)
                .columns("""
                        database_id int, group_id uniqueidentifier, replica_id uniqueidentifier,
                        group_database_id uniqueidentifier, is_local bit, is_primary_replica bit,
                        synchronization_state tinyint, synchronization_state_desc nvarchar(60),
                        is_commit_participant bit, synchronization_health tinyint,
                        synchronization_health_desc nvarchar(60), database_state tinyint,
                        database_state_desc nvarchar(60), is_suspended bit, suspend_reason tinyint,
                        suspend_reason_desc nvarchar(60), recovery_lsn numeric(25,0), truncation_lsn numeric(25,0),
                        last_sent_lsn numeric(25,0), last_sent_time datetime, last_received_lsn numeric(25,0),
                        last_received_time datetime, last_hardened_lsn numeric(25,0), last_hardened_time datetime,
                        last_redone_lsn numeric(25,0), last_redone_time datetime, log_send_queue_size bigint,
                        log_send_rate bigint, redo_queue_size bigint, redo_rate bigint, filestream_send_rate bigint,
                        end_of_log_lsn numeric(25,0), last_commit_lsn numeric(25,0), last_commit_time datetime,
                        low_water_mark_for_ghosts bigint, secondary_lag_seconds bigint,
                        quorum_commit_lsn numeric(25,0) since 16, quorum_commit_time datetime since 16
                        """)
                .rows(ctx -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    Scenario s = ctx.scenario();
                    for (AvailabilityGroup ag : s.availabilityGroups) {
                        if (ag.distributed && ag.replicas.size() == 2) {
                            rows.addAll(LinkViews.databaseStates(ctx, ag));
                            continue;
                        }
                        for (String name : ag.databases) {
                            Scenario.Database d = s.database(name);
                            Replica local = ag.replicas.isEmpty() ? null : ag.replicas.get(0);
                            rows.add(Row.of().set("database_id", d == null ? null : d.id)
                                    .set("group_id", Values.guid(ag.groupId))
                                    .set("replica_id", local == null ? null : Values.guid(local.replicaId))
                                    .set("group_database_id", Values.seededGuid("agdb:" + ag.name + name))
                                    .set("is_local", true).set("is_primary_replica", true)
                                    .set("synchronization_state", 2).set("synchronization_state_desc", "SYNCHRONIZED")
                                    .set("is_commit_participant", true).set("synchronization_health", 2)
                                    .set("synchronization_health_desc", "HEALTHY").set("database_state", 0)
                                    .set("database_state_desc", "ONLINE").set("is_suspended", false)
                                    .set("log_send_queue_size", 0L).set("redo_queue_size", 0L).map());
                        }
                    }
                    return rows;
                });
    }

    /** sys.dm_hadr_cluster (Transact-SQL): one row when the node is in a WSFC, else empty. */
    private static CatalogView cluster() {
        return CatalogView.builder("sys", "dm_hadr_cluster", Scope.SERVER)
                .requires(Permission.VIEW_SERVER_STATE)
                .columns("""
                        cluster_name nvarchar(256), quorum_type tinyint, quorum_type_desc nvarchar(60),
                        quorum_state tinyint, quorum_state_desc nvarchar(60)
                        """)
                .oneRow(ctx -> {
                    Cluster c = ctx.scenario().cluster;
                    if (c == null) {
                        return null;
                    }
                    return Row.of().set("cluster_name", c.name).set("quorum_type", 0)
                            .set("quorum_type_desc", c.quorumType).set("quorum_state", 1)
                            .set("quorum_state_desc", c.quorumState);
                });
    }

    private static CatalogView.Builder fabric(String name) {
        return CatalogView.builder("sys", name, Scope.SERVER).exists(Scenario::isManagedInstance)
                .requires(Permission.VIEW_SERVER_STATE);
    }

    /** sys.dm_hadr_fabric_config_parameters (Managed Instance): DnsRecordName, ClusterName, HadrPort, InstanceName. */
    private static CatalogView fabricConfig() {
        return fabric("dm_hadr_fabric_config_parameters")
                .columns("""
                        section_name nvarchar(256), parameter_name nvarchar(256), value_type nvarchar(256),
                        parameter_value nvarchar(4000)
                        """)
                .rows(ctx -> {
                    Fabric f = ctx.scenario().fabric;
                    if (f == null) {
                        return List.of();
                    }
                    return List.of(param("SQL", "DnsRecordName", "string", f.dnsRecordName),
                            param("SQL", "InstanceName", "string", f.instanceName),
                            param("SQL", "HadrPort", "int", String.valueOf(f.hadrPort)),
                            param("FabricNode", "ClusterName", "string", f.clusterName));
                });
    }

    private static Map<String, Object> param(String section, String name, String type, String value) {
        return Row.of().set("section_name", section).set("parameter_name", name).set("value_type", type)
                .set("parameter_value", value).map();
    }

    /** sys.dm_hadr_fabric_partitions (Managed Instance). */
    private static CatalogView fabricPartitions() {
        return fabric("dm_hadr_fabric_partitions")
                .columns("""
                        partition_id uniqueidentifier, service_name nvarchar(256), partition_kind tinyint,
                        partition_kind_desc nvarchar(60), partition_status tinyint,
                        partition_status_desc nvarchar(60), current_configuration_epoch bigint
                        """)
                .oneRow(ctx -> {
                    Fabric f = ctx.scenario().fabric;
                    if (f == null) {
                        return null;
                    }
                    return Row.of().set("partition_id", Values.guid(f.partitionId))
                            .set("service_name", serviceName(ctx.scenario())).set("partition_kind", 1)
                            .set("partition_kind_desc", "SINGLETON").set("partition_status", 1)
                            .set("partition_status_desc", "READY").set("current_configuration_epoch", 42L);
                });
    }

    static String serviceName(Scenario s) {
        Fabric f = s.fabric;
        return f.serviceName != null ? f.serviceName : "fabric:/Worker.CL/SQL.ManagedServer/" + f.instanceName;
    }

    /** sys.dm_hadr_fabric_replicas (Managed Instance): replica_role 2 marks the primary node. */
    private static CatalogView fabricReplicas() {
        return fabric("dm_hadr_fabric_replicas")
                .columns("""
                        partition_id uniqueidentifier, replica_id bigint, replica_status tinyint,
                        replica_status_desc nvarchar(60), replica_role tinyint, replica_role_desc nvarchar(60),
                        node_name nvarchar(256), replica_address nvarchar(4000)
                        """)
                .rowPer(HadrViews::nodes, (ctx, node) -> Row.of()
                        .set("partition_id", Values.guid(ctx.scenario().fabric.partitionId))
                        .set("replica_id", 132_000_000_000_000_001L + node.index())
                        .set("replica_status", 2).set("replica_status_desc", "READY")
                        .set("replica_role", node.primary() ? 2 : 3)
                        .set("replica_role_desc", node.primary() ? "PRIMARY" : "ACTIVE_SECONDARY")
                        .set("node_name", node.name())
                        .set("replica_address", node.name() + "\\" + ctx.scenario().fabric.instanceName + ",11000"));
    }

    /** sys.dm_hadr_fabric_nodes (Managed Instance). */
    private static CatalogView fabricNodes() {
        return fabric("dm_hadr_fabric_nodes")
                .columns("""
                        node_name nvarchar(256), node_id nvarchar(256), node_instance_id bigint,
                        upgrade_domain nvarchar(256), fault_domain nvarchar(256), node_status tinyint,
                        node_status_desc nvarchar(60), ip_address_or_fqdn nvarchar(256)
                        """)
                .rowPer(HadrViews::nodes, (ctx, node) -> Row.of()
                        .set("node_name", node.name()).set("node_id", Integer.toHexString(0x1000 + node.index()))
                        .set("node_instance_id", 1L + node.index()).set("upgrade_domain", "UD" + node.index())
                        .set("fault_domain", "fd:/FD" + node.index()).set("node_status", 1)
                        .set("node_status_desc", "UP")
                        .set("ip_address_or_fqdn", node.name() + "." + ctx.scenario().fabric.clusterName));
    }

    /** A Service Fabric node of a Managed Instance, numbered from 0 in the order the fabric DMVs list them. */
    private record FabricNode(int index, String name, boolean primary) {}

    /** The instance's nodes, the primary first; none when the scenario has no fabric (not a Managed Instance). */
    private static List<FabricNode> nodes(ViewContext ctx) {
        Fabric f = ctx.scenario().fabric;
        List<FabricNode> nodes = new ArrayList<>();
        if (f != null) {
            for (String node : f.nodes()) {
                nodes.add(new FabricNode(nodes.size(), node, node.equals(f.primaryNode)));
            }
        }
        return nodes;
    }
}
