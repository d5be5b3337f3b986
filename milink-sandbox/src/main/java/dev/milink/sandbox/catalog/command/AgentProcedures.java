// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.command;

import dev.milink.sandbox.catalog.TsqlException;
import dev.milink.sandbox.catalog.agent.AgentJob;
import dev.milink.sandbox.catalog.agent.AgentService;
import dev.milink.sandbox.engine.Column;
import dev.milink.sandbox.engine.ResultSink;
import dev.milink.sandbox.engine.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** msdb.dbo.sp_add_job, sp_add_jobstep, sp_add_jobserver, sp_start_job, sp_delete_job, sp_help_job. */
final class AgentProcedures {
    private static final Set<String> NAMES = Set.of("sp_add_job", "sp_add_jobstep", "sp_add_jobserver",
            "sp_start_job", "sp_delete_job", "sp_help_job", "sp_update_job");

    private AgentProcedures() {}

    static boolean handles(String proc) {
        return NAMES.contains(proc);
    }

    static void run(CommandContext ctx, String proc, ProcArgs a, ResultSink sink) throws TsqlException {
        if (!(ctx.sysadmin() || ctx.instance().isMember(ctx.principal(), "SQLAgentOperatorRole"))) {
            throw CommandContext.executeDenied(proc, "msdb", "dbo");
        }
        AgentService agent = ctx.instance().agent();
        switch (proc) {
            case "sp_add_job" -> {
                String name = a.required(proc, "@job_name", 0);
                if (agent.job(name) != null) {
                    throw TsqlException.of(14261, 1, 16, "The specified @job_name ('" + name + "') already exists.");
                }
                Integer enabled = a.integer("@enabled", 1);
                agent.add(name, a.string("@owner_login_name", 99) == null ? ctx.principal().name
                        : a.string("@owner_login_name", 99), a.string("@description", 2), enabled == null || enabled == 1);
            }
            case "sp_add_jobstep" -> {
                AgentJob job = job(agent, a, proc);
                Integer onSuccess = a.integer("@on_success_action", 99);
                Integer onFail = a.integer("@on_fail_action", 99);
                Integer flags = a.integer("@flags", 99);
                agent.addStep(job, a.required(proc, "@step_name", 3), orDefault(a.string("@subsystem", 99), "TSQL"),
                        a.string("@command", 99), a.string("@database_name", 99), onSuccess == null ? 1 : onSuccess,
                        onFail == null ? 2 : onFail, flags == null ? 0 : flags);
            }
            case "sp_add_jobserver" -> job(agent, a, proc).servers().add(orDefault(a.string("@server_name", 2),
                    "(local)"));
            case "sp_update_job" -> {
                AgentJob job = job(agent, a, proc);
                Integer enabled = a.integer("@enabled", 99);
                if (enabled != null) {
                    job.enabled(enabled != 0);
                }
            }
            case "sp_start_job" -> {
                AgentJob job = job(agent, a, proc);
                if (!ctx.scenario().agent.running()) {
                    throw TsqlException.of(22022, 1, 16, "SQLServerAgent is not currently running so it cannot be "
                            + "notified of this action.");
                }
                if (agent.running(job)) {
                    throw TsqlException.of(22022, 1, 16, "SQLServerAgent Error: Request to run job " + job.name()
                            + " (from User " + ctx.principal().name + ") refused because the job is already running from "
                            + "a request by User " + ctx.principal().name + ".");
                }
                agent.start(job);
                sink.info(0, 1, 0, "Job '" + job.name() + "' started successfully.");
            }
            case "sp_delete_job" -> agent.delete(job(agent, a, proc));
            case "sp_help_job" -> {
                List<Object[]> rows = new ArrayList<>();
                for (AgentJob j : agent.jobs()) {
                    rows.add(new Object[] {j.id(), j.name(), j.enabled() ? 1 : 0, j.description(), j.owner(),
                        agent.running(j) ? 1 : 4});
                }
                sink.resultSet(List.of(Column.of("job_id", SqlType.UNIQUEIDENTIFIER), Column.of("name", SqlType.nvarchar(128)),
                        Column.of("enabled", SqlType.TINYINT), Column.of("description", SqlType.nvarchar(512)),
                        Column.of("owner", SqlType.nvarchar(128)), Column.of("current_execution_status", SqlType.INT)),
                        rows);
                return;
            }
            default -> throw Commands.notFound(proc);
        }
        sink.done();
    }

    private static String orDefault(String v, String d) {
        return v == null ? d : v;
    }

    /** The job named by @job_name or @job_id; 14262 when there is none. */
    private static AgentJob job(AgentService agent, ProcArgs a, String proc) throws TsqlException {
        String name = a.string("@job_name", 0);
        Object id = a.get("@job_id", 99);
        AgentJob job = name != null ? agent.job(name) : id != null ? agent.job(UUID.fromString(id.toString())) : null;
        if (job == null) {
            throw TsqlException.of(14262, 1, 16, "The specified " + (name != null ? "@job_name ('" + name + "')"
                    : "@job_id ('" + id + "')") + " does not exist.");
        }
        return job;
    }
}
