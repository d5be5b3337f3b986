// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.view;

import dev.milink.sandbox.catalog.Values;
import dev.milink.sandbox.catalog.view.CatalogView.Permission;
import dev.milink.sandbox.catalog.view.CatalogView.Scope;
import dev.milink.sandbox.scenario.AvailabilityGroup;
import dev.milink.sandbox.scenario.Certificate;
import dev.milink.sandbox.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Database-level catalog: sys.databases, sys.database_recovery_status, sys.database_mirroring,
 * sys.dm_database_encryption_keys, sys.dm_tran_persistent_version_store_stats (files, filegroups, tables and log
 * space: {@link StorageViews}). Column lists follow the
 * "(Transact-SQL)" reference pages on learn.microsoft.com.
 */
final class DatabaseViews {
    private DatabaseViews() {}

    static List<CatalogView> all() {
        return List.of(databases(), recoveryStatus(), mirroring(), encryptionKeys(), versionStore());
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
                .columns("""
                        name sysname, database_id int, source_database_id int, owner_sid varbinary(85),
                        create_date datetime, compatibility_level tinyint, collation_name sysname,
                        user_access tinyint, user_access_desc nvarchar(60), is_read_only bit, is_auto_close_on bit,
                        is_auto_shrink_on bit, state tinyint, state_desc nvarchar(60), is_in_standby bit,
                        is_cleanly_shutdown bit, is_supplemental_logging_enabled bit,
                        snapshot_isolation_state tinyint, snapshot_isolation_state_desc nvarchar(60),
                        is_read_committed_snapshot_on bit, recovery_model tinyint, recovery_model_desc nvarchar(60),
                        page_verify_option tinyint, page_verify_option_desc nvarchar(60), is_auto_create_stats_on bit,
                        is_auto_create_stats_incremental_on bit, is_auto_update_stats_on bit,
                        is_auto_update_stats_async_on bit, is_ansi_null_default_on bit, is_ansi_nulls_on bit,
                        is_ansi_padding_on bit, is_ansi_warnings_on bit, is_arithabort_on bit,
                        is_concat_null_yields_null_on bit, is_numeric_roundabort_on bit, is_quoted_identifier_on bit,
                        is_recursive_triggers_on bit, is_cursor_close_on_commit_on bit, is_local_cursor_default bit,
                        is_fulltext_enabled bit, is_trustworthy_on bit, is_db_chaining_on bit,
                        is_parameterization_forced bit, is_master_key_encrypted_by_server bit, is_query_store_on bit,
                        is_published bit, is_subscribed bit, is_merge_published bit, is_distributor bit,
                        is_sync_with_backup bit, service_broker_guid uniqueidentifier, is_broker_enabled bit,
                        log_reuse_wait tinyint, log_reuse_wait_desc nvarchar(60), is_date_correlation_on bit,
                        is_cdc_enabled bit, is_encrypted bit, is_honor_broker_priority_on bit,
                        replica_id uniqueidentifier, group_database_id uniqueidentifier, resource_pool_id int,
                        default_language_lcid smallint, default_language_name sysname,
                        default_fulltext_language_lcid int, default_fulltext_language_name sysname,
                        is_nested_triggers_on bit, is_transform_noise_words_on bit, two_digit_year_cutoff smallint,
                        containment tinyint, containment_desc nvarchar(60), target_recovery_time_in_seconds int,
                        delayed_durability int, delayed_durability_desc nvarchar(60),
                        is_memory_optimized_elevate_to_snapshot_on bit, is_federation_member bit,
                        is_remote_data_archive_enabled bit, is_mixed_page_allocation_on bit,
                        is_temporal_history_retention_enabled bit since 14, catalog_collation_type int since 15,
                        catalog_collation_type_desc nvarchar(60) since 15, physical_database_name sysname since 15,
                        is_result_set_caching_on bit since 15, is_accelerated_database_recovery_on bit since 15,
                        is_tempdb_spill_to_remote_store bit since 15, is_stale_page_detection_on bit since 15,
                        is_memory_optimized_enabled bit since 15, is_data_retention_enabled bit since 16,
                        is_ledger_on bit since 16, is_change_feed_enabled bit since 16
                        """)
                .rowPer(ctx -> ctx.scenario().databases, (ctx, d) -> databaseRow(ctx, d));
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

    /** sys.database_recovery_status (Transact-SQL). */
    private static CatalogView recoveryStatus() {
        return CatalogView.builder("sys", "database_recovery_status", Scope.SERVER)
                .columns("""
                        database_id int, database_guid uniqueidentifier, family_guid uniqueidentifier,
                        last_log_backup_lsn numeric(25,0), recovery_fork_guid uniqueidentifier,
                        first_recovery_fork_guid uniqueidentifier, fork_point_lsn numeric(25,0)
                        """)
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
                .columns("""
                        database_id int, mirroring_guid uniqueidentifier, mirroring_state tinyint,
                        mirroring_state_desc nvarchar(60), mirroring_role tinyint, mirroring_role_desc nvarchar(60),
                        mirroring_role_sequence int, mirroring_safety_level tinyint,
                        mirroring_safety_level_desc nvarchar(60), mirroring_safety_sequence int,
                        mirroring_partner_name sysname, mirroring_partner_instance sysname,
                        mirroring_witness_name sysname, mirroring_witness_state tinyint,
                        mirroring_witness_state_desc nvarchar(60), mirroring_failover_lsn numeric(25,0),
                        mirroring_connection_timeout int, mirroring_redo_queue int,
                        mirroring_redo_queue_type nvarchar(60), mirroring_end_of_log_lsn numeric(25,0),
                        mirroring_replication_lsn numeric(25,0)
                        """);
        return b.rowPer(ctx -> ctx.scenario().databases, (ctx, d) -> Row.of()
                .set("database_id", d.id));
    }

    /** sys.dm_database_encryption_keys (Transact-SQL): TDE-encrypted databases (and tempdb with them). */
    private static CatalogView encryptionKeys() {
        return CatalogView.builder("sys", "dm_database_encryption_keys", Scope.SERVER)
                .columns("""
                        database_id int, encryption_state int, create_date datetime, regenerate_date datetime,
                        modify_date datetime, set_date datetime, opened_date datetime, key_algorithm nvarchar(32),
                        key_length int, encryptor_thumbprint varbinary(32), encryptor_type nvarchar(32),
                        percent_complete float, encryption_state_desc nvarchar(32) since 15,
                        encryption_scan_state int since 15, encryption_scan_state_desc nvarchar(32) since 15,
                        encryption_scan_modify_date datetime since 15
                        """)
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

    /** sys.dm_tran_persistent_version_store_stats (Transact-SQL), SQL Server 2019 and later. */
    private static CatalogView versionStore() {
        return CatalogView.builder("sys", "dm_tran_persistent_version_store_stats", Scope.SERVER)
                .since(15).requires(Permission.VIEW_SERVER_STATE)
                .columns("""
                        database_id int, pvs_filegroup_id smallint, persistent_version_store_size_kb bigint,
                        online_index_version_store_size_kb bigint, current_aborted_transaction_count bigint,
                        oldest_active_transaction_id bigint, oldest_aborted_transaction_id bigint,
                        min_transaction_timestamp bigint, online_index_min_transaction_timestamp bigint,
                        secondary_low_water_mark bigint, offrow_version_cleaner_start_time datetime2,
                        offrow_version_cleaner_end_time datetime2, aborted_version_cleaner_start_time datetime2,
                        aborted_version_cleaner_end_time datetime2, pvs_off_row_page_skipped_low_water_mark bigint,
                        pvs_off_row_page_skipped_transaction_not_cleaned bigint,
                        pvs_off_row_page_skipped_oldest_active_xdesid bigint,
                        pvs_off_row_page_skipped_min_useful_xts bigint,
                        pvs_off_row_page_skipped_oldest_snapshot bigint
                        """)
                .rowPer(ctx -> ctx.scenario().databases, (ctx, d) -> !d.online() ? null : Row.of()
                        .set("database_id", d.id).set("pvs_filegroup_id", 1)
                        .set("persistent_version_store_size_kb", d.acceleratedDatabaseRecovery ? 1024L : 0L)
                        .set("online_index_version_store_size_kb", 0L)
                        .set("current_aborted_transaction_count", 0L));
    }
}
