// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Raw rows as SQL Server 2022 on Windows returns them to a sysadmin: one user database "Sales". */
final class RawFixture {

    private RawFixture() {
    }

    static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return RawResults.row(m);
    }

    static Map<String, Object> server(String version, boolean sysadmin, boolean viewAnyDefinition) {
        return row("product_version", version, "product_level", "RTM", "product_update_level", "CU14",
                "product_update_reference", "KB5038325", "edition", "Enterprise Edition: Core-based Licensing (64-bit)",
                "engine_edition", 3, "version_banner", "Microsoft SQL Server 2022 (RTM-CU14)", "server_name", "SQL01",
                "machine_name", "SQL01", "instance_name", null, "collation", "SQL_Latin1_General_CP1_CI_AS",
                "is_clustered", 0, "is_hadr_enabled", 1, "is_sysadmin", sysadmin ? 1 : 0,
                "has_view_server_state", 1, "has_view_any_definition", viewAnyDefinition ? 1 : 0,
                "collected_at_utc", "2026-06-01T00:00:00", "utc_offset_minutes", 120);
    }

    static Map<String, Object> database(int id, String name, String state, boolean adr) {
        return row("database_id", id, "name", name, "state_desc", state, "is_read_only", false,
                "user_access_desc", "MULTI_USER", "is_auto_close_on", false, "recovery_model_desc", "FULL",
                "compatibility_level", 160, "collation_name", "SQL_Latin1_General_CP1_CI_AS",
                "in_availability_group", false, "containment_desc", "NONE", "is_broker_enabled", true,
                "is_published", false, "is_subscribed", false, "is_merge_published", false, "is_distributor", false,
                "is_cdc_enabled", false, "is_accelerated_database_recovery_on", adr);
    }

    /**
     * A copy of {@code source} whose sections in {@code replaced} hold those rows instead and whose sections in
     * {@code dropped} are left out (never run, as on an older version); failed sections are not copied.
     */
    static RawResults with(RawResults source, Map<String, List<Map<String, Object>>> replaced, Set<String> dropped) {
        RawResults copy = new RawResults();
        source.asMap().forEach((section, result) -> {
            if (replaced.containsKey(section)) {
                copy.addRows(section, replaced.get(section));
            } else if (!dropped.contains(section) && result instanceof RawResults.Rows rows) {
                copy.addRows(section, rows.rows());
            }
        });
        return copy;
    }

    /** A copy of {@code source} with {@code section} holding {@code rows} instead. */
    static RawResults with(RawResults source, String section, List<Map<String, Object>> rows) {
        return with(source, Map.of(section, rows), Set.of());
    }

    static RawResults ready2022() {
        RawResults r = new RawResults();
        r.addRows("server", List.of(server("16.0.4135.4", true, true)));
        r.addRows("host", List.of(row("host_platform", "Windows", "host_distribution", "Windows Server 2022 Datacenter",
                "host_release", "10.0", "host_sku", 8)));
        r.addRows("sys_info", List.of(row("sqlserver_start_time", "2026-05-31T02:00:00")));
        r.markDone("hadr_cluster");
        r.markDone("system_account_permissions");
        r.addRows("trace_flags", List.of(row("trace_flag", 1800, "status", 1, "is_global", 1),
                row("trace_flag", 9567, "status", 1, "is_global", 1), row("trace_flag", 3604, "status", 1, "is_global", 0)));
        r.addRows("registry_startup", List.of(row("value_name", "SQLArg3", "value_data", "-T1800"),
                row("value_name", "SQLArg0", "value_data", "-dC:\\data\\master.mdf"),
                row("value_name", "SQLArg1", "value_data", "-eC:\\log\\ERRORLOG"),
                row("value_name", "SQLArg2", "value_data", "-lC:\\data\\mastlog.ldf")));
        r.markDone("errorlog_startup");
        r.addRows("master_key", List.of(row("master_keys", 1)));
        r.addRows("certificates", List.of(row("name", "Cert_SQL01_endpoint", "certificate_id", 256, "subject",
                "SQL01 link endpoint", "issuer_name", "SQL01 link endpoint", "start_date", "2026-05-01T00:00:00",
                "expiry_date", "2030-01-01T00:00:00", "pvt_key_encryption_type", "MK", "thumbprint",
                "A1B2C3D4E5F60718293A4B5C6D7E8F9012345678")));
        r.addRows("mirroring_endpoint", List.of(row("name", "Hadr_endpoint", "state_desc", "STARTED", "role_desc", "ALL",
                "connection_auth_desc", "CERTIFICATE", "certificate_name", "Cert_SQL01_endpoint",
                "is_encryption_enabled", true, "encryption_algorithm_desc", "AES", "port", 5022, "ip_address", null)));
        r.addRows("services", List.of(row("servicename", "SQL Server Agent (MSSQLSERVER)", "status_desc", "Running",
                "startup_type_desc", "Automatic"), row("servicename", "SQL Server (MSSQLSERVER)", "status_desc",
                "Running", "startup_type_desc", "Automatic")));
        r.addRows("availability_groups", List.of(
                row("name", "AG_Sales", "is_distributed", false, "cluster_type_desc", "NONE", "database_name", "Sales"),
                row("name", "DAG_Sales", "is_distributed", true, "cluster_type_desc", "NONE", "database_name", null)));
        r.addRows("configurations", List.of(row("name", "contained database authentication", "value_in_use", 0L)));
        r.addRows("databases", List.of(database(1, "master", "ONLINE", false), database(5, "Sales", "ONLINE", true),
                database(6, "Old", "OFFLINE", false)));
        r.addRows("database_mirroring", List.of(row("database_id", 1, "mirrored", false),
                row("database_id", 5, "mirrored", false), row("database_id", 6, "mirrored", false)));
        r.markDone("log_shipping");
        r.addRows("master_files", List.of(row("database_id", 5, "type", 0, "files", 2, "size_mb", 2048L),
                row("database_id", 5, "type", 1, "files", 1, "size_mb", 256L),
                row("database_id", 5, "type", 2, "files", 1, "size_mb", 100L)));
        r.addRows("encryption_keys", List.of(row("database_id", 5, "encryption_state", 3, "encryptor_type",
                "CERTIFICATE", "encryptor_thumbprint", "0102")));
        r.addRows("backups", List.of(
                row("database_name", "Sales", "type", "D", "is_copy_only", false, "backup_finish_date",
                        "2026-05-31T22:00:00", "has_backup_checksums", true),
                row("database_name", "Sales", "type", "D", "is_copy_only", true, "backup_finish_date",
                        "2026-05-31T23:00:00.123", "has_backup_checksums", false),
                row("database_name", "Sales", "type", "L", "is_copy_only", false, "backup_finish_date",
                        "2026-05-31T23:30:00", "has_backup_checksums", true)));
        r.addRows("recovery_status", List.of(row("database_id", 5, "log_chain_started", true)));
        r.addRows("pvs", List.of(row("database_id", 5, "pvs_filegroup_id", 1)));
        r.addRows("log_space", List.of(row("database_name", "Sales", "log_space_used_percent", 12.5)));
        r.addRows("database:5", List.of(
                row("database_id", 5, "data_space_id", 1, "name", "PRIMARY", "type", "FG", "filetables", 0),
                row("database_id", 5, "data_space_id", 2, "name", "FS", "type", "FD", "filetables", 0)));
        return r;
    }
}
