// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.milink.sandbox.catalog.CatalogEngine;
import dev.milink.sandbox.engine.Faults;
import dev.milink.sandbox.scenario.CentralManagement;
import dev.milink.sandbox.scenario.Scenario;
import dev.milink.sandbox.scenario.Scenarios;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.SandboxCertificate;
import dev.milink.sandbox.server.SandboxServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --inventory} over sandbox instances through the real driver: per-row credentials by reference,
 * tags, duplicates, an unreachable row, the fleet summary, shards that add up to the unsharded run, and a
 * Central Management Server as the inventory.
 */
class FleetInventoryTest {

    private static SandboxFleet sandbox;
    private static SandboxFleet.Member ready;
    private static SandboxFleet.Member unprepared;
    private static SandboxServer cms;
    private static int closed;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        sandbox = SandboxFleet.start(List.of("prepared-2022", "unprepared-2019", "unprepared-2019"), 0);
        ready = sandbox.members().get(0);
        unprepared = sandbox.members().get(1);
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Scenario s = Scenarios.load("central-management").copy();
        s.centralManagement = new CentralManagement();
        s.centralManagement.groups.add(group("Wave ]1['",
                registered("Ready one", "localhost," + ready.instance().port()),
                registered("Зелёный", "localhost:" + unprepared.instance().port())));
        s.centralManagement.groups.add(group("Later", registered("Ready again", "LOCALHOST,"
                + ready.instance().port())));
        cms = SandboxServer.start(InstanceDef.of("cms", CatalogEngine.create(s)));
    }

    private static CentralManagement.Group group(String name, CentralManagement.Registered... servers) {
        CentralManagement.Group g = new CentralManagement.Group();
        g.name = name;
        g.servers.addAll(List.of(servers));
        return g;
    }

    private static CentralManagement.Registered registered(String name, String address) {
        CentralManagement.Registered r = new CentralManagement.Registered();
        r.name = name;
        r.serverName = address;
        return r;
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        cms.close();
    }

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("READY_PW", ready.password().reveal());
        env.put("UNPREPARED_PW", unprepared.password().reveal());
        env.put("MILINK_SQL_PASSWORD", unprepared.password().reveal());
        env.put("MILINK_TRUST_STORE_PASSWORD", SandboxCertificate.get().password());
        return env;
    }

    private static Cli check(Map<String, String> env, String... options) {
        List<String> args = new ArrayList<>(List.of("check", "--user", "sa", "--trust-store",
                SandboxCertificate.get().keystore().toString(), "--host-name-in-certificate", "localhost"));
        args.addAll(List.of(options));
        return Cli.run(env, args.toArray(String[]::new));
    }

    private Path inventory() throws IOException {
        Path f = dir.resolve("wave.csv");
        Files.writeString(f, "\uFEFFServer;User;Password Env;Tags;Databases\r\n"
                + "localhost," + ready.instance().port() + ";" + ready.user() + ";READY_PW;wave1 ready;\r\n"
                + "LOCALHOST:" + ready.instance().port() + ";;;dup;\r\n"
                + "\"localhost," + unprepared.instance().port() + "\";" + unprepared.user()
                + ";UNPREPARED_PW;wave1;\r\n"
                + "127.0.0.1," + closed + ";;;wave2;\r\n");
        return f;
    }

    @Test
    void everyHealthyRowIsReportedTheDownAndSlowOnesSayWhyAndTheSummaryCountsThem() throws IOException {
        SandboxFleet.Member slow = sandbox.members().get(2);
        Path inv = inventory();
        Files.writeString(inv, "localhost," + slow.instance().port() + ";sa;UNPREPARED_PW;slow;\r\n",
                java.nio.file.StandardOpenOption.APPEND);
        slow.instance().setFaults(new Faults(Duration.ZERO, Duration.ofSeconds(15), 0, List.of()));
        Cli r;
        try {
            r = check(env(), "--inventory", inv.toString(), "--login-timeout", "6");
        } finally {
            slow.instance().setFaults(Faults.NONE);
        }
        // worst of: not ready (1), could not connect or timed out (3)
        assertThat(r.exit()).as(r.toString()).isEqualTo(3);
        assertThat(r.out()).startsWith("Fleet: 4 instances: 1 ready, 1 not ready, 2 could not be assessed\n")
                .contains("Blockers, by instances affected:", "MIL-I3", "127.0.0.1," + closed + ": ",
                        "localhost," + slow.instance().port() + ": ");
        assertThat(r.out().indexOf("Fleet:")).isLessThan(r.out().indexOf("milink"));
        // the healthy ones are reported in full: every area of both
        assertThat(r.out()).containsPattern("PASS +MIL-I3 +localhost," + ready.instance().port())
                .containsPattern("FAIL +MIL-I3 +localhost," + unprepared.instance().port());
        assertThat(r.err()).contains("1 inventory row repeats an instance", "wave.csv:3")
                .contains("not assessed: ").doesNotContain(ready.password().reveal())
                .doesNotContain("\r").doesNotContain("[#");
    }

    @Test
    void tagsSelectRowsAndAMissingVariableNamesTheRow() throws IOException {
        Path inv = inventory();
        Cli r = check(env(), "--inventory", inv.toString(), "--tag", "READY", "-o", "json");
        assertThat(r.exit()).as(r.toString()).isEqualTo(0);
        assertThat(r.out()).doesNotContain("Fleet:");
        Map<String, String> noVar = new HashMap<>(env());
        noVar.remove("READY_PW");
        Cli missing = check(noVar, "--inventory", inv.toString(), "--tag", "ready");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("Error [SECRET_MISSING]: " + inv + ":2: the environment variable"
                + " READY_PW");
        Cli none = check(env(), "--inventory", inv.toString(), "--tag", "nope");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("No instance in " + inv + " has the tag nope");
    }

    @Test
    void inventoryErrorsAreOneLineExit2() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "server,databases\nlocalhost,Sales\n,HR\n");
        Cli r = check(env(), "--inventory", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error [CONFIG_INVALID]: " + bad + ":3: no SQL Server").doesNotContain("\tat ");
        assertThat(check(env(), "--shard", "1/2", "localhost").err()).contains("--shard selects from an inventory");
        assertThat(check(env(), "--inventory", bad.toString(), "--shard", "3/2").err()).contains("K/N");
    }

    @Test
    void shardsTogetherFindWhatOneRunFinds() throws IOException {
        Path f = dir.resolve("three.yaml");
        Files.writeString(f, "defaults: {password-env: UNPREPARED_PW}\ntargets:\n"
                + "  - {server: 'localhost," + ready.instance().port() + "', password-env: READY_PW}\n"
                + "  - localhost," + unprepared.instance().port() + "\n"
                + "  - localhost," + sandbox.members().get(2).instance().port() + "\n");
        Cli one = check(env(), "--inventory", f.toString(), "-o", "json");
        Set<String> whole = findings(one.out());
        List<String> files = new ArrayList<>(List.of("report", "-o", "json"));
        Set<String> targets = new TreeSet<>();
        for (String shard : List.of("1/2", "2/2")) {
            Path out = dir.resolve("shard-" + shard.charAt(0) + ".json");
            Cli r = check(env(), "--inventory", f.toString(), "-o", "json", "--shard", shard, "--output-file",
                    out.toString());
            assertThat(r.exit()).as(r.toString()).isIn(0, 1); // each shard's own verdict; the merge has the fleet's
            new ObjectMapper().readTree(out.toFile()).path("targets")
                    .forEach(t -> assertThat(targets.add(t.asText())).as("in one shard only").isTrue());
            files.add(out.toString());
        }
        Cli merged = Cli.run(files.toArray(String[]::new)); // milink report shard-1.json shard-2.json -o json
        assertThat(merged.exit()).as(merged.toString()).isEqualTo(one.exit());
        assertThat(targets).hasSize(3);
        assertThat(whole).isNotEmpty();
        assertThat(findings(merged.out())).isEqualTo(whole);
    }

    @Test
    void aCentralManagementServerGroupIsTheFleet() {
        String cmsAddress = "cms://localhost," + cms.instance("cms").port();
        Map<String, String> e = new HashMap<>(env());
        e.put("MILINK_SQL_PASSWORD", "Sandbox#2022sa"); // the CMS's and the first target's sa
        Cli r = check(e, "--inventory", cmsAddress + "/wave%20]1['", "--login-timeout", "3");
        // the unprepared instance refuses prepared-2022's sa password: reported for that target alone
        assertThat(r.exit()).as(r.toString()).isEqualTo(3);
        assertThat(r.out()).startsWith("Fleet: 2 instances: 1 ready, 0 not ready, 1 could not be assessed")
                .contains("localhost," + unprepared.instance().port() + ": Login to", "SQL_LOGIN_FAILED");
        // registered in two groups: one instance, found by either group's tag
        Cli tagged = check(e, "--inventory", cmsAddress, "--tag", "later", "-o", "json");
        assertThat(tagged.exit()).as(tagged.toString()).isZero();
        assertThat(tagged.out()).contains("\"localhost," + ready.instance().port() + "\"");
    }

    private static Set<String> findings(String json) throws IOException {
        JsonNode report = new ObjectMapper().readTree(json);
        Set<String> out = new TreeSet<>();
        for (JsonNode f : report.path("findings")) {
            // fix scripts name backup files after the time of the run (Sales_20261206124727.bak): runs differ
            out.add(f.toString().replaceAll("_\\d{14}\\.", "_<time>."));
        }
        return out;
    }
}
