// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.view;

import static dev.milink.sandbox.catalog.view.Types.*;

import dev.milink.sandbox.catalog.Values;
import dev.milink.sandbox.catalog.view.CatalogView.Permission;
import dev.milink.sandbox.catalog.view.CatalogView.Scope;
import dev.milink.sandbox.scenario.AvailabilityGroup;
import dev.milink.sandbox.scenario.Certificate;
import dev.milink.sandbox.scenario.DbFile;
import dev.milink.sandbox.scenario.Filegroup;
import dev.milink.sandbox.scenario.Scenario;
import dev.milink.sandbox.scenario.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Database-level catalog: sys.databases, sys.database_files, sys.master_files, sys.filegroups, sys.tables,
 * sys.database_recovery_status, sys.database_mirroring, sys.dm_database_encryption_keys,
 * sys.dm_db_log_space_usage, sys.dm_tran_persistent_version_store_stats. Column lists follow the
 * "(Transact-SQL)" reference pages on learn.microsoft.com.
 */
final class DatabaseViews {
    private DatabaseViews() {}

    static List<CatalogView> all() {
        return List.of(databases(), databaseFiles(), masterFiles(), filegroups(), tables(), recoveryStatus(),
                mirroring(), encryptionKeys(), logSpace(), versionStore());
    }

    static int stateCode(String state) {
        return switch (state.toUpperCase(java.util.Locale.ROOT)) {
            case "RESTORING" -> 1;
            case "RECOVERING" -> 2;
            case "RECOVERY_PENDING" -> 3;
            case "SUSPECT" -> 4;
            case "EMERGENCY" -> 5;
            case "OFFLINE" -> 6;
            default -> 0;
        };
    }

    static int recoveryCode(String model) {
        return switch (model) {
            case "FULL" -> 1;
            case "BULK_LOGGED" -> 2;
            default -> 3;
        };
    }

    private static int userAccessCode(String access) {
        return switch (access) {
            case "SINGLE_USER" -> 1;
            case "RESTRICTED_USER" -> 2;
            default -> 0;
        };
    }

