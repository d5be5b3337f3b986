// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.network;

import dev.milink.cli.Cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.milink.sandbox.catalog.CatalogEngine;
import dev.milink.sandbox.scenario.Scenario;
import dev.milink.sandbox.scenario.Scenarios;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.SandboxServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box tests of {@code milink network test} against a sandbox SQL Server (Windows, Agent running) and the
 * sandbox managed instance. The MI's endpoint name does not resolve (a DNS failure, deterministic on any machine);
 * its primary node points at a listening loopback socket. Passwords come from an injected environment, as in CI;
 * {@link #passwordFilesWorkAndAnOpenOneIsWarned} covers the file options.
 */
class NetworkTestCliTest {

    @TempDir
    Path dir;

    private static final String MI_PASSWORD = "Sandbox#MIadmin1";

    private ServerSocket listener;
    private SandboxServer sandbox;
    private String sqlPassword;
    private Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Scenario sql = Scenarios.load("prepared-2022").copy();
        sql.endpoints.getFirst().port = listener.getLocalPort();
        Scenario mi = LoopbackManagedInstance.scenario("contoso-mi.no-such-zone.invalid", listener.getLocalPort());
        sandbox = SandboxServer.start(InstanceDef.of("sql", CatalogEngine.create(sql)),
                InstanceDef.of("mi", CatalogEngine.create(mi)));
        sqlPassword = sql.login("sa").password;
        env = Map.of("MILINK_SQL_PASSWORD", sqlPassword, "MILINK_MI_PASSWORD", MI_PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        sandbox.close();
        listener.close();
    }

    @Test
    void blockedHopMeansExitOneWithTheFix() {
        Cli r = Cli.run(env, "network", "test", sqlServer(), "--user", "sa", "--mi", mi(), "--mi-user", "miadmin",
                "--trust-server-certificate", "--poll-interval", "20ms", "--mi-subnet", "127.0.0.0/8").expectExit(1);
        assertThat(r.out()).contains("instance endpoint  contoso-mi.no-such-zone.invalid")
                .contains("[BLOCKED] contoso-mi.no-such-zone.invalid:5022")
                .contains("name did not resolve")
                .contains("the SQL Server host must resolve contoso-mi.no-such-zone.invalid")
                .contains("[OK] 127.0.0.1:" + listener.getLocalPort() + "  the managed instance's current primary")
                .contains("Managed instance -> SQL Server")
                .contains("Temporary objects created and removed: Agent job milink_nettest_")
                .contains("Result: 2 of 3 hops TCP reachable; at least one hop is blocked");
        assertThat(r.err()).contains("Warning: --trust-server-certificate");
    }

    @Test
    void jsonOutput() throws Exception {
        Cli r = Cli.run(env, "network", "test", sqlServer(), "--user", "sa", "--mi", mi(), "--mi-user", "miadmin",
                "--trust-server-certificate", "--poll-interval", "20ms", "--output", "json").expectExit(1);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("schemaVersion").asText()).isEqualTo("1.1");
        assertThat(json.get("exitCode").asInt()).isEqualTo(1);
        // The hops as findings of MIL-N9 (schema 1.1 adds them): one per path, the blocked one FAIL with its advice.
        JsonNode findings = json.get("assessment").get("findings");
        assertThat(findings).hasSize(3);
        assertThat(findings.get(0).get("checkId").asText()).isEqualTo("MIL-N9");
        assertThat(findings.get(0).get("status").asText()).isEqualTo("FAIL");
        assertThat(findings.get(0).get("remediation").get("summary").asText())
                .contains("contoso-mi.no-such-zone.invalid");
        assertThat(findings.get(1).get("status").asText()).isEqualTo("PASS");
        assertThat(json.get("assessment").get("verdict").asText()).isEqualTo("NOT_READY");
        assertThat(json.get("managedInstance").get("hadrPort").asInt()).isEqualTo(listener.getLocalPort());
        assertThat(json.get("hops")).hasSize(3);
        assertThat(json.get("hops").get(0).get("status").asText()).isEqualTo("DNS_FAILURE");
        assertThat(json.get("hops").get(1).get("status").asText()).isEqualTo("REACHABLE");
        assertThat(json.get("hops").get(1).get("method").asText()).isEqualTo("AGENT_JOB_ON_SQL_SERVER");
        assertThat(json.get("cleanedUp")).hasSize(2);
    }

    @Test
    void passwordFilesWorkAndAnOpenOneIsWarned() throws Exception {
        Path sqlFile = secret("sql.pw", sqlPassword, "rw-------");
        Path miFile = secret("mi.pw", MI_PASSWORD, "rw-r--r--");
        Cli r = Cli.run("network", "test", sqlServer(), "--user", "sa", "--password-file", sqlFile.toString(),
                "--mi", mi(), "--mi-user", "miadmin", "--mi-password-file", miFile.toString(),
                "--trust-server-certificate", "--poll-interval", "20ms").expectExit(1);
        assertThat(r.err()).contains("Warning: the password file " + miFile + " can be read by other users")
                .contains("chmod 600 " + miFile)
                .doesNotContain("Warning: the password file " + sqlFile);
    }

    @Test
    void wrongPasswordIsExitThreeAndNeverEchoed() {
        String wrong = "Wrong#Password-7731";
        Cli r = Cli.run(Map.of("MILINK_SQL_PASSWORD", wrong, "MILINK_MI_PASSWORD", MI_PASSWORD), "network",
                "test", sqlServer(), "--user", "sa", "--mi", mi(), "--mi-user", "miadmin",
                "--trust-server-certificate", "--output", "json").expectExit(3);
        assertThat(r.err()).contains("Error [SQL_LOGIN_FAILED]");
        assertThat(r.out() + r.err()).doesNotContain(wrong);
    }

    @Test
    void eachSideNamesItsOwnSecretSources() {
        Cli noMi = Cli.run(Map.of("MILINK_SQL_PASSWORD", "x"), "network", "test", "127.0.0.1,1", "--user", "sa",
                "--mi", "127.0.0.1,2", "--mi-user", "miadmin");
        assertThat(noMi.exit()).as(noMi.toString()).isEqualTo(2);
        assertThat(noMi.err()).startsWith("Error [SECRET_MISSING]: No password for 'miadmin' on the managed"
                + " instance: set the environment variable MILINK_MI_PASSWORD, use --mi-password-file FILE");
        Cli noSql = Cli.run(Map.of("MILINK_MI_PASSWORD", "x"), "network", "test", "127.0.0.1,1", "--user", "sa",
                "--mi", "127.0.0.1,2", "--mi-user", "miadmin");
        assertThat(noSql.err()).startsWith("Error [SECRET_MISSING]: No password for 'sa' on SQL Server: set the"
                + " environment variable MILINK_SQL_PASSWORD, use --password-file FILE");
        Cli noToken = Cli.run(Map.of("MILINK_ACCESS_TOKEN", "sql-side-token"), "network", "test",
                "127.0.0.1,1", "--auth", "access-token", "--mi", "127.0.0.1,2", "--mi-auth", "access-token");
        assertThat(noToken.exit()).isEqualTo(2);
        assertThat(noToken.err()).startsWith("Error [SECRET_MISSING]: --mi-auth access-token needs the token in"
                + " the environment variable MILINK_MI_ACCESS_TOKEN");
        Cli noUser = Cli.run(env, "network", "test", "127.0.0.1,1", "--user", "sa", "--mi", "127.0.0.1,2");
        assertThat(noUser.err()).startsWith("Error [USAGE]: --mi-auth sql needs --mi-user NAME.");
    }

    @Test
    void authModesAreCheckCommandsModes() {
        Cli r = Cli.run(env, "network", "test", "127.0.0.1,1", "--user", "sa", "--mi", "127.0.0.1,2",
                "--mi-user", "miadmin", "--mi-auth", "kerberos");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("'--mi-auth'", "Unknown authentication mode 'kerberos'",
                "sql, integrated, entra-default, entra-managed-identity, entra-service-principal, entra-password,"
                        + " access-token.");
        assertThat(Cli.run("network", "test", "--help").out()).contains("--auth=MODE", "entra-managed-identity");
    }

    @Test
    void missingPasswordFileIsAUsageError() {
        Cli r = Cli.run(env, "network", "test", "127.0.0.1,1", "--user", "sa", "--mi", "127.0.0.1,2",
                "--mi-user", "miadmin", "--mi-password-file", dir.resolve("missing.pw").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Cannot read the password file").contains("no such file");
        Cli noMi = Cli.run("network", "test", "127.0.0.1,1");
        assertThat(noMi.exit()).isEqualTo(2);
        assertThat(noMi.err()).contains("--mi");
    }

    private String sqlServer() {
        return "127.0.0.1," + sandbox.instance("sql").port();
    }

    private String mi() {
        return "127.0.0.1," + sandbox.instance("mi").port();
    }

    private Path secret(String name, String value, String permissions) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, value + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(permissions));
        return p;
    }
}
