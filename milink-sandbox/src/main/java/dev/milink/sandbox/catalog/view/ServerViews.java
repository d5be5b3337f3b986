// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.view;

import dev.milink.sandbox.catalog.Values;
import dev.milink.sandbox.catalog.view.CatalogView.Permission;
import dev.milink.sandbox.catalog.view.CatalogView.Scope;
import dev.milink.sandbox.scenario.Host;
import dev.milink.sandbox.scenario.RegistryValue;
import dev.milink.sandbox.scenario.Scenario;
import dev.milink.sandbox.scenario.Server;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Instance-level DMVs and views: sys.configurations, sys.dm_server_registry, sys.dm_server_services,
 * sys.dm_os_host_info (2017+), sys.dm_os_windows_info, sys.dm_os_sys_info.
 */
final class ServerViews {
    private ServerViews() {}

    static List<CatalogView> all() {
        return List.of(configurations(), registry(), services(), hostInfo(), windowsInfo(), sysInfo());
    }

    /** sys.configurations (Transact-SQL). */
    private static CatalogView configurations() {
        return CatalogView.builder("sys", "configurations", Scope.SERVER)
                .columns("""
                        configuration_id int, name nvarchar(35), value sql_variant, minimum sql_variant,
                        maximum sql_variant, value_in_use sql_variant, description nvarchar(255), is_dynamic bit,
                        is_advanced bit
                        """)
                .rows(ctx -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (Configuration c : Configuration.ALL) {
                        int value = c.value(ctx.scenario());
                        int inUse = c.valueInUse(ctx.scenario());
                        rows.add(Row.of().set("configuration_id", c.id()).set("name", c.name()).set("value", value)
                                .set("minimum", c.minimum()).set("maximum", c.maximum()).set("value_in_use", inUse)
                                .set("description", c.description()).set("is_dynamic", c.dynamic())
                                .set("is_advanced", c.advanced()).map());
                    }
                    return rows;
                });
    }

    /** sys.dm_server_registry (Transact-SQL): service keys, CurrentVersion, startup parameters, TCP port. */
    private static CatalogView registry() {
        return CatalogView.builder("sys", "dm_server_registry", Scope.SERVER)
                .requires(Permission.VIEW_SERVER_STATE)
                .columns("""
                        registry_key nvarchar(256), value_name nvarchar(256), value_data sql_variant
                        """)
                .rows(ctx -> {
                    Scenario s = ctx.scenario();
                    String instance = s.server.instanceId(s.majorVersion());
                    String root = "HKLM\\Software\\Microsoft\\Microsoft SQL Server\\" + instance + "\\MSSQLServer";
                    String service = s.server.instanceName == null ? "MSSQLSERVER" : "MSSQL$" + s.server.instanceName;
                    String agent = s.server.instanceName == null ? "SQLSERVERAGENT" : "SQLAgent$" + s.server.instanceName;
                    List<Map<String, Object>> rows = new ArrayList<>();
                    if (!s.isLinux()) {
                        rows.add(reg("HKLM\\SYSTEM\\CurrentControlSet\\Services\\" + service, "ImagePath",
                                "\"" + s.server.dataRoot + "\\Binn\\sqlservr.exe\" -s" + service));
                        rows.add(reg("HKLM\\SYSTEM\\CurrentControlSet\\Services\\" + service, "Start", 2));
                        rows.add(reg("HKLM\\SYSTEM\\CurrentControlSet\\Services\\" + service, "ObjectName",
                                "NT Service\\" + service));
                        rows.add(reg("HKLM\\SYSTEM\\CurrentControlSet\\Services\\" + agent, "ImagePath",
                                "\"" + s.server.dataRoot + "\\Binn\\SQLAGENT.EXE\" -i " + service));
                        rows.add(reg("HKLM\\SYSTEM\\CurrentControlSet\\Services\\" + agent, "Start",
                                "Automatic".equalsIgnoreCase(s.agent.startupType) ? 2 : 3));
                        rows.add(reg("HKLM\\SYSTEM\\CurrentControlSet\\Services\\" + agent, "ObjectName",
                                s.agent.serviceAccount));
                    }
                    rows.add(reg(root + "\\CurrentVersion", "CurrentVersion", s.server.productVersion));
                    if (!s.isLinux()) {
                        int n = 0;
                        for (String p : s.startupParameters) {
                            rows.add(reg(root + "\\Parameters", "SQLArg" + n++, p));
                        }
                        for (Integer flag : s.traceFlags.startup) {
                            rows.add(reg(root + "\\Parameters", "SQLArg" + n++, "-T" + flag));
                        }
                    }
                    rows.add(reg(root + "\\SuperSocketNetLib\\Tcp\\IPAll", "TcpPort", String.valueOf(s.server.tcpPort)));
                    rows.add(reg(root + "\\SuperSocketNetLib\\Tcp\\IPAll", "TcpDynamicPorts", ""));
                    for (RegistryValue v : s.registry) {
                        rows.add(reg(v.key, v.name, v.data));
                    }
                    return rows;
                });
    }

    private static Map<String, Object> reg(String key, String name, Object data) {
        return Row.of().set("registry_key", key).set("value_name", name).set("value_data", data).map();
    }

    /** sys.dm_server_services (Transact-SQL): the engine and Agent services. */
    private static CatalogView services() {
        return CatalogView.builder("sys", "dm_server_services", Scope.SERVER)
                .requires(Permission.VIEW_SERVER_STATE)
                .columns("""
                        servicename nvarchar(256), startup_type int, startup_type_desc nvarchar(256), status int,
                        status_desc nvarchar(256), process_id int, last_startup_time datetimeoffset,
                        service_account nvarchar(256), filename nvarchar(256), is_clustered nvarchar(1),
                        cluster_nodename nvarchar(256), instant_file_initialization_enabled nvarchar(1)
                        """)
                .rows(ctx -> {
                    Scenario s = ctx.scenario();
                    String suffix = s.server.instanceName == null ? "MSSQLSERVER" : s.server.instanceName;
                    OffsetDateTime started = Values.time(s.server.startTime).atOffset(ZoneOffset.UTC);
                    String engineAccount = s.isLinux() ? "mssql" : "NT Service\\MSSQL" + (s.server.instanceName == null
                            ? "SERVER" : "$" + s.server.instanceName);
                    List<Map<String, Object>> rows = new ArrayList<>();
                    rows.add(service(s, "SQL Server (" + suffix + ")", "Automatic", "Running", s.server.processId,
                            started, engineAccount, s.server.dataRoot + (s.isLinux() ? "/bin/sqlservr" : "\\Binn\\sqlservr.exe")));
                    boolean agentRunning = s.agent.running();
                    rows.add(service(s, "SQL Server Agent (" + suffix + ")", s.agent.startupType,
                            agentRunning ? "Running" : "Stopped", agentRunning ? s.server.processId + 1 : null,
                            agentRunning ? started.plusSeconds(20) : null, s.agent.serviceAccount,
                            s.server.dataRoot + (s.isLinux() ? "/bin/sqlagent" : "\\Binn\\SQLAGENT.EXE")));
                    return rows;
                });
    }

    private static Map<String, Object> service(Scenario s, String name, String startup, String status, Integer pid,
                                               OffsetDateTime started, String account, String file) {
        int startupCode = switch (startup) {
            case "Automatic" -> 2;
            case "Disabled" -> 4;
            default -> 3;
        };
        return Row.of().set("servicename", name).set("startup_type", startupCode).set("startup_type_desc", startup)
                .set("status", "Running".equals(status) ? 4 : 1).set("status_desc", status).set("process_id", pid)
                .set("last_startup_time", started).set("service_account", account).set("filename", file)
                .set("is_clustered", s.server.clustered ? "Y" : "N")
                .set("cluster_nodename", s.server.clustered ? s.server.machineName : null)
                .set("instant_file_initialization_enabled", "Y").map();
    }

    /** sys.dm_os_host_info (Transact-SQL), SQL Server 2017 and later. */
    private static CatalogView hostInfo() {
        return CatalogView.builder("sys", "dm_os_host_info", Scope.SERVER).since(14)
                .columns("""
                        host_platform nvarchar(256), host_distribution nvarchar(256), host_release nvarchar(256),
                        host_service_pack_level nvarchar(256), host_sku int, os_language_version int,
                        host_architecture nvarchar(256) since 16
                        """)
                .oneRow(ctx -> {
                    Host h = ctx.scenario().host;
                    return Row.of().set("host_platform", h.platform).set("host_distribution", h.distribution)
                            .set("host_release", h.release).set("host_service_pack_level", h.servicePackLevel)
                            .set("host_sku", h.sku).set("os_language_version", h.languageVersion)
                            .set("host_architecture", "X64");
                });
    }

    /** sys.dm_os_windows_info (Transact-SQL); on Linux it has a row of Linux values too. */
    private static CatalogView windowsInfo() {
        return CatalogView.builder("sys", "dm_os_windows_info", Scope.SERVER)
                .columns("""
                        windows_release nvarchar(256), windows_service_pack_level nvarchar(256), windows_sku int,
                        os_language_version int
                        """)
                .oneRow(ctx -> {
                    Host h = ctx.scenario().host;
                    return Row.of().set("windows_release", h.release)
                            .set("windows_service_pack_level", h.servicePackLevel).set("windows_sku", h.sku)
                            .set("os_language_version", h.languageVersion);
                });
    }

    /** sys.dm_os_sys_info (Transact-SQL), the columns readiness checks use and their neighbours. */
    private static CatalogView sysInfo() {
        return CatalogView.builder("sys", "dm_os_sys_info", Scope.SERVER)
                .requires(Permission.VIEW_SERVER_PERFORMANCE_STATE)
                .columns("""
                        cpu_ticks bigint, ms_ticks bigint, cpu_count int, hyperthread_ratio int,
                        physical_memory_kb bigint, virtual_memory_kb bigint, committed_kb bigint,
                        committed_target_kb bigint, visible_target_kb bigint, max_workers_count int,
                        scheduler_count int, scheduler_total_count int, sqlserver_start_time_ms_ticks bigint,
                        sqlserver_start_time datetime, affinity_type int, affinity_type_desc nvarchar(60),
                        virtual_machine_type int, virtual_machine_type_desc nvarchar(60), softnuma_configuration int,
                        softnuma_configuration_desc nvarchar(60), socket_count int, cores_per_socket int,
                        numa_node_count int, container_type int since 15, container_type_desc nvarchar(60) since 15
                        """)
                .oneRow(ctx -> {
                    Server v = ctx.scenario().server;
                    return Row.of().set("cpu_ticks", 123_456_789_012L).set("ms_ticks", 86_400_000L)
                            .set("cpu_count", v.cpuCount).set("hyperthread_ratio", v.cpuCount)
                            .set("physical_memory_kb", v.physicalMemoryKb).set("virtual_memory_kb", 137_438_953_344L)
                            .set("committed_kb", v.committedTargetKb() / 2)
                            .set("committed_target_kb", v.committedTargetKb())
                            .set("visible_target_kb", v.committedTargetKb()).set("max_workers_count", 576)
                            .set("scheduler_count", v.schedulers()).set("scheduler_total_count", v.schedulers() + 11)
                            .set("sqlserver_start_time_ms_ticks", 1_000L)
                            .set("sqlserver_start_time", Values.time(v.startTime)).set("affinity_type", 2)
                            .set("affinity_type_desc", "AUTO").set("virtual_machine_type", 1)
                            .set("virtual_machine_type_desc", "HYPERVISOR").set("softnuma_configuration", 0)
                            .set("softnuma_configuration_desc", "OFF").set("socket_count", 1)
                            .set("cores_per_socket", v.cpuCount).set("numa_node_count", 1).set("container_type", 0)
                            .set("container_type_desc", "NONE");
                });
    }
}
