// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.milink.cli.Environment;
import dev.milink.cli.Main;
import dev.milink.sandbox.catalog.CatalogEngine;
import dev.milink.sandbox.engine.Faults;
import dev.milink.sandbox.scenario.Scenario;
import dev.milink.sandbox.scenario.Scenarios;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.SandboxServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, defect 3 and the fleet fault tests: one {@code milink check} over a fleet in which every kind of
 * trouble happens at once: an odd product version, a server slower than --query-timeout, a refused login, a
 * permission denied in the middle of collection, a connection reset in the middle of a batch, an unreachable port,
 * a target named twice. Every healthy target must be reported in full, every failing one explained, and the exit
 * code is the worst of them.
 */
class FleetFaultsTest {

    private static final String PASSWORD = "Fleet#Pass-2026";
    private SandboxServer sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static InstanceDef instance(String name, String scenario, Consumer<Scenario> edit) {
        Scenario s = Scenarios.load(scenario).copy();
        s.login("sa").password = PASSWORD;
        edit.accept(s);
        return InstanceDef.of(name, CatalogEngine.create(s));
    }

    private String target(String name) {
        return sandbox.instance(name).host() + "," + sandbox.instance(name).port();
    }

    @Test
    void everyHealthyTargetIsReportedInFullAndEveryFailingOneExplained() throws Exception {
        sandbox = SandboxServer.start(
                instance("healthy-2022", "prepared-2022", s -> { }),
                instance("healthy-2019", "unprepared-2019", s -> { }),
                instance("odd-version", "unprepared-2019", s -> s.server.productVersion = "15.0.4261.1.7"),
                instance("slow", "prepared-2022", s -> { }),
                instance("login-refused", "prepared-2022", s -> s.login("sa").password = "Another#Pass-1"),
                instance("permission-denied", "prepared-2022", s -> { }),
                instance("reset", "prepared-2022", s -> { }));
        sandbox.instance("slow").setFaults(new Faults(Duration.ZERO, Duration.ofSeconds(60), 0, List.of()));
        sandbox.instance("permission-denied").setFaults(new Faults(Duration.ZERO, Duration.ZERO, 0, List.of(
                new Faults.StatementError(Pattern.compile("sys\\.dm_os_host_info"), 297, 16,
                        "The user does not have permission to perform this action.", -1))));
        sandbox.instance("reset").setFaults(new Faults(Duration.ZERO, Duration.ZERO, 1, List.of()));
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        List<String> targets = new ArrayList<>(List.of(target("healthy-2022"), target("healthy-2019"),
                target("odd-version"), target("slow"), target("login-refused"), target("permission-denied"),
                target("reset"), "127.0.0.1," + closed, target("healthy-2022")));
        List<String> args = new ArrayList<>(List.of("check"));
        args.addAll(targets);
        args.addAll(List.of("--user", "sa", "--trust-server-certificate", "--query-timeout", "120",
                "--login-timeout", "12", "-o", "json"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(Environment.of(Map.of("MILINK_SQL_PASSWORD", PASSWORD)), new PrintWriter(out),
                new PrintWriter(err), args.toArray(String[]::new));
        String all = "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;

        assertThat(exit).as("the worst outcome: a target could not be reached (3)\n" + all).isEqualTo(3);
        assertThat(out.toString()).as(all).contains("\"findings\"");
        JsonNode report = new ObjectMapper().readTree(out.toString());
        Map<String, List<JsonNode>> byInstance = new LinkedHashMap<>();
        for (JsonNode f : report.get("findings")) {
            byInstance.computeIfAbsent(f.get("target").get("instance").asText(), k -> new ArrayList<>()).add(f);
        }
        // healthy targets: every check, and no ERROR
        for (String healthy : List.of("healthy-2022", "healthy-2019", "permission-denied")) {
            List<JsonNode> findings = byInstance.get(target(healthy));
            assertThat(findings).as(healthy + "\n" + all).hasSizeGreaterThan(40);
            assertThat(findings).noneMatch(f -> f.get("status").asText().equals("ERROR"));
        }
        // permission denied mid-collection: the facts it hid are UNKNOWN naming the permission, nothing else lost
        assertThat(byInstance.get(target("permission-denied"))).anyMatch(f -> f.get("status").asText()
                .equals("UNKNOWN") && f.get("message").asText().contains("sys.dm_os_host_info"));
        // the odd version: one ERROR finding naming the value
        assertThat(byInstance.get(target("odd-version"))).singleElement().satisfies(f -> {
            assertThat(f.get("status").asText()).isEqualTo("ERROR");
            assertThat(f.get("message").asText()).contains("'15.0.4261.1.7'", "product_version",
                    "SQL_VALUE_UNREADABLE");
        });
        // the others: each named with why, in the report's notes and on stderr
        String notes = StreamSupport.stream(report.get("notes").spliterator(), false).map(JsonNode::asText)
                .reduce("", (a, b) -> a + "\n" + b);
        assertThat(notes).contains("Not assessed: " + target("slow") + ": ").contains("[SQL_TIMEOUT]")
                .contains("Not assessed: " + target("login-refused") + ": ").contains("[SQL_LOGIN_FAILED]")
                .contains("Not assessed: " + target("reset") + ": ")
                .contains("Not assessed: 127.0.0.1," + closed + ": ");
        assertThat(byInstance).doesNotContainKeys(target("slow"), target("login-refused"), target("reset"));
        // the header names the instances assessed (the duplicate once), not every argument
        assertThat(report.get("targets")).hasSize(4);
        assertThat(err.toString()).contains("named more than once, assessed once: " + target("healthy-2022"))
                .contains("not assessed: ").doesNotContain("Error [INTERNAL]");
    }
}