    /** sys.databases (Transact-SQL). */
    private static CatalogView databases() {
        return CatalogView.builder("sys", "databases", Scope.SERVER)
                .col("name", SYSNAME).col("database_id", INT).col("source_database_id", INT)
                .col("owner_sid", SID).col("create_date", DATETIME).col("compatibility_level", TINYINT)
                .col("collation_name", SYSNAME).col("user_access", TINYINT).col("user_access_desc", NVARCHAR60)
                .col("is_read_only", BIT).col("is_auto_close_on", BIT).col("is_auto_shrink_on", BIT)
                .col("state", TINYINT).col("state_desc", NVARCHAR60).col("is_in_standby", BIT)
                .col("is_cleanly_shutdown", BIT).col("is_supplemental_logging_enabled", BIT)
                .col("snapshot_isolation_state", TINYINT).col("snapshot_isolation_state_desc", NVARCHAR60)
                .col("is_read_committed_snapshot_on", BIT).col("recovery_model", TINYINT)
                .col("recovery_model_desc", NVARCHAR60).col("page_verify_option", TINYINT)
                .col("page_verify_option_desc", NVARCHAR60).col("is_auto_create_stats_on", BIT)
                .col("is_auto_create_stats_incremental_on", BIT).col("is_auto_update_stats_on", BIT)
                .col("is_auto_update_stats_async_on", BIT).col("is_ansi_null_default_on", BIT)
                .col("is_ansi_nulls_on", BIT).col("is_ansi_padding_on", BIT).col("is_ansi_warnings_on", BIT)
                .col("is_arithabort_on", BIT).col("is_concat_null_yields_null_on", BIT)
                .col("is_numeric_roundabort_on", BIT).col("is_quoted_identifier_on", BIT)
                .col("is_recursive_triggers_on", BIT).col("is_cursor_close_on_commit_on", BIT)
                .col("is_local_cursor_default", BIT).col("is_fulltext_enabled", BIT).col("is_trustworthy_on", BIT)
                .col("is_db_chaining_on", BIT).col("is_parameterization_forced", BIT)
                .col("is_master_key_encrypted_by_server", BIT).col("is_query_store_on", BIT)
                .col("is_published", BIT).col("is_subscribed", BIT).col("is_merge_published", BIT)
                .col("is_distributor", BIT).col("is_sync_with_backup", BIT).col("service_broker_guid", GUID)
                .col("is_broker_enabled", BIT).col("log_reuse_wait", TINYINT).col("log_reuse_wait_desc", NVARCHAR60)
                .col("is_date_correlation_on", BIT).col("is_cdc_enabled", BIT).col("is_encrypted", BIT)
                .col("is_honor_broker_priority_on", BIT).col("replica_id", GUID).col("group_database_id", GUID)
                .col("resource_pool_id", INT).col("default_language_lcid", SMALLINT)
                .col("default_language_name", SYSNAME).col("default_fulltext_language_lcid", INT)
                .col("default_fulltext_language_name", SYSNAME).col("is_nested_triggers_on", BIT)
                .col("is_transform_noise_words_on", BIT).col("two_digit_year_cutoff", SMALLINT)
                .col("containment", TINYINT).col("containment_desc", NVARCHAR60)
                .col("target_recovery_time_in_seconds", INT).col("delayed_durability", INT)
                .col("delayed_durability_desc", NVARCHAR60).col("is_memory_optimized_elevate_to_snapshot_on", BIT)
                .col("is_federation_member", BIT).col("is_remote_data_archive_enabled", BIT)
                .col("is_mixed_page_allocation_on", BIT)
                .col("is_temporal_history_retention_enabled", BIT, 14)
                .col("catalog_collation_type", INT, 15).col("catalog_collation_type_desc", NVARCHAR60, 15)
                .col("physical_database_name", SYSNAME, 15)
                .col("is_result_set_caching_on", BIT, 15)
                .col("is_accelerated_database_recovery_on", BIT, 15)
                .col("is_tempdb_spill_to_remote_store", BIT, 15).col("is_stale_page_detection_on", BIT, 15)
                .col("is_memory_optimized_enabled", BIT, 15)
                .col("is_data_retention_enabled", BIT, 16).col("is_ledger_on", BIT, 16)
                .col("is_change_feed_enabled", BIT, 16)
                .rows(ctx -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (Scenario.Database d : ctx.scenario().databases) {
                        rows.add(databaseRow(ctx, d).map());
                    }
                    return rows;
                });
    }

    private static Row databaseRow(ViewContext ctx, Scenario.Database d) {
        Scenario s = ctx.scenario();
        boolean online = d.online();
        AvailabilityGroup ag = HadrViews.groupOf(s, d);
        boolean logBackupPending = !"SIMPLE".equals(d.recovery) && d.lastLogBackupLsn != null;
        return Row.of()
                .set("name", d.name).set("database_id", d.id).set("owner_sid", Values.sid(d.owner))
                .set("create_date", Values.time(d.createDate)).set("compatibility_level", d.compatibilityLevel)
                .set("collation_name", online ? d.collation : null)
                .set("user_access", userAccessCode(d.userAccess)).set("user_access_desc", d.userAccess)
                .set("is_read_only", d.readOnly).set("is_auto_close_on", d.autoClose).set("is_auto_shrink_on", false)
                .set("state", stateCode(d.state)).set("state_desc", d.state.toUpperCase(java.util.Locale.ROOT))
                .set("is_in_standby", false).set("is_cleanly_shutdown", !online)
                .set("is_supplemental_logging_enabled", false)
                .set("snapshot_isolation_state", d.snapshotIsolation ? 1 : 0)
                .set("snapshot_isolation_state_desc", d.snapshotIsolation ? "ON" : "OFF")
                .set("is_read_committed_snapshot_on", d.readCommittedSnapshot)
                .set("recovery_model", recoveryCode(d.recovery)).set("recovery_model_desc", d.recovery)
                .set("page_verify_option", "CHECKSUM".equals(d.pageVerify) ? 2 : "NONE".equals(d.pageVerify) ? 0 : 1)
                .set("page_verify_option_desc", d.pageVerify)
                .set("is_auto_create_stats_on", true).set("is_auto_create_stats_incremental_on", false)
                .set("is_auto_update_stats_on", true).set("is_auto_update_stats_async_on", false)
                .set("is_ansi_null_default_on", false).set("is_ansi_nulls_on", false)
                .set("is_ansi_padding_on", false).set("is_ansi_warnings_on", false).set("is_arithabort_on", false)
                .set("is_concat_null_yields_null_on", false).set("is_numeric_roundabort_on", false)
                .set("is_quoted_identifier_on", false).set("is_recursive_triggers_on", false)
                .set("is_cursor_close_on_commit_on", false).set("is_local_cursor_default", false)
                .set("is_fulltext_enabled", !d.isSystem()).set("is_trustworthy_on", d.trustworthy || "msdb".equals(d.name))
                .set("is_db_chaining_on", "master".equals(d.name) || "tempdb".equals(d.name) || "msdb".equals(d.name))
                .set("is_parameterization_forced", false)
                .set("is_master_key_encrypted_by_server", d.masterKey)
                .set("is_query_store_on", !d.isSystem() && s.majorVersion() >= 16)
                .set("is_published", d.published).set("is_subscribed", d.subscribed)
                .set("is_merge_published", d.mergePublished).set("is_distributor", d.distributor)
                .set("is_sync_with_backup", false)
                .set("service_broker_guid", Values.seededGuid("broker:" + d.guid))
                .set("is_broker_enabled", d.brokerEnabled)
                .set("log_reuse_wait", logBackupPending ? 2 : 0)
                .set("log_reuse_wait_desc", logBackupPending ? "LOG_BACKUP" : "NOTHING")
                .set("is_date_correlation_on", false).set("is_cdc_enabled", d.cdcEnabled)
                .set("is_encrypted", d.tdeCertificate != null).set("is_honor_broker_priority_on", false)
                .set("replica_id", ag == null ? null : Values.guid(ag.replicas.isEmpty() ? null : ag.replicas.get(0).replicaId))
                .set("group_database_id", ag == null ? null : Values.seededGuid("agdb:" + ag.name + d.name))
                .set("resource_pool_id", null).set("default_language_lcid", null).set("default_language_name", null)
                .set("default_fulltext_language_lcid", null).set("default_fulltext_language_name", null)
                .set("is_nested_triggers_on", null).set("is_transform_noise_words_on", null)
                .set("two_digit_year_cutoff", null)
                .set("containment", "PARTIAL".equals(d.containment) ? 1 : 0).set("containment_desc", d.containment)
                .set("target_recovery_time_in_seconds", d.isSystem() ? 0 : 60).set("delayed_durability", 0)
                .set("delayed_durability_desc", "DISABLED").set("is_memory_optimized_elevate_to_snapshot_on", false)
                .set("is_federation_member", false).set("is_remote_data_archive_enabled", false)
                .set("is_mixed_page_allocation_on", d.isSystem())
                .set("is_temporal_history_retention_enabled", true)
                .set("catalog_collation_type", 0).set("catalog_collation_type_desc", "DATABASE_DEFAULT")
                .set("physical_database_name", d.name).set("is_result_set_caching_on", false)
                .set("is_accelerated_database_recovery_on", d.acceleratedDatabaseRecovery)
                .set("is_tempdb_spill_to_remote_store", false).set("is_stale_page_detection_on", false)
                .set("is_memory_optimized_enabled", true).set("is_data_retention_enabled", false)
                .set("is_ledger_on", false).set("is_change_feed_enabled", false);
    }

    /** sys.database_files (Transact-SQL): the current database's files. */
    private static CatalogView databaseFiles() {
        return fileView(CatalogView.builder("sys", "database_files", Scope.DATABASE), false)
                .rows(ctx -> fileRows(ctx, ctx.database(), false));
    }

    /** sys.master_files (Transact-SQL): every database's files, for logins that may see them. */
    private static CatalogView masterFiles() {
        return fileView(CatalogView.builder("sys", "master_files", Scope.SERVER).col("database_id", INT), true)
                .rows(ctx -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    boolean visible = ctx.seesAllMetadata()
                            || ctx.instance().hasPermission(ctx.login(), "ALTER ANY DATABASE")
                            || ctx.instance().hasPermission(ctx.login(), "CREATE ANY DATABASE");
                    for (Scenario.Database d : visible ? ctx.scenario().databases : List.<Scenario.Database>of()) {
                        rows.addAll(fileRows(ctx, d, true));
                    }
                    return rows;
                });
    }

    private static CatalogView.Builder fileView(CatalogView.Builder b, boolean master) {
        b.col("file_id", INT).col("file_guid", GUID).col("type", TINYINT).col("type_desc", NVARCHAR60)
                .col("data_space_id", INT).col("name", SYSNAME).col("physical_name", NVARCHAR260)
                .col("state", TINYINT).col("state_desc", NVARCHAR60).col("size", INT).col("max_size", INT)
                .col("growth", INT).col("is_media_read_only", BIT).col("is_read_only", BIT)
                .col("is_sparse", BIT).col("is_percent_growth", BIT).col("is_name_reserved", BIT);
        if (!master) {
            b.col("is_persistent_log_buffer", BIT, 15);
        }
        return b.col("create_lsn", LSN).col("drop_lsn", LSN).col("read_only_lsn", LSN)
                .col("read_write_lsn", LSN).col("differential_base_lsn", LSN).col("differential_base_guid", GUID)
                .col("differential_base_time", DATETIME).col("redo_start_lsn", LSN)
                .col("redo_start_fork_guid", GUID).col("redo_target_lsn", LSN).col("redo_target_fork_guid", GUID)
                .col("backup_lsn", LSN).col("credential_id", INT);
    }

    private static List<Map<String, Object>> fileRows(ViewContext ctx, Scenario.Database d, boolean master) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (d == null) {
            return rows;
        }
        for (DbFile f : d.files) {
            int type = switch (f.type) {
                case "LOG" -> 1;
                case "FILESTREAM" -> 2;
                case "FULLTEXT" -> 4;
                default -> 0;
            };
            Row r = Row.of().set("file_id", f.fileId)
                    .set("file_guid", Values.seededGuid("file:" + d.guid + f.name)).set("type", type)
                    .set("type_desc", f.type)
                    .set("data_space_id", "LOG".equals(f.type) ? 0 : filegroupId(d, f.filegroup))
                    .set("name", f.name).set("physical_name", f.physicalName)
                    .set("state", d.online() ? 0 : 6).set("state_desc", d.online() ? "ONLINE" : "OFFLINE")
                    .set("size", (int) (f.sizeMb * 128)).set("max_size", "LOG".equals(f.type) ? 268_435_456 : -1)
                    .set("growth", 8192).set("is_media_read_only", false).set("is_read_only", d.readOnly)
                    .set("is_sparse", false).set("is_percent_growth", false).set("is_name_reserved", false);
            if (master) {
                r.set("database_id", d.id);
            } else {
                r.set("is_persistent_log_buffer", false);
            }
            rows.add(r.map());
        }
        return rows;
    }

    static int filegroupId(Scenario.Database d, String name) {
        for (int i = 0; i < d.filegroups.size(); i++) {
            if (d.filegroups.get(i).name.equalsIgnoreCase(name)) {
                return i + 1;
            }
        }
        return 1;
    }

    /** sys.filegroups (Transact-SQL). */
    private static CatalogView filegroups() {
        return CatalogView.builder("sys", "filegroups", Scope.DATABASE)
                .col("name", SYSNAME).col("data_space_id", INT).col("type", nchar(2)).col("type_desc", NVARCHAR60)
                .col("is_default", BIT).col("is_system", BIT).col("filegroup_guid", GUID).col("log_filegroup_id", INT)
                .col("is_read_only", BIT).col("is_autogrow_all_files", BIT)
                .rows(ctx -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    Scenario.Database d = ctx.database();
                    for (int i = 0; i < d.filegroups.size(); i++) {
                        Filegroup g = d.filegroups.get(i);
                        rows.add(Row.of().set("name", g.name).set("data_space_id", i + 1).set("type", g.type)
                                .set("type_desc", switch (g.type) {
                                    case "FD" -> "FILESTREAM_DATA_FILEGROUP";
                                    case "FX" -> "MEMORY_OPTIMIZED_DATA_FILEGROUP";
                                    default -> "ROWS_FILEGROUP";
                                })
                                .set("is_default", g.isDefault).set("is_system", false)
                                .set("filegroup_guid", i == 0 ? null : Values.seededGuid("fg:" + d.guid + g.name))
                                .set("log_filegroup_id", null).set("is_read_only", false)
                                .set("is_autogrow_all_files", false).map());
                    }
                    return rows;
                });
    }

    /** sys.tables (Transact-SQL), the columns milink's checks read plus the object basics. */
    private static CatalogView tables() {
        return CatalogView.builder("sys", "tables", Scope.DATABASE)
                .col("name", SYSNAME).col("object_id", INT).col("principal_id", INT).col("schema_id", INT)
                .col("parent_object_id", INT).col("type", nchar(2)).col("type_desc", NVARCHAR60)
                .col("create_date", DATETIME).col("modify_date", DATETIME).col("is_ms_shipped", BIT)
                .col("is_published", BIT).col("is_schema_published", BIT).col("lob_data_space_id", INT)
                .col("filestream_data_space_id", INT).col("max_column_id_used", INT)
                .col("lock_on_bulk_load", BIT).col("uses_ansi_nulls", BIT).col("is_replicated", BIT)
                .col("has_replication_filter", BIT).col("is_merge_published", BIT)
                .col("is_sync_tran_subscribed", BIT).col("has_unchecked_assembly_data", BIT)
                .col("text_in_row_limit", INT).col("large_value_types_out_of_row", BIT)
                .col("is_tracked_by_cdc", BIT).col("lock_escalation", TINYINT).col("lock_escalation_desc", NVARCHAR60)
                .col("is_filetable", BIT).col("is_memory_optimized", BIT).col("durability", TINYINT)
                .col("durability_desc", NVARCHAR60).col("temporal_type", TINYINT).col("temporal_type_desc", NVARCHAR60)
                .col("history_table_id", INT).col("is_remote_data_archive_enabled", BIT).col("is_external", BIT)
                .col("history_retention_period", INT, 14).col("history_retention_period_unit", INT, 14)
                .col("history_retention_period_unit_desc", NVARCHAR60, 14).col("is_node", BIT, 14)
                .col("is_edge", BIT, 14)
                .rows(ctx -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    int objectId = 1_000_000_000;
                    for (Table t : ctx.database().tables) {
                        rows.add(Row.of().set("name", t.name).set("object_id", objectId++).set("schema_id", 1)
                                .set("parent_object_id", 0).set("type", "U ").set("type_desc", "USER_TABLE")
                                .set("create_date", Values.time(ctx.database().createDate))
                                .set("modify_date", Values.time(ctx.database().createDate)).set("is_ms_shipped", false)
                                .set("is_published", false).set("is_schema_published", false)
                                .set("lob_data_space_id", 0).set("max_column_id_used", 3).set("lock_on_bulk_load", false)
                                .set("uses_ansi_nulls", true).set("is_replicated", false)
                                .set("has_replication_filter", false).set("is_merge_published", false)
                                .set("is_sync_tran_subscribed", false).set("has_unchecked_assembly_data", false)
                                .set("text_in_row_limit", 0).set("large_value_types_out_of_row", false)
                                .set("is_tracked_by_cdc", false).set("lock_escalation", 0)
                                .set("lock_escalation_desc", "TABLE").set("is_filetable", t.filetable)
                                .set("is_memory_optimized", t.memoryOptimized)
                                .set("durability", 0).set("durability_desc", "SCHEMA_AND_DATA").set("temporal_type", 0)
                                .set("temporal_type_desc", "NON_TEMPORAL_TABLE")
                                .set("is_remote_data_archive_enabled", false).set("is_external", false)
                                .set("is_node", false).set("is_edge", false).map());
                    }
                    return rows;
                });
    }

    /** sys.database_recovery_status (Transact-SQL). */
    private static CatalogView recoveryStatus() {
        return CatalogView.builder("sys", "database_recovery_status", Scope.SERVER)
                .col("database_id", INT).col("database_guid", GUID).col("family_guid", GUID)
                .col("last_log_backup_lsn", LSN).col("recovery_fork_guid", GUID).col("first_recovery_fork_guid", GUID)
                .col("fork_point_lsn", LSN)
                .rows(ctx -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (Scenario.Database d : ctx.scenario().databases) {
                        boolean online = d.online();
                        rows.add(Row.of().set("database_id", d.id)
                                .set("database_guid", online ? Values.guid(d.guid) : null)
                                .set("family_guid", online ? Values.guid(d.guid) : null)
                                .set("last_log_backup_lsn", online ? Values.lsn(d.lastLogBackupLsn) : null)
                                .set("recovery_fork_guid", online ? Values.seededGuid("fork:" + d.guid) : null)
                                .set("first_recovery_fork_guid", online ? Values.seededGuid("fork:" + d.guid) : null)
                                .map());
                    }
                    return rows;
                });
    }

    /** sys.database_mirroring (Transact-SQL): one row per database; mirroring columns NULL when not mirrored. */
    private static CatalogView mirroring() {
        CatalogView.Builder b = CatalogView.builder("sys", "database_mirroring", Scope.SERVER)
                .col("database_id", INT).col("mirroring_guid", GUID).col("mirroring_state", TINYINT)
                .col("mirroring_state_desc", NVARCHAR60).col("mirroring_role", TINYINT)
                .col("mirroring_role_desc", NVARCHAR60).col("mirroring_role_sequence", INT)
                .col("mirroring_safety_level", TINYINT).col("mirroring_safety_level_desc", NVARCHAR60)
                .col("mirroring_safety_sequence", INT).col("mirroring_partner_name", SYSNAME)
                .col("mirroring_partner_instance", SYSNAME).col("mirroring_witness_name", SYSNAME)
                .col("mirroring_witness_state", TINYINT).col("mirroring_witness_state_desc", NVARCHAR60)
                .col("mirroring_failover_lsn", LSN).col("mirroring_connection_timeout", INT)
                .col("mirroring_redo_queue", INT).col("mirroring_redo_queue_type", NVARCHAR60)
                .col("mirroring_end_of_log_lsn", LSN).col("mirroring_replication_lsn", LSN);
        return b.rows(ctx -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Scenario.Database d : ctx.scenario().databases) {
                rows.add(Row.of().set("database_id", d.id).map());
            }
            return rows;
        });
    }

    /** sys.dm_database_encryption_keys (Transact-SQL): TDE-encrypted databases (and tempdb with them). */
    private static CatalogView encryptionKeys() {
        return CatalogView.builder("sys", "dm_database_encryption_keys", Scope.SERVER)
                .col("database_id", INT).col("encryption_state", INT).col("create_date", DATETIME)
                .col("regenerate_date", DATETIME).col("modify_date", DATETIME).col("set_date", DATETIME)
                .col("opened_date", DATETIME).col("key_algorithm", nvarchar(32)).col("key_length", INT)
                .col("encryptor_thumbprint", varbinary(32)).col("encryptor_type", nvarchar(32))
                .col("percent_complete", FLOAT).col("encryption_state_desc", nvarchar(32), 15)
                .col("encryption_scan_state", INT, 15).col("encryption_scan_state_desc", nvarchar(32), 15)
                .col("encryption_scan_modify_date", DATETIME, 15)
                .requires(Permission.VIEW_SERVER_STATE)
                .rows(ctx -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    boolean any = false;
                    for (Scenario.Database d : ctx.scenario().databases) {
                        if (d.tdeCertificate != null) {
                            any = true;
                            rows.add(encryptionRow(ctx, d.id, d.tdeCertificate, d.createDate));
                        }
                    }
                    if (any) {
                        rows.add(0, encryptionRow(ctx, 2, null, ctx.scenario().server.startTime));
                    }
                    return rows;
                });
    }

    private static Map<String, Object> encryptionRow(ViewContext ctx, int dbId, String cert, String date) {
        Certificate c = cert == null ? null : SecurityViews.certificate(ctx.scenario().database("master"), cert);
        return Row.of().set("database_id", dbId).set("encryption_state", 3).set("create_date", Values.time(date))
                .set("regenerate_date", Values.time(date)).set("modify_date", Values.time(date))
                .set("set_date", Values.time(date)).set("opened_date", Values.time(ctx.scenario().server.startTime))
                .set("key_algorithm", "AES").set("key_length", 256)
                .set("encryptor_thumbprint", c != null ? SecurityViews.thumbprint(c)
                        : cert == null ? new byte[0] : Values.sha1("ekm:" + cert))
                .set("encryptor_type", c == null ? "ASYMMETRIC KEY" : "CERTIFICATE").set("percent_complete", 0.0)
                .set("encryption_state_desc", "ENCRYPTED").set("encryption_scan_state", 0)
                .set("encryption_scan_state_desc", "NONE").map();
    }

    /** sys.dm_db_log_space_usage (Transact-SQL): the current database's log. */
    private static CatalogView logSpace() {
        return CatalogView.builder("sys", "dm_db_log_space_usage", Scope.DATABASE)
                .col("database_id", INT).col("total_log_size_in_bytes", BIGINT).col("used_log_space_in_bytes", BIGINT)
                .col("used_log_space_in_percent", FLOAT).col("log_space_in_bytes_since_last_backup", BIGINT)
                .rows(ctx -> {
                    Scenario.Database d = ctx.database();
                    long total = logBytes(d);
                    long used = (long) (total * d.logUsedPercent / 100.0);
                    return List.of(Row.of().set("database_id", d.id).set("total_log_size_in_bytes", total)
                            .set("used_log_space_in_bytes", used).set("used_log_space_in_percent", d.logUsedPercent)
                            .set("log_space_in_bytes_since_last_backup", used).map());
                });
    }

    static long logBytes(Scenario.Database d) {
        return d.files.stream().filter(f -> "LOG".equals(f.type)).mapToLong(f -> f.sizeMb * 1024 * 1024).sum();
    }

    /** sys.dm_tran_persistent_version_store_stats (Transact-SQL), SQL Server 2019 and later. */
    private static CatalogView versionStore() {
        return CatalogView.builder("sys", "dm_tran_persistent_version_store_stats", Scope.SERVER)
                .since(15).requires(Permission.VIEW_SERVER_STATE)
                .col("database_id", INT).col("pvs_filegroup_id", SMALLINT).col("persistent_version_store_size_kb", BIGINT)
                .col("online_index_version_store_size_kb", BIGINT).col("current_aborted_transaction_count", BIGINT)
                .col("oldest_active_transaction_id", BIGINT).col("oldest_aborted_transaction_id", BIGINT)
                .col("min_transaction_timestamp", BIGINT).col("online_index_min_transaction_timestamp", BIGINT)
                .col("secondary_low_water_mark", BIGINT).col("offrow_version_cleaner_start_time", DATETIME2)
                .col("offrow_version_cleaner_end_time", DATETIME2).col("aborted_version_cleaner_start_time", DATETIME2)
                .col("aborted_version_cleaner_end_time", DATETIME2).col("pvs_off_row_page_skipped_low_water_mark", BIGINT)
                .col("pvs_off_row_page_skipped_transaction_not_cleaned", BIGINT)
                .col("pvs_off_row_page_skipped_oldest_active_xdesid", BIGINT)
                .col("pvs_off_row_page_skipped_min_useful_xts", BIGINT)
                .col("pvs_off_row_page_skipped_oldest_snapshot", BIGINT)
                .rows(ctx -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (Scenario.Database d : ctx.scenario().databases) {
                        if (d.online()) {
                            rows.add(Row.of().set("database_id", d.id).set("pvs_filegroup_id", 1)
                                    .set("persistent_version_store_size_kb", d.acceleratedDatabaseRecovery ? 1024L : 0L)
                                    .set("online_index_version_store_size_kb", 0L)
                                    .set("current_aborted_transaction_count", 0L).map());
                        }
                    }
                    return rows;
                });
    }
}
