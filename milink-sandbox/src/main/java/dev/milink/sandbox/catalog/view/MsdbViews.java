// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.view;

import static dev.milink.sandbox.catalog.view.Types.*;

import dev.milink.sandbox.catalog.Values;
import dev.milink.sandbox.catalog.agent.AgentJob;
import dev.milink.sandbox.catalog.view.CatalogView.Scope;
import dev.milink.sandbox.scenario.Backup;
import dev.milink.sandbox.scenario.Scenario;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * msdb tables: dbo.backupset, dbo.backupmediafamily, the Agent job tables (sysjobs, sysjobsteps, sysjobhistory,
 * sysjobactivity, sysjobstepslogs) and dbo.log_shipping_primary_databases.
 */
final class MsdbViews {
    private MsdbViews() {}

    static List<CatalogView> all() {
        return List.of(backupset(), mediaFamily(), jobs(), jobSteps(), jobHistory(), jobActivity(), stepLogs(),
                logShipping());
    }

    /** backupset (Transact-SQL). */
    private static CatalogView backupset() {
        return CatalogView.builder("dbo", "backupset", Scope.MSDB)
                .col("backup_set_id", INT).col("backup_set_uuid", GUID).col("media_set_id", INT)
                .col("first_family_number", TINYINT).col("first_media_number", SMALLINT)
                .col("last_family_number", TINYINT).col("last_media_number", SMALLINT)
                .col("catalog_family_number", TINYINT).col("catalog_media_number", SMALLINT).col("position", INT)
                .col("expiration_date", DATETIME).col("software_vendor_id", INT).col("name", nvarchar(128))
                .col("description", nvarchar(255)).col("user_name", nvarchar(128))
                .col("software_major_version", TINYINT).col("software_minor_version", TINYINT)
                .col("software_build_version", SMALLINT).col("time_zone", SMALLINT).col("mtf_minor_version", TINYINT)
                .col("first_lsn", LSN).col("last_lsn", LSN).col("checkpoint_lsn", LSN)
                .col("database_backup_lsn", LSN).col("database_creation_date", DATETIME)
                .col("backup_start_date", DATETIME).col("backup_finish_date", DATETIME).col("type", nchar(1))
                .col("sort_order", SMALLINT).col("code_page", SMALLINT).col("compatibility_level", TINYINT)
                .col("database_version", INT).col("backup_size", decimal(20, 0)).col("database_name", nvarchar(128))
                .col("server_name", nvarchar(128)).col("machine_name", nvarchar(128)).col("flags", INT)
                .col("unicode_locale", INT).col("unicode_compare_style", INT).col("collation_name", nvarchar(128))
                .col("is_password_protected", BIT).col("recovery_model", nvarchar(60))
                .col("has_bulk_logged_data", BIT).col("is_snapshot", BIT).col("is_readonly", BIT)
                .col("is_single_user", BIT).col("has_backup_checksums", BIT).col("is_damaged", BIT)
                .col("begins_log_chain", BIT).col("has_incomplete_metadata", BIT).col("is_force_offline", BIT)
                .col("is_copy_only", BIT).col("first_recovery_fork_guid", GUID).col("last_recovery_fork_guid", GUID)
                .col("fork_point_lsn", LSN).col("database_guid", GUID).col("family_guid", GUID)
                .col("differential_base_lsn", LSN).col("differential_base_guid", GUID)
                .col("compressed_backup_size", decimal(20, 0)).col("key_algorithm", nvarchar(32))
                .col("encryptor_thumbprint", varbinary(20)).col("encryptor_type", nvarchar(32))
                .col("last_valid_restore_time", DATETIME, 16).col("time_zone_name", nvarchar(32), 16)
                .col("compression_algorithm", nvarchar(32), 16)
                .rows(ctx -> {
                    Scenario s = ctx.scenario();
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (Scenario.Database d : s.databases) {
                        for (Backup b : d.backups) {
                            rows.add(backupRow(s, d, b));
                        }
                    }
                    rows.sort((a, b) -> Integer.compare((Integer) a.get("backup_set_id"), (Integer) b.get("backup_set_id")));
                    return rows;
                });
    }

