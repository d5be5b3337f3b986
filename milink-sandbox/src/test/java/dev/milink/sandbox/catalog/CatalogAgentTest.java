// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Agent jobs as the MI link network test uses them (spec section 2). */
class CatalogAgentTest {

    @Test
    void powershellTestNetConnectionJobWritesHistoryLikeTheAgent() throws Exception {
        try (Sandbox sb = Sandbox.of("unprepared-2019");
             ServerSocket open = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            int closed = closedPort();
            CollectingSink setup = sb.run("EXEC msdb.dbo.sp_add_job @job_name = N'TestMILinkConnection';\n"
                    + "EXEC msdb.dbo.sp_add_jobstep @job_name = N'TestMILinkConnection', @step_name = N'open', "
                    + "@subsystem = N'PowerShell', @command = N'tnc 127.0.0.1 -port " + open.getLocalPort()
                    + " | select ComputerName, RemoteAddress, TcpTestSucceeded | Format-List', @on_success_action = 3, "
                    + "@on_fail_action = 3;\n"
                    + "EXEC msdb.dbo.sp_add_jobstep @job_name = N'TestMILinkConnection', @step_name = N'closed', "
                    + "@subsystem = N'PowerShell', @command = N'tnc 127.0.0.1 -port " + closed
                    + " -InformationLevel Quiet', @flags = 40;\n"
                    + "EXEC msdb.dbo.sp_add_jobserver @job_name = N'TestMILinkConnection', @server_name = N'(local)';\n"
                    + "EXEC msdb.dbo.sp_start_job @job_name = N'TestMILinkConnection';");
            assertThat(setup.errors).isEmpty();
            String outcome = "SELECT h.run_status FROM msdb.dbo.sysjobhistory h JOIN msdb.dbo.sysjobs j "
                    + "ON j.job_id = h.job_id WHERE j.name = N'TestMILinkConnection' AND h.step_id = 0";
            assertThat(sb.engine.state().agent().awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(sb.run(outcome).scalar()).isEqualTo(1);
            CollectingSink.Result steps = sb.run("SELECT h.step_id, h.message FROM msdb.dbo.sysjobhistory h "
                    + "JOIN msdb.dbo.sysjobs j ON j.job_id = h.job_id WHERE j.name = N'TestMILinkConnection' "
                    + "AND h.step_id > 0 ORDER BY h.step_id").only();
            assertThat((String) steps.value(0, "message")).contains("ComputerName     : 127.0.0.1")
                    .contains("RemoteAddress    : 127.0.0.1").contains("TcpTestSucceeded : True");
            assertThat((String) steps.value(1, "message")).contains("False");
            assertThat(sb.run("SELECT l.log FROM msdb.dbo.sysjobstepslogs l JOIN msdb.dbo.sysjobsteps s "
                    + "ON s.step_uid = l.step_uid WHERE s.step_name = N'closed'").scalar().toString()).contains("False");
            assertThat(sb.run("SELECT stop_execution_date FROM msdb.dbo.sysjobactivity").scalar()).isNotNull();
            assertThat(sb.run("EXEC msdb.dbo.sp_delete_job @job_name = N'TestMILinkConnection'; "
                    + "SELECT COUNT(*) FROM msdb.dbo.sysjobs").results.get(0).rows().get(0)[0]).isEqualTo(0L);
        }
    }

    @Test
    void agentStoppedRefusesToStartJobs() {
        var scenario = dev.milink.sandbox.scenario.Scenarios.load("unprepared-2019").copy();
        scenario.agent.status = "Stopped";
        CatalogEngine engine = CatalogEngine.create(scenario);
        try (var session = engine.openSession(new dev.milink.sandbox.engine.LoginRequest("sa", "Sandbox#2019sa", null,
                null, "t", "h"))) {
            CollectingSink s = new CollectingSink();
            session.executeBatch("EXEC msdb.dbo.sp_add_job @job_name = N'j'; EXEC msdb.dbo.sp_start_job N'j'", s);
            assertThat(s.errorNumbers()).containsExactly(22022);
            assertThat(s.errors.get(0).getMessage())
                    .isEqualTo("SQLServerAgent is not currently running so it cannot be notified of this action.");
        } catch (dev.milink.sandbox.engine.SqlError e) {
            throw new AssertionError(e);
        } finally {
            engine.close();
        }
    }

    @Test
    void tsqlStepsRunThroughTheStatementLayer() throws Exception {
        try (Sandbox sb = Sandbox.of("managed-instance")) {
            sb.run("EXEC msdb.dbo.sp_add_job @job_name = N'NetHelper'; "
                    + "EXEC msdb.dbo.sp_add_jobstep @job_name = N'NetHelper', @step_name = N'sql', "
                    + "@subsystem = N'TSQL', @command = N'DBCC TRACEON(9567, -1)', @database_name = N'master'; "
                    + "EXEC msdb.dbo.sp_start_job @job_name = N'NetHelper'");
            assertThat(sb.engine.state().agent().awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(sb.engine.state().scenario().traceFlags.running).contains(9567);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
