// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.cli.Environment;
import dev.milink.cli.Main;
import dev.milink.sandbox.catalog.CatalogEngine;
import dev.milink.sandbox.scenario.Scenarios;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.RequestLog;
import dev.milink.sandbox.server.SandboxInstance;
import dev.milink.sandbox.server.SandboxServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code milink fix} black-box: arguments and environment in, exit code and output out; a fresh sandbox per test. */
class FixCommandTest {

    static final Map<String, String> ENV = Map.of("MILINK_SQL_PASSWORD", "Sandbox#2019sa");
    /** Statements that change a server; a dry run must send none of them. */
    static final Pattern CHANGES = Pattern.compile(
            "(?i)\\b(ALTER\\s+DATABASE|CREATE\\s+(MASTER\\s+KEY|CERTIFICATE|ENDPOINT|LOGIN)|BACKUP\\s+|DBCC\\s+TRACEON|GRANT\\s)");

    @TempDir
    Path dir;

    private SandboxServer sandbox;
    private SandboxInstance sql;

    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(InstanceDef.of("sql", CatalogEngine.create(Scenarios.load("unprepared-2019"))));
        sql = sandbox.instance("sql");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    static Run milink(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(Environment.of(env), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private String target() {
        return sql.host() + "," + sql.port();
    }

    @Test
    void aDryRunPrintsThePlanAndSendsNothingThatChangesTheServer() {
        Run run = milink(ENV, "fix", target(), "--user", "sa", "--trust-server-certificate", "--backup-dir",
                "D:\\Backups");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Fix plan for " + target(), "[manual, restart]", "Dry run: nothing was changed.");
        List<RequestLog.Request> requests = sql.requestLog().requests();
        assertThat(requests).isNotEmpty();
        assertThat(requests).extracting(RequestLog.Request::normalizedSql).filteredOn(s -> s != null)
                .noneMatch(s -> CHANGES.matcher(s.replaceAll("--[^\\n]*", "")).find());
    }

    @Test
    void scriptDirWritesTheManifestAndOneFilePerStep() throws Exception {
        Path plan = dir.resolve("plan");
        Run run = milink(ENV, "fix", target(), "--user", "sa", "--trust-server-certificate", "--script-dir",
                plan.toString());

        assertThat(run.exit()).as(run.toString()).isZero();
        try (Stream<Path> files = Files.list(plan)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("000-manifest.md").hasSizeGreaterThan(1);
        }
        assertThat(Files.readString(plan.resolve("000-manifest.md"))).contains("# milink fix plan for " + target());
    }

    @Test
    void aSuppressedOrDisabledCheckGetsNoFixStep() throws Exception {
        Run all = milink(ENV, "fix", target(), "--user", "sa", "--trust-server-certificate");
        assertThat(all.out()).as(all.toString()).contains("Enable Always On availability groups", "-T1800");

        Path cfg = dir.resolve("milink.yaml");
        Files.writeString(cfg, """
                checks:
                  MIL-I5: {enabled: false}
                suppress:
                  - {check: MIL-I3, reason: "Always On is enabled in the change window"}
                """);
        Run configured = milink(ENV, "fix", target(), "--user", "sa", "--trust-server-certificate", "--config",
                cfg.toString());
        assertThat(configured.exit()).as(configured.toString()).isZero();
        assertThat(configured.out()).contains("Fix plan for " + target())
                .doesNotContain("Enable Always On availability groups", "-T1800");
    }

    @Test
    void applyWithoutYesWhenNotInATerminalExitsWith2BeforeConnecting() {
        Run run = milink(ENV, "fix", target(), "--user", "sa", "--trust-server-certificate", "--apply");

        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("Error [USAGE]", "needs a confirmation", "--yes");
        assertThat(sql.requestLog().requests()).isEmpty();
    }

    @Test
    void fixNeedsExactlyOneTarget() {
        Run none = milink(ENV, "fix");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("works on one instance");
        assertThat(milink(ENV, "fix", "a", "b").exit()).isEqualTo(2);
    }

    @Test
    void helpListsTheFixOptionsAndThePlanReviewApplyExample() {
        Run help = milink(Map.of(), "fix", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--apply", "--yes", "--script-dir", "--backup-dir", "--include-database",
                "--dmk-password-file", "Plan -> review -> apply");
    }
}