    private static Map<String, Object> backupRow(Scenario s, Scenario.Database d, Backup b) {
        String[] version = s.server.productVersion.split("\\.");
        return Row.of().set("backup_set_id", b.backupSetId)
                .set("backup_set_uuid", Values.seededGuid("backupset:" + d.guid + b.backupSetId))
                .set("media_set_id", b.mediaSetId).set("first_family_number", 1).set("first_media_number", 1)
                .set("last_family_number", 1).set("last_media_number", 1).set("catalog_family_number", 1)
                .set("catalog_media_number", 1).set("position", b.position).set("software_vendor_id", 4608)
                .set("name", null).set("description", null).set("user_name", "sa")
                .set("software_major_version", Integer.parseInt(version[0]))
                .set("software_minor_version", Integer.parseInt(version[1]))
                .set("software_build_version", Integer.parseInt(version[2])).set("time_zone", 0)
                .set("mtf_minor_version", 0).set("first_lsn", Values.lsn(b.firstLsn)).set("last_lsn", Values.lsn(b.lastLsn))
                .set("checkpoint_lsn", Values.lsn(b.checkpointLsn)).set("database_backup_lsn", Values.lsn(b.databaseBackupLsn))
                .set("database_creation_date", Values.time(d.createDate)).set("backup_start_date", Values.time(b.start))
                .set("backup_finish_date", Values.time(b.finish)).set("type", b.type).set("sort_order", 52)
                .set("code_page", 0).set("compatibility_level", d.compatibilityLevel).set("database_version", 904)
                .set("backup_size", BigDecimal.valueOf(b.sizeBytes)).set("database_name", d.name)
                .set("server_name", s.server.serverName).set("machine_name", s.server.machineName)
                .set("flags", 512).set("unicode_locale", 1033).set("unicode_compare_style", 196609)
                .set("collation_name", d.collation).set("is_password_protected", false)
                .set("recovery_model", b.recoveryModel).set("has_bulk_logged_data", false).set("is_snapshot", false)
                .set("is_readonly", d.readOnly).set("is_single_user", false).set("has_backup_checksums", b.checksum)
                .set("is_damaged", false).set("begins_log_chain", false).set("has_incomplete_metadata", false)
                .set("is_force_offline", false).set("is_copy_only", b.copyOnly)
                .set("first_recovery_fork_guid", Values.seededGuid("fork:" + d.guid))
                .set("last_recovery_fork_guid", Values.seededGuid("fork:" + d.guid))
                .set("database_guid", Values.guid(d.guid)).set("family_guid", Values.guid(d.guid))
                .set("compressed_backup_size", BigDecimal.valueOf(b.compressedSizeBytes))
                .set("key_algorithm", null).set("encryptor_thumbprint", null).set("encryptor_type", null)
                .set("time_zone_name", "UTC").set("compression_algorithm", b.compressed ? "MS_XPRESS" : null).map();
    }

