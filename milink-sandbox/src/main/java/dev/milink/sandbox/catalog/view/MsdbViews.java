// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.view;

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
                schedules(), jobSchedules(), logShipping());
    }

    /** backupset (Transact-SQL). */
    private static CatalogView backupset() {
        return CatalogView.builder("dbo", "backupset", Scope.MSDB)
                .columns("""
                        backup_set_id int, backup_set_uuid uniqueidentifier, media_set_id int,
                        first_family_number tinyint, first_media_number smallint, last_family_number tinyint,
                        last_media_number smallint, catalog_family_number tinyint, catalog_media_number smallint,
                        position int, expiration_date datetime, software_vendor_id int, name nvarchar(128),
                        description nvarchar(255), user_name nvarchar(128), software_major_version tinyint,
                        software_minor_version tinyint, software_build_version smallint, time_zone smallint,
                        mtf_minor_version tinyint, first_lsn numeric(25,0), last_lsn numeric(25,0),
                        checkpoint_lsn numeric(25,0), database_backup_lsn numeric(25,0),
                        database_creation_date datetime, backup_start_date datetime, backup_finish_date datetime,
                        type nchar(1), sort_order smallint, code_page smallint, compatibility_level tinyint,
                        database_version int, backup_size decimal(20,0), database_name nvarchar(128),
                        server_name nvarchar(128), machine_name nvarchar(128), flags int, unicode_locale int,
                        unicode_compare_style int, collation_name nvarchar(128), is_password_protected bit,
                        recovery_model nvarchar(60), has_bulk_logged_data bit, is_snapshot bit, is_readonly bit,
                        is_single_user bit, has_backup_checksums bit, is_damaged bit, begins_log_chain bit,
                        has_incomplete_metadata bit, is_force_offline bit, is_copy_only bit,
                        first_recovery_fork_guid uniqueidentifier, last_recovery_fork_guid uniqueidentifier,
                        fork_point_lsn numeric(25,0), database_guid uniqueidentifier, family_guid uniqueidentifier,
                        differential_base_lsn numeric(25,0), differential_base_guid uniqueidentifier,
                        compressed_backup_size decimal(20,0), key_algorithm nvarchar(32),
                        encryptor_thumbprint varbinary(20), encryptor_type nvarchar(32),
                        last_valid_restore_time datetime since 16, time_zone_name nvarchar(32) since 16,
                        compression_algorithm nvarchar(32) since 16
                        """)
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
                .columns("""
                        media_set_id int, family_sequence_number tinyint, media_family_id uniqueidentifier,
                        media_count int, logical_device_name nvarchar(128), physical_device_name nvarchar(260),
                        device_type tinyint, physical_block_size int, mirror tinyint
                        """)
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
                .columns("""
                        job_id uniqueidentifier, originating_server_id int, name sysname, enabled tinyint,
                        description nvarchar(512), start_step_id int, category_id int, owner_sid varbinary(85),
                        notify_level_eventlog int, notify_level_email int, notify_level_netsend int,
                        notify_level_page int, notify_email_operator_id int, notify_netsend_operator_id int,
                        notify_page_operator_id int, delete_level int, date_created datetime, date_modified datetime,
                        version_number int
                        """)
                .rowPer(ctx -> ctx.instance().agent().jobs(), (ctx, j) -> Row.of()
                        .set("job_id", j.id()).set("originating_server_id", 0).set("name", j.name())
                        .set("enabled", j.enabled() ? 1 : 0).set("description", j.description())
                        .set("start_step_id", 1).set("category_id", 0).set("owner_sid", Values.sid(j.owner()))
                        .set("notify_level_eventlog", 2).set("notify_level_email", 0)
                        .set("notify_level_netsend", 0).set("notify_level_page", 0)
                        .set("notify_email_operator_id", 0).set("notify_netsend_operator_id", 0)
                        .set("notify_page_operator_id", 0).set("delete_level", 0)
                        .set("date_created", j.created()).set("date_modified", j.created())
                        .set("version_number", 1));
    }

    private record JobAndSchedule(AgentJob job, AgentJob.Schedule schedule) {}

    private static List<JobAndSchedule> jobSchedules(ViewContext ctx) {
        List<JobAndSchedule> out = new java.util.ArrayList<>();
        for (AgentJob j : ctx.instance().agent().jobs()) {
            j.schedules().forEach(sc -> out.add(new JobAndSchedule(j, sc)));
        }
        return out;
    }

    /** sysschedules (Transact-SQL). */
    private static CatalogView schedules() {
        return CatalogView.builder("dbo", "sysschedules", Scope.MSDB)
                .columns("""
                        schedule_id int, schedule_uid uniqueidentifier, originating_server_id int, name sysname,
                        owner_sid varbinary(85), enabled int, freq_type int, freq_interval int, freq_subday_type int,
                        freq_subday_interval int, freq_relative_interval int, freq_recurrence_factor int,
                        active_start_date int, active_end_date int, active_start_time int, active_end_time int,
                        date_created datetime, date_modified datetime, version_number int
                        """)
                .rowPer(MsdbViews::jobSchedules, (ctx, js) -> Row.of()
                        .set("schedule_id", js.schedule().id()).set("schedule_uid", js.schedule().uid())
                        .set("originating_server_id", 0).set("name", js.schedule().name())
                        .set("owner_sid", Values.sid(js.job().owner())).set("enabled", js.schedule().enabled() ? 1 : 0)
                        .set("freq_type", js.schedule().freqType()).set("freq_interval", js.schedule().freqInterval())
                        .set("freq_subday_type", js.schedule().freqSubdayType())
                        .set("freq_subday_interval", js.schedule().freqSubdayInterval())
                        .set("freq_relative_interval", 0).set("freq_recurrence_factor", 0)
                        .set("active_start_date", 20240101).set("active_end_date", 99991231)
                        .set("active_start_time", js.schedule().activeStartTime()).set("active_end_time", 235959)
                        .set("date_created", js.job().created()).set("date_modified", js.job().created())
                        .set("version_number", 1));
    }

    /** sysjobschedules (Transact-SQL): next_run_* are 0 while the job is disabled, as the Agent leaves them. */
    private static CatalogView jobSchedules() {
        return CatalogView.builder("dbo", "sysjobschedules", Scope.MSDB)
                .columns("schedule_id int, job_id uniqueidentifier, next_run_date int, next_run_time int")
                .rowPer(MsdbViews::jobSchedules, (ctx, js) -> {
                    boolean runs = js.job().enabled() && js.schedule().enabled();
                    return Row.of().set("schedule_id", js.schedule().id()).set("job_id", js.job().id())
                            .set("next_run_date", runs ? 20240721 : 0).set("next_run_time", runs ? 81500 : 0);
                });
    }

    /** sysjobsteps (Transact-SQL). */
    private static CatalogView jobSteps() {
        return CatalogView.builder("dbo", "sysjobsteps", Scope.MSDB)
                .columns("""
                        job_id uniqueidentifier, step_id int, step_name sysname, subsystem nvarchar(40),
                        command nvarchar(max), flags int, additional_parameters nvarchar(max),
                        cmdexec_success_code int, on_success_action tinyint, on_success_step_id int,
                        on_fail_action tinyint, on_fail_step_id int, server sysname, database_name sysname,
                        database_user_name sysname, retry_attempts int, retry_interval int, os_run_priority int,
                        output_file_name nvarchar(200), last_run_outcome int, last_run_duration int,
                        last_run_retries int, last_run_date int, last_run_time int, proxy_id int,
                        step_uid uniqueidentifier
                        """)
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
                .columns("""
                        instance_id int, job_id uniqueidentifier, step_id int, step_name sysname, sql_message_id int,
                        sql_severity int, message nvarchar(4000), run_status int, run_date int, run_time int,
                        run_duration int, operator_id_emailed int, operator_id_netsent int, operator_id_paged int,
                        retries_attempted int, server sysname
                        """)
                .rowPer(ctx -> ctx.instance().agent().history(), (ctx, h) -> Row.of()
                        .set("instance_id", h.instanceId()).set("job_id", h.jobId())
                        .set("step_id", h.stepId()).set("step_name", h.stepName()).set("sql_message_id", 0)
                        .set("sql_severity", 0).set("message", h.message()).set("run_status", h.runStatus())
                        .set("run_date", h.runDate()).set("run_time", h.runTime())
                        .set("run_duration", h.runDuration()).set("operator_id_emailed", 0)
                        .set("operator_id_netsent", 0).set("operator_id_paged", 0).set("retries_attempted", 0)
                        .set("server", ctx.scenario().server.serverName));
    }

    /** sysjobactivity (Transact-SQL). */
    private static CatalogView jobActivity() {
        return CatalogView.builder("dbo", "sysjobactivity", Scope.MSDB)
                .columns("""
                        session_id int, job_id uniqueidentifier, run_requested_date datetime,
                        run_requested_source sysname, queued_date datetime, start_execution_date datetime,
                        last_executed_step_id int, last_executed_step_date datetime, stop_execution_date datetime,
                        job_history_id int, next_scheduled_run_date datetime
                        """)
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
                .columns("""
                        log_id int, log nvarchar(max), date_created datetime, date_modified datetime, log_size bigint,
                        step_uid uniqueidentifier
                        """)
                .rowPer(ctx -> ctx.instance().agent().stepLogs(), (ctx, l) -> Row.of()
                        .set("log_id", l.logId()).set("log", l.log()).set("date_created", l.created())
                        .set("date_modified", l.created()).set("log_size", (long) l.log().length())
                        .set("step_uid", l.stepUid()));
    }

    /** log_shipping_primary_databases (Transact-SQL). */
    private static CatalogView logShipping() {
        return CatalogView.builder("dbo", "log_shipping_primary_databases", Scope.MSDB)
                .columns("""
                        primary_id uniqueidentifier, primary_database sysname, backup_directory nvarchar(500),
                        backup_share nvarchar(500), backup_retention_period int, backup_job_id uniqueidentifier,
                        monitor_server sysname, user_specified_monitor bit, monitor_server_security_mode bit,
                        last_backup_file nvarchar(500), last_backup_date datetime, backup_compression tinyint
                        """)
                .rowPer(ctx -> ctx.scenario().databases, (ctx, d) -> !d.logShippingPrimary ? null : Row.of()
                        .set("primary_id", Values.seededGuid("ls:" + d.guid))
                        .set("primary_database", d.name).set("backup_directory", "D:\\LogShipping")
                        .set("backup_share", "\\\\" + ctx.scenario().server.machineName + "\\LogShipping")
                        .set("backup_retention_period", 4320).set("monitor_server", ctx.scenario().server.serverName)
                        .set("user_specified_monitor", true).set("monitor_server_security_mode", true)
                        .set("backup_compression", 2));
    }
}
