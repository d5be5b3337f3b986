// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.view;

import dev.milink.sandbox.catalog.Values;
import dev.milink.sandbox.catalog.view.CatalogView.Scope;
import dev.milink.sandbox.scenario.DbFile;
import dev.milink.sandbox.scenario.Filegroup;
import dev.milink.sandbox.scenario.Scenario;
import dev.milink.sandbox.scenario.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Per-database storage and objects: sys.database_files, sys.master_files, sys.filegroups, sys.tables and
 * sys.dm_db_log_space_usage. Column lists follow the "(Transact-SQL)" reference pages on learn.microsoft.com.
 */
final class StorageViews {
    private StorageViews() {}

    static List<CatalogView> all() {
        return List.of(databaseFiles(), masterFiles(), filegroups(), tables(), logSpace());
    }

    /** sys.database_files (Transact-SQL): the current database's files. */
    private static CatalogView databaseFiles() {
        return fileView(CatalogView.builder("sys", "database_files", Scope.DATABASE), false)
                .rows(ctx -> fileRows(ctx, ctx.database(), false));
    }

    /** sys.master_files (Transact-SQL): every database's files, for logins that may see them. */
    private static CatalogView masterFiles() {
        return fileView(CatalogView.builder("sys", "master_files", Scope.SERVER).columns("database_id int"), true)
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
        b.columns("""
                file_id int, file_guid uniqueidentifier, type tinyint, type_desc nvarchar(60),
                data_space_id int, name sysname, physical_name nvarchar(260), state tinyint,
                state_desc nvarchar(60), size int, max_size int, growth int, is_media_read_only bit,
                is_read_only bit, is_sparse bit, is_percent_growth bit, is_name_reserved bit
                """);
        if (!master) {
            b.columns("is_persistent_log_buffer bit since 15");
        }
        return b.columns("""
                create_lsn numeric(25,0), drop_lsn numeric(25,0), read_only_lsn numeric(25,0),
                read_write_lsn numeric(25,0), differential_base_lsn numeric(25,0),
                differential_base_guid uniqueidentifier, differential_base_time datetime,
                redo_start_lsn numeric(25,0), redo_start_fork_guid uniqueidentifier,
                redo_target_lsn numeric(25,0), redo_target_fork_guid uniqueidentifier,
                backup_lsn numeric(25,0), credential_id int
                """);
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
                .columns("""
                        name sysname, data_space_id int, type nchar(2), type_desc nvarchar(60), is_default bit,
                        is_system bit, filegroup_guid uniqueidentifier, log_filegroup_id int, is_read_only bit,
                        is_autogrow_all_files bit
                        """)
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
                .columns("""
                        name sysname, object_id int, principal_id int, schema_id int, parent_object_id int,
                        type nchar(2), type_desc nvarchar(60), create_date datetime, modify_date datetime,
                        is_ms_shipped bit, is_published bit, is_schema_published bit, lob_data_space_id int,
                        filestream_data_space_id int, max_column_id_used int, lock_on_bulk_load bit,
                        uses_ansi_nulls bit, is_replicated bit, has_replication_filter bit, is_merge_published bit,
                        is_sync_tran_subscribed bit, has_unchecked_assembly_data bit, text_in_row_limit int,
                        large_value_types_out_of_row bit, is_tracked_by_cdc bit, lock_escalation tinyint,
                        lock_escalation_desc nvarchar(60), is_filetable bit, is_memory_optimized bit,
                        durability tinyint, durability_desc nvarchar(60), temporal_type tinyint,
                        temporal_type_desc nvarchar(60), history_table_id int, is_remote_data_archive_enabled bit,
                        is_external bit, history_retention_period int since 14,
                        history_retention_period_unit int since 14,
                        history_retention_period_unit_desc nvarchar(60) since 14, is_node bit since 14,
                        is_edge bit since 14
                        """)
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

    /** sys.dm_db_log_space_usage (Transact-SQL): the current database's log. */
    private static CatalogView logSpace() {
        return CatalogView.builder("sys", "dm_db_log_space_usage", Scope.DATABASE)
                .columns("""
                        database_id int, total_log_size_in_bytes bigint, used_log_space_in_bytes bigint,
                        used_log_space_in_percent float, log_space_in_bytes_since_last_backup bigint
                        """)
                .oneRow(ctx -> {
                    Scenario.Database d = ctx.database();
                    long total = logBytes(d);
                    long used = (long) (total * d.logUsedPercent / 100.0);
                    return Row.of().set("database_id", d.id).set("total_log_size_in_bytes", total)
                            .set("used_log_space_in_bytes", used).set("used_log_space_in_percent", d.logUsedPercent)
                            .set("log_space_in_bytes_since_last_backup", used);
                });
    }

    static long logBytes(Scenario.Database d) {
        return d.files.stream().filter(f -> "LOG".equals(f.type)).mapToLong(f -> f.sizeMb * 1024 * 1024).sum();
    }
}
