// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.interrupt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.secret.Secret;
import dev.milink.cli.network.LoopbackManagedInstance;
import dev.milink.sandbox.catalog.CatalogEngine;
import dev.milink.sandbox.catalog.agent.StepRunner;
import dev.milink.sandbox.scenario.Scenario;
import dev.milink.sandbox.scenario.Scenarios;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.SandboxInstance;
import dev.milink.sandbox.server.SandboxServer;
import dev.milink.sqlserver.connect.Authentication;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlConnector;
import dev.milink.sqlserver.connect.SqlTarget;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 13, defect 1 and the interruption tests: the CLI runs in a child JVM against this JVM's sandboxes and gets
 * SIGTERM at chosen moments of {@code network test} and {@code fix --apply}. Afterwards the sandboxes' catalogs must
 * hold nothing of milink's, and the child's stderr must say what happened. The moments include the ones between
 * creating an object and registering it for cleanup: the sandbox has run the creating batch but holds back its
 * reply ({@link PausingEngine}).
 */
class InterruptionTest {

    private static final String NETWORK_TEST_PREFIX = "milink_nettest_";
    private static final String SQL_PASSWORD = "Sandbox#2019sa";
    private static final String MI_PASSWORD = "Sandbox#MIadmin1";

    @TempDir
    Path dir;

    private ServerSocket listener;
    private SandboxServer sandbox;

    @AfterEach
    void stop() throws Exception {
        if (sandbox != null) {
            sandbox.close();
        }
        if (listener != null) {
            listener.close();
        }
    }

    /** Where the network test is when SIGTERM arrives. */
    enum Moment {
        SQL_SERVER_JOB_RUNNING(null, null, true, false),
        SQL_SERVER_JOB_JUST_CREATED("sql", "sp_add_jobserver", false, false),
        TEST_CERTIFICATE_JUST_CREATED("sql", "CREATE\\s+CERTIFICATE", false, false),
        TEST_ENDPOINT_JUST_CREATED("sql", "CREATE\\s+ENDPOINT", false, false),
        MI_JOB_JUST_CREATED("mi", "sp_add_jobserver", false, false),
        MI_JOB_RUNNING(null, null, false, true);

        final String pauseOn;
        final String pattern;
        final boolean blockSqlJob;
        final boolean blockMiJob;

        Moment(String pauseOn, String pattern, boolean blockSqlJob, boolean blockMiJob) {
            this.pauseOn = pauseOn;
            this.pattern = pattern;
            this.blockSqlJob = blockSqlJob;
            this.blockMiJob = blockMiJob;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Moment.class)
    void sigtermDuringTheNetworkTestLeavesNothingBehindAndSaysWhatWasRemoved(Moment moment) throws Exception {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Scenario sql = Scenarios.load("unprepared-2019").copy();
        sql.database("master").masterKey = true; // so the test creates its temporary endpoint and certificate
        Scenario mi = LoopbackManagedInstance.scenario("127.0.0.1", listener.getLocalPort());
        CatalogEngine sqlEngine = CatalogEngine.create(sql);
        CatalogEngine miEngine = CatalogEngine.create(mi);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StepRunner blocking = (job, step) -> {
            running.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new StepRunner.Result(true, "TcpTestSucceeded : True");
        };
        if (moment.blockSqlJob) {
            sqlEngine.setStepRunner(blocking);
        }
        if (moment.blockMiJob) {
            miEngine.setStepRunner(blocking);
        }
        PausingEngine sqlSide = new PausingEngine(sqlEngine, "sql".equals(moment.pauseOn) ? moment.pattern : "$^");
        PausingEngine miSide = new PausingEngine(miEngine, "mi".equals(moment.pauseOn) ? moment.pattern : "$^");
        sandbox = SandboxServer.start(InstanceDef.of("sql", sqlSide), InstanceDef.of("mi", miSide));
        CountDownLatch reached = moment.pauseOn == null ? running
                : "sql".equals(moment.pauseOn) ? sqlSide.reached : miSide.reached;

        try (Child child = new Child(dir, Map.of("MILINK_SQL_PASSWORD", SQL_PASSWORD, "MILINK_MI_PASSWORD",
                MI_PASSWORD), "network", "test", address(sandbox.instance("sql")), "--user", "sa", "--mi",
                address(sandbox.instance("mi")), "--mi-user", "miadmin", "--trust-server-certificate",
                "--poll-interval", "20ms")) {
            assertThat(reached.await(60, TimeUnit.SECONDS)).as("the child reached " + moment).isTrue();
            assertThat(milinkObjects()).as("milink's objects exist at " + moment).isNotEmpty();

            child.terminate();
            // the hook has started (it may wait for the creation in flight); only now may the server answer
            assertThat(child.awaitInterruptedLine()).as("the child says it was interrupted: %s", child.errSoFar())
                    .isTrue();
            release.countDown();
            sqlSide.release.countDown();
            miSide.release.countDown();
            int exit = child.awaitExit();

            String err = child.err();
            assertThat(exit).as(err).isNotZero();
            assertThat(milinkObjects()).as("left behind after SIGTERM at " + moment + "\n" + err).isEmpty();
            assertThat(err).contains("Interrupted: the network test stopped early; removing its temporary objects.")
                    .contains("Removed its temporary objects: ").contains(NETWORK_TEST_PREFIX)
                    .doesNotContain("Not removed");
        }
    }