    /** backupmediafamily (Transact-SQL). */
    private static CatalogView mediaFamily() {
        return CatalogView.builder("dbo", "backupmediafamily", Scope.MSDB)
                .col("media_set_id", INT).col("family_sequence_number", TINYINT).col("media_family_id", GUID)
                .col("media_count", INT).col("logical_device_name", nvarchar(128))
                .col("physical_device_name", nvarchar(260)).col("device_type", TINYINT)
                .col("physical_block_size", INT).col("mirror", TINYINT)
                .rows(ctx -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (Scenario.Database d : ctx.scenario().databases) {
                        for (Backup b : d.backups) {
                            boolean url = b.device != null && b.device.regionMatches(true, 0, "https://", 0, 8);
                            rows.add(Row.of().set("media_set_id", b.mediaSetId).set("family_sequence_number", 1)
                                    .set("media_family_id", Values.seededGuid("media:" + b.mediaSetId))
                                    .set("media_count", 1).set("logical_device_name", null)
                                    .set("physical_device_name", b.device).set("device_type", url ? 9 : 2)
                                    .set("physical_block_size", 512).set("mirror", 0).map());
                        }
                    }
                    return rows;
                });
    }

    /** sysjobs (Transact-SQL). */
    private static CatalogView jobs() {
        return CatalogView.builder("dbo", "sysjobs", Scope.MSDB)
                .col("job_id", GUID).col("originating_server_id", INT).col("name", SYSNAME).col("enabled", TINYINT)
                .col("description", nvarchar(512)).col("start_step_id", INT).col("category_id", INT)
                .col("owner_sid", SID).col("notify_level_eventlog", INT).col("notify_level_email", INT)
                .col("notify_level_netsend", INT).col("notify_level_page", INT).col("notify_email_operator_id", INT)
                .col("notify_netsend_operator_id", INT).col("notify_page_operator_id", INT)
                .col("delete_level", INT).col("date_created", DATETIME).col("date_modified", DATETIME)
                .col("version_number", INT)
                .rows(ctx -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (AgentJob j : ctx.instance().agent().jobs()) {
                        rows.add(Row.of().set("job_id", j.id()).set("originating_server_id", 0).set("name", j.name())
                                .set("enabled", j.enabled() ? 1 : 0).set("description", j.description())
                                .set("start_step_id", 1).set("category_id", 0).set("owner_sid", Values.sid(j.owner()))
                                .set("notify_level_eventlog", 2).set("notify_level_email", 0)
                                .set("notify_level_netsend", 0).set("notify_level_page", 0)
                                .set("notify_email_operator_id", 0).set("notify_netsend_operator_id", 0)
                                .set("notify_page_operator_id", 0).set("delete_level", 0)
                                .set("date_created", j.created()).set("date_modified", j.created())
                                .set("version_number", 1).map());
                    }
                    return rows;
                });
    }

    /** sysjobsteps (Transact-SQL). */
    private static CatalogView jobSteps() {
        return CatalogView.builder("dbo", "sysjobsteps", Scope.MSDB)
                .col("job_id", GUID).col("step_id", INT).col("step_name", SYSNAME).col("subsystem", nvarchar(40))
                .col("command", NVARCHAR_MAX).col("flags", INT).col("additional_parameters", NVARCHAR_MAX)
                .col("cmdexec_success_code", INT).col("on_success_action", TINYINT).col("on_success_step_id", INT)
                .col("on_fail_action", TINYINT).col("on_fail_step_id", INT).col("server", SYSNAME)
                .col("database_name", SYSNAME).col("database_user_name", SYSNAME).col("retry_attempts", INT)
                .col("retry_interval", INT).col("os_run_priority", INT).col("output_file_name", nvarchar(200))
                .col("last_run_outcome", INT).col("last_run_duration", INT).col("last_run_retries", INT)
                .col("last_run_date", INT).col("last_run_time", INT).col("proxy_id", INT).col("step_uid", GUID)
                .rows(ctx -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (AgentJob j : ctx.instance().agent().jobs()) {
                        for (AgentJob.Step st : j.steps()) {
                            rows.add(Row.of().set("job_id", j.id()).set("step_id", st.id()).set("step_name", st.name())
                                    .set("subsystem", st.subsystem()).set("command", st.command()).set("flags", st.flags())
                                    .set("cmdexec_success_code", 0).set("on_success_action", st.onSuccessAction())
                                    .set("on_success_step_id", 0).set("on_fail_action", st.onFailAction())
                                    .set("on_fail_step_id", 0).set("database_name", st.database())
                                    .set("retry_attempts", 0).set("retry_interval", 0).set("os_run_priority", 0)
                                    .set("last_run_outcome", st.lastOutcome()).set("last_run_duration", 0)
                                    .set("last_run_retries", 0).set("last_run_date", st.lastRunDate())
                                    .set("last_run_time", st.lastRunTime()).set("step_uid", st.uid()).map());
                        }
                    }
                    return rows;
                });
    }

    /** sysjobhistory (Transact-SQL): step rows and the job outcome row (step_id 0). */
    private static CatalogView jobHistory() {
        return CatalogView.builder("dbo", "sysjobhistory", Scope.MSDB)
                .col("instance_id", INT).col("job_id", GUID).col("step_id", INT).col("step_name", SYSNAME)
                .col("sql_message_id", INT).col("sql_severity", INT).col("message", nvarchar(4000))
                .col("run_status", INT).col("run_date", INT).col("run_time", INT).col("run_duration", INT)
                .col("operator_id_emailed", INT).col("operator_id_netsent", INT).col("operator_id_paged", INT)
                .col("retries_attempted", INT).col("server", SYSNAME)
                .rows(ctx -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (AgentJob.History h : ctx.instance().agent().history()) {
                        rows.add(Row.of().set("instance_id", h.instanceId()).set("job_id", h.jobId())
                                .set("step_id", h.stepId()).set("step_name", h.stepName()).set("sql_message_id", 0)
                                .set("sql_severity", 0).set("message", h.message()).set("run_status", h.runStatus())
                                .set("run_date", h.runDate()).set("run_time", h.runTime())
                                .set("run_duration", h.runDuration()).set("operator_id_emailed", 0)
                                .set("operator_id_netsent", 0).set("operator_id_paged", 0).set("retries_attempted", 0)
                                .set("server", ctx.scenario().server.serverName).map());
                    }
                    return rows;
                });
    }

    /** sysjobactivity (Transact-SQL). */
    private static CatalogView jobActivity() {
        return CatalogView.builder("dbo", "sysjobactivity", Scope.MSDB)
                .col("session_id", INT).col("job_id", GUID).col("run_requested_date", DATETIME)
                .col("run_requested_source", SYSNAME).col("queued_date", DATETIME).col("start_execution_date", DATETIME)
                .col("last_executed_step_id", INT).col("last_executed_step_date", DATETIME)
                .col("stop_execution_date", DATETIME).col("job_history_id", INT).col("next_scheduled_run_date", DATETIME)
                .rows(ctx -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (AgentJob j : ctx.instance().agent().jobs()) {
                        AgentJob.Activity a = j.activity();
                        if (a != null) {
                            rows.add(Row.of().set("session_id", 1).set("job_id", j.id())
                                    .set("run_requested_date", a.requested()).set("run_requested_source", "4")
                                    .set("start_execution_date", a.started())
                                    .set("last_executed_step_id", a.lastStepId())
                                    .set("last_executed_step_date", a.lastStepDate())
                                    .set("stop_execution_date", a.stopped()).set("job_history_id", a.historyId()).map());
                        }
                    }
                    return rows;
                });
    }

    /** sysjobstepslogs (Transact-SQL): step output kept when the step's flags ask for it (e.g. 40 = table). */
    private static CatalogView stepLogs() {
        return CatalogView.builder("dbo", "sysjobstepslogs", Scope.MSDB)
                .col("log_id", INT).col("log", NVARCHAR_MAX).col("date_created", DATETIME).col("date_modified", DATETIME)
                .col("log_size", BIGINT).col("step_uid", GUID)
                .rows(ctx -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (AgentJob.StepLog l : ctx.instance().agent().stepLogs()) {
                        rows.add(Row.of().set("log_id", l.logId()).set("log", l.log()).set("date_created", l.created())
                                .set("date_modified", l.created()).set("log_size", (long) l.log().length())
                                .set("step_uid", l.stepUid()).map());
                    }
                    return rows;
                });
    }

    /** log_shipping_primary_databases (Transact-SQL). */
    private static CatalogView logShipping() {
        return CatalogView.builder("dbo", "log_shipping_primary_databases", Scope.MSDB)
                .col("primary_id", GUID).col("primary_database", SYSNAME).col("backup_directory", nvarchar(500))
                .col("backup_share", nvarchar(500)).col("backup_retention_period", INT).col("backup_job_id", GUID)
                .col("monitor_server", SYSNAME).col("user_specified_monitor", BIT)
                .col("monitor_server_security_mode", BIT).col("last_backup_file", nvarchar(500))
                .col("last_backup_date", DATETIME).col("backup_compression", TINYINT)
                .rows(ctx -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (Scenario.Database d : ctx.scenario().databases) {
                        if (d.logShippingPrimary) {
                            rows.add(Row.of().set("primary_id", Values.seededGuid("ls:" + d.guid))
                                    .set("primary_database", d.name).set("backup_directory", "D:\\LogShipping")
                                    .set("backup_share", "\\\\" + ctx.scenario().server.machineName + "\\LogShipping")
                                    .set("backup_retention_period", 4320).set("monitor_server", ctx.scenario().server.serverName)
                                    .set("user_specified_monitor", true).set("monitor_server_security_mode", true)
                                    .set("backup_compression", 2).map());
                        }
                    }
                    return rows;
                });
    }
}
