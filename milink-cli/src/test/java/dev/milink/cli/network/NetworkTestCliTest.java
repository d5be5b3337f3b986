// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.network;

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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box tests of {@code milink network test} against a sandbox SQL Server (Windows, Agent running) and the
 * sandbox managed instance. The MI's endpoint name does not resolve (a DNS failure, deterministic on any machine);
 * its primary node points at a listening loopback socket.
 */
class NetworkTestCliTest {

    @TempDir
    Path dir;

    private ServerSocket listener;
    private SandboxServer sandbox;
    private Path sqlPassword;
    private Path miPassword;

    @BeforeEach
    void start() throws Exception {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Scenario sql = Scenarios.load("prepared-2022").copy();
        sql.endpoints.getFirst().port = listener.getLocalPort();
        Scenario mi = Scenarios.load("managed-instance").copy();
        mi.fabric.dnsRecordName = "contoso-mi.no-such-zone.invalid";
        mi.fabric.primaryNode = "127.0.0";
        mi.fabric.secondaryNodes = List.of();
        mi.fabric.clusterName = "1";
        mi.fabric.hadrPort = listener.getLocalPort();
        sandbox = SandboxServer.start(InstanceDef.of("sql", CatalogEngine.create(sql)),
                InstanceDef.of("mi", CatalogEngine.create(mi)));
        sqlPassword = secret("sql.pw", sql.login("sa").password);
        miPassword = secret("mi.pw", "Sandbox#MIadmin1");
    }

    @AfterEach
    void stop() throws Exception {
        sandbox.close();
        listener.close();
    }

    @Test
    void blockedHopMeansExitOneWithTheFix() {
        Run r = Run.milink("network", "test", "127.0.0.1," + sandbox.instance("sql").port(), "--user", "sa",
                "--password-file", sqlPassword.toString(), "--mi", "127.0.0.1," + sandbox.instance("mi").port(),
                "--mi-user", "miadmin", "--mi-password-file", miPassword.toString(), "--trust-server-certificate",
                "--poll-interval", "20ms", "--mi-subnet", "127.0.0.0/8");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
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
        Run r = Run.milink("network", "test", "127.0.0.1," + sandbox.instance("sql").port(), "--user", "sa",
                "--password-file", sqlPassword.toString(), "--mi", "127.0.0.1," + sandbox.instance("mi").port(),
                "--mi-user", "miadmin", "--mi-password-file", miPassword.toString(), "--trust-server-certificate",
                "--poll-interval", "20ms", "--output", "json");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("schemaVersion").asText()).isEqualTo("1");
        assertThat(json.get("exitCode").asInt()).isEqualTo(1);
        assertThat(json.get("managedInstance").get("hadrPort").asInt()).isEqualTo(listener.getLocalPort());
        assertThat(json.get("hops")).hasSize(3);
        assertThat(json.get("hops").get(0).get("status").asText()).isEqualTo("DNS_FAILURE");
        assertThat(json.get("hops").get(1).get("status").asText()).isEqualTo("REACHABLE");
        assertThat(json.get("hops").get(1).get("method").asText()).isEqualTo("AGENT_JOB_ON_SQL_SERVER");
        assertThat(json.get("cleanedUp")).hasSize(2);
    }

    @Test
    void wrongPasswordIsExitThree() throws Exception {
        Run r = Run.milink("network", "test", "127.0.0.1," + sandbox.instance("sql").port(), "--user", "sa",
                "--password-file", secret("bad.pw", "nope").toString(), "--mi", "127.0.0.1,"
                        + sandbox.instance("mi").port(), "--mi-user", "miadmin", "--mi-password-file",
                miPassword.toString(), "--trust-server-certificate");
        assertThat(r.exit()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("Error [SQL_LOGIN_FAILED]");
    }

    @Test
    void missingMiPasswordIsAUsageError() {
        Run r = Run.milink("network", "test", "127.0.0.1,1", "--user", "sa", "--password-file",
                sqlPassword.toString(), "--mi", "127.0.0.1,2", "--mi-user", "miadmin",
                "--mi-password-file", dir.resolve("missing.pw").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Cannot read the password file").contains("no such file");
        Run noMi = Run.milink("network", "test", "127.0.0.1,1");
        assertThat(noMi.exit()).isEqualTo(2);
        assertThat(noMi.err()).contains("--mi");
    }

    private Path secret(String name, String value) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, value + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        return p;
    }
}