    /** Where {@code fix --apply} is when SIGTERM arrives: inside a step whose batch ran but has not returned. */
    enum FixMoment {
        FIRST_STEP("CREATE\\s+MASTER\\s+KEY", "Create the database master key in master"),
        A_DATABASE_OPTION("SET\\s+AUTO_CLOSE\\s+OFF", "Turn AUTO_CLOSE off for 'Reports'"),
        A_BACKUP("BACKUP\\s+DATABASE\\s+\\[HRDB]", "Take a full backup of 'HRDB' (not COPY_ONLY) to start the log chain");

        final String pattern;
        final String title;

        FixMoment(String pattern, String title) {
            this.pattern = pattern;
            this.title = title;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FixMoment.class)
    void sigtermDuringFixApplySaysWhichStepWasRunningAndThatItHadNotCompleted(FixMoment moment) throws Exception {
        Ended child = terminateFixApplyAt(moment.pattern, Map.of("MILINK_SQL_PASSWORD", SQL_PASSWORD,
                "MILINK_DMK_PASSWORD", "Dmk#Abcdef12345"), "--backup-dir", "D:\\Backups");
        String err = child.err();
        assertThat(child.exit()).as(err).isNotZero();
        assertThat(err).containsPattern("Interrupted during step \\d+ of \\d+ \\("
                + Pattern.quote(moment.title) + "\\): it had not completed\\.")
                .contains("step(s) had completed before it")
                .contains("Run milink fix " + address(sandbox.instance("sql")) + " again");
        assertThat(child.out()).contains(moment.title + " ...");
    }

    @org.junit.jupiter.api.Test
    void sigtermWhileFixApplyStillCollectsSaysNothingWasChanged() throws Exception {
        Ended child = terminateFixApplyAt("sys\\.dm_os_host_info", Map.of("MILINK_SQL_PASSWORD", SQL_PASSWORD));
        assertThat(child.exit()).isNotZero();
        assertThat(child.err()).contains("Interrupted before milink applied anything: nothing was changed.");
    }

    private static String address(SandboxInstance i) {
        return i.host() + "," + i.port();
    }

    /** Every object with milink's test prefix: jobs on both instances, endpoints and certificates on SQL Server. */
    private List<String> milinkObjects() throws Exception {
        List<String> all = new ArrayList<>();
        all.addAll(column("sql", "sa", SQL_PASSWORD, "SELECT name FROM msdb.dbo.sysjobs WHERE name LIKE N'milink%'"));
        all.addAll(column("mi", "miadmin", MI_PASSWORD, "SELECT name FROM msdb.dbo.sysjobs WHERE name LIKE N'milink%'"));
        all.addAll(column("sql", "sa", SQL_PASSWORD, "SELECT name FROM sys.endpoints WHERE name LIKE N'milink%'"));
        all.addAll(column("sql", "sa", SQL_PASSWORD,
                "SELECT name FROM master.sys.certificates WHERE name LIKE N'milink%'"));
        return all;
    }

    private List<String> column(String instance, String user, String password, String query) throws Exception {
        SandboxInstance i = sandbox.instance(instance);
        ConnectionSettings s = ConnectionSettings.of(new SqlTarget(i.host(), i.port(), null),
                new Authentication.SqlLogin(user, Secret.of(password))).withTrustServerCertificate(true);
        List<String> out = new ArrayList<>();
        try (Connection c = SqlConnector.open(s); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** How a child milink ended. */
    record Ended(int exit, String out, String err) {
    }

    /**
     * Runs {@code milink fix SQL --user sa --trust-server-certificate OPTIONS --apply --yes} in a child against a
     * sandbox that holds back the first batch matching {@code pattern}, sends SIGTERM there, and lets it finish.
     */
    private Ended terminateFixApplyAt(String pattern, Map<String, String> env, String... options) throws Exception {
        PausingEngine engine = new PausingEngine(CatalogEngine.create(Scenarios.load("unprepared-2019")), pattern);
        sandbox = SandboxServer.start(InstanceDef.of("sql", engine));
        List<String> args = new ArrayList<>(List.of("fix", address(sandbox.instance("sql")), "--user", "sa",
                "--trust-server-certificate"));
        args.addAll(List.of(options));
        args.addAll(List.of("--apply", "--yes"));
        try (Child child = new Child(dir, env, args.toArray(String[]::new))) {
            assertThat(engine.reached.await(60, TimeUnit.SECONDS)).isTrue();
            child.terminate();
            assertThat(child.awaitInterruptedLine()).as("the child says it was interrupted: %s", child.errSoFar())
                    .isTrue();
            int exit = child.awaitExit();
            engine.release.countDown();
            return new Ended(exit, child.out(), child.err());
        }
    }
}
