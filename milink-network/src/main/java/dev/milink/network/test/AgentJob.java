// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.test;

import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.sqlserver.connect.Batches;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A temporary SQL Agent job that runs {@code Test-NetConnection} steps: created with {@code sp_add_job} (milink's
 * name prefix and description, so a later run can recognise leftovers), started with {@code sp_start_job}, polled
 * through {@code sysjobhistory} until the outcome row (step_id 0) appears, and deleted with {@code sp_delete_job}.
 */
final class AgentJob {

    /** Every object the network test creates starts with this. */
    static final String PREFIX = dev.milink.core.model.MilinkObjects.NETWORK_TEST_PREFIX;
    /** The description of every job the network test creates; leftovers are matched on it. */
    static final String DESCRIPTION = "created by milink network test; safe to delete";

    private static final Pattern SAFE_HOST = Pattern.compile("[A-Za-z0-9._:-]{1,253}");

    /** One step row of the job's history. */
    record StepRow(int stepId, String message) {}

    private AgentJob() {
    }

    /** The PowerShell command of one probe; the host is validated so it cannot break out of the command. */
    static String tnc(String host, int port, boolean quiet) {
        if (!SAFE_HOST.matcher(host).matches()) {
            throw new MilinkException(CoreError.USAGE, "'" + host + "' is not a host name or IP address that can be"
                    + " probed.");
        }
        return "Test-NetConnection -ComputerName '" + host + "' -Port " + port
                + (quiet ? " -InformationLevel Quiet"
                         : " | Select-Object ComputerName, RemoteAddress, TcpTestSucceeded | Format-List");
    }

    static void create(Connection c, String job, List<String> commands) throws SQLException {
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < commands.size(); i++) {
            // 3 = go to the next step whatever the outcome; the last step quits (1) so the job always completes
            String next = i == commands.size() - 1 ? "1" : "3";
            steps.append(SqlScripts.render("add_job_step.sql", Map.of("job_name", (job),
                    "step_name", ("probe " + (i + 1)), "command", (commands.get(i)),
                    "next_action", next))).append('\n');
        }
        execute(c, SqlScripts.render("create_job.sql", Map.of("job_name", (job),
                "description", (DESCRIPTION), "steps", steps.toString().strip())));
    }

    static void start(Connection c, String job) throws SQLException {
        execute(c, SqlScripts.render("start_job.sql", Map.of("job_name", (job))));
    }

    static void delete(Connection c, String job) throws SQLException {
        execute(c, SqlScripts.render("delete_job.sql", Map.of("job_name", (job))));
    }

    /**
     * Polls the job's history until its outcome row appears, and returns the step rows.
     *
     * @return the step rows, or null when the job did not finish before {@code timeout}
     */
    static List<StepRow> await(Connection c, String job, Duration timeout, Duration poll) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String query = SqlScripts.render("job_history.sql", Map.of("job_name", (job)));
        while (true) {
            List<StepRow> steps = new ArrayList<>();
            boolean finished = false;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
                while (rs.next()) {
                    int step = rs.getInt("step_id");
                    if (step == 0) {
                        finished = rs.getInt("run_status") != 4; // 4 = in progress
                    } else {
                        steps.add(new StepRow(step, rs.getString("message")));
                    }
                }
            }
            if (finished) {
                return steps;
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            pause(poll);
        }
    }

    /** Leftovers of interrupted runs: only jobs with milink's prefix and description. */
    static List<String> leftovers(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        String query = SqlScripts.render("leftover_jobs.sql", Map.of("description", (DESCRIPTION)));
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
        }
        return names;
    }

    /** Runs a batch and surfaces an error from any of its statements (see {@link Batches}). */
    static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            Batches.executeAll(st, sql);
        }
    }

    /** The product itself must poll Agent (there is no notification); the interval is configurable. */
    private static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MilinkException(CoreError.INTERNAL, "The network test was interrupted while waiting for a"
                    + " SQL Agent job.", e);
        }
    }
}
