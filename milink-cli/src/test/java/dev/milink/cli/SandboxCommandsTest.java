// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.milink.sandbox.server.SandboxCertificate;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code demo}, {@code sandbox} and {@code check} against sandbox instances through the real JDBC driver over
 * validated TLS: exit codes, fleets, and that the password given through the environment never shows.
 */
class SandboxCommandsTest {

    private static SandboxFleet sandbox;
    private static SandboxFleet.Member sql1;
    private static SandboxFleet.Member sql2;

    @BeforeAll
    static void start() {
        sandbox = SandboxFleet.start(List.of("unprepared-2019", "unprepared-2019"), 0);
        sql1 = sandbox.members().get(0);
        sql2 = sandbox.members().get(1);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Map<String, String> env(String password) {
        return Map.of("MILINK_SQL_PASSWORD", password,
                "MILINK_TRUST_STORE_PASSWORD", SandboxCertificate.get().password());
    }

    private static Cli check(String password, String... targetsAndOptions) {
        List<String> args = new ArrayList<>(List.of("check", "--user", sql1.user(), "--trust-store",
                SandboxCertificate.get().keystore().toString(), "--host-name-in-certificate", "localhost"));
        args.addAll(List.of(targetsAndOptions));
        return Cli.run(env(password), args.toArray(String[]::new));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void demoExitsWithTheUnpreparedScenariosVerdict() {
        Cli r = Cli.run("demo").expectExit(1);
        assertThat(r.out().lines().findFirst().orElseThrow())
                .contains("built-in sandbox", "test double", "not SQL Server");
        assertThat(r.out()).contains("NOT READY", "MIL-I3");
        assertThat(r.err()).doesNotContain("Warning: --trust-server-certificate");
    }

    @Test
    void demoJsonKeepsStdoutPureJson() throws IOException {
        Cli r = Cli.run("demo", "--output", "json");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(r.out()).path("schemaVersion").asText()).isEqualTo("1.1");
        assertThat(r.err()).contains("built-in sandbox");
    }

    @Test
    void demoOfTheLimitedLoginScenarioShowsPermissionGapsAsUnknownNeverAsPass() {
        Cli r = Cli.run("demo", "--scenario", "limited-login").expectExit(1);
        assertThat(r.out()).containsPattern("FAIL +MIL-I1 .*not a member of sysadmin")
                .containsPattern("\\?\\?\\?\\? +MIL-I2 ")
                .contains("needs VIEW SERVER STATE")
                .doesNotContainPattern("PASS +MIL-I2 ");
    }

    @Test
    void demoUnknownScenarioListsTheKnownOnes() {
        Cli r = Cli.run("demo", "--scenario", "nope");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown sandbox scenario 'nope'", "unprepared-2019");
    }

    @Test
    void checkAgainstTheSandboxOverValidatedTls() {
        Cli r = check(sql1.password().reveal(), sql1.address());
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("NOT READY");
        assertThat(r.out() + r.err()).doesNotContain(sql1.password().reveal());
    }

    @Test
    void fleetIsOneReportCollectedInParallel() throws IOException {
        Cli r = check(sql1.password().reveal(), sql1.address(), sql2.address(), "--parallel", "2", "-o", "json");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        String json = new ObjectMapper().readTree(r.out()).toString();
        assertThat(json).contains(String.valueOf(sql1.instance().port()), String.valueOf(sql2.instance().port()));
    }

    @Test
    void fleetWithAnUnreachableMemberExits3ButStillReportsTheOthers() throws IOException {
        int closed = closedPort();
        Cli r = check(sql1.password().reveal(), sql1.address(), "127.0.0.1:" + closed, "--login-timeout", "2");
        assertThat(r.exit()).as(r.toString()).isEqualTo(3);
        assertThat(r.out()).contains("NOT READY", "127.0.0.1:" + closed);
        assertThat(r.err()).contains("not assessed", "SQL_UNREACHABLE");
    }

    @Test
    void wrongPasswordIsLoginFailedAndNeverEchoed() {
        String wrong = "Wrong#Password-7731";
        Cli r = check(wrong, sql1.address(), "--verbose", "--debug");
        assertThat(r.exit()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("SQL_LOGIN_FAILED");
        assertThat(r.out() + r.err()).doesNotContain(wrong);
    }

    @Test
    void passwordFromTheEnvironmentNeverAppearsEvenWithDebug() {
        String pw = sql1.password().reveal();
        for (String[] extra : List.of(new String[] {"--verbose"}, new String[] {"--debug", "-o", "json"},
                new String[] {"--show-skipped"})) {
            List<String> args = new ArrayList<>(List.of(sql1.address()));
            args.addAll(List.of(extra));
            Cli r = check(pw, args.toArray(String[]::new));
            assertThat(r.out() + r.err()).as(String.join(" ", extra)).doesNotContain(pw);
        }
        Cli demo = Cli.run("demo", "--verbose");
        assertThat(demo.out() + demo.err()).doesNotContain(pw);
    }

    @Test
    void sandboxCommandPrintsConnectionStringsWithTheTestPasswordOnPurpose() {
        Cli r = Cli.run("sandbox", "--scenario", "unprepared-2019", "--scenario", "prepared-2022",
                "--exit-after", "0").expectExit(0);
        assertThat(r.out()).contains("test double", "not SQL Server", "Ctrl-C")
                .contains("jdbc:sqlserver://localhost:", "trustStore=", "encrypt=false", "sqlcmd -S 127.0.0.1,")
                .contains("MILINK_SQL_PASSWORD='", "./milink check localhost:")
                .contains(sql1.password().reveal())
                .contains("prepared-2022");
    }

    @Test
    void sandboxPortInUseIsAClearError() throws IOException {
        try (ServerSocket busy = new ServerSocket(0)) {
            Cli r = Cli.run("sandbox", "--port", String.valueOf(busy.getLocalPort()), "--exit-after", "0");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).startsWith("Error [USAGE]: Cannot start the sandbox on port " + busy.getLocalPort());
        }
    }
}
