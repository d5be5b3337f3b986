// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.fix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.milink.sandbox.catalog.CatalogEngine;
import dev.milink.sandbox.scenario.Scenarios;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.RequestLog;
import dev.milink.sandbox.server.SandboxInstance;
import dev.milink.sandbox.server.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code milink fix --apply --yes} on an {@code unprepared-2019} sandbox, then {@code milink check} and
 * {@code milink fix} again, all black-box through {@code Main.run}; and where the database master key password
 * goes while that happens.
 */
class FixApplySandboxTest {

    /** Findings the T-SQL steps fix on unprepared-2019 (instance-level ones have no database). */
    static final List<String> TSQL_FIXABLE = List.of("MIL-I2|", "MIL-I8|", "MIL-I9|", "MIL-I12|", "MIL-D5|Reports",
            "MIL-D6|Staging", "MIL-D6|O'Brien DB", "MIL-D7|HRDB", "MIL-D7|Staging", "MIL-D7|Sales]Q1",
            "MIL-D7|O'Brien DB");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private SandboxServer sandbox;
    private SandboxInstance sql;
    private final String dmk = "Dmk#" + UUID.randomUUID(); // upper, lower, digits, symbol: passes 15118
    private Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(InstanceDef.of("sql", CatalogEngine.create(Scenarios.load("unprepared-2019"))));
        sql = sandbox.instance("sql");
        env = Map.of("MILINK_SQL_PASSWORD", "Sandbox#2019sa", "MILINK_DMK_PASSWORD", dmk);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String target() {
        return sql.host() + "," + sql.port();
    }

    private FixCommandTest.Run fix(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("fix", target(), "--user", "sa",
                "--trust-server-certificate", "--backup-dir", "D:\\Backups", "--debug"));
        args.addAll(List.of(more));
        return FixCommandTest.milink(env, args.toArray(String[]::new));
    }

    private Map<String, String> statuses() throws Exception {
        FixCommandTest.Run check = FixCommandTest.milink(env, "check", target(), "--user", "sa",
                "--trust-server-certificate", "--output", "json");
        assertThat(check.exit()).as(check.toString()).isIn(1, 5);
        Map<String, String> out = new HashMap<>();
        for (JsonNode f : JSON.readTree(check.out()).get("findings")) {
            JsonNode db = f.get("target").get("database");
            String key = f.get("checkId").asText() + "|" + (db.isNull() ? "" : db.asText());
            out.merge(key, f.get("status").asText(), (a, b) -> "PASS".equals(a) ? b : a); // any non-PASS wins
        }
        return out;
    }

    @Test
    void applyThenCheckShowsTheTsqlFixableFindingsPassingAndASecondFixPlansNothing() throws Exception {
        Map<String, String> before = statuses();
        assertThat(TSQL_FIXABLE).allSatisfy(k -> assertThat(before.get(k)).as(k).isIn("FAIL", "WARN"));

        FixCommandTest.Run apply = fix("--apply", "--yes");

        // 1: the manual steps (HADR, -T startup parameters, CU) are still to do; 4 would be a failed step
        assertThat(apply.exit()).as(apply.toString()).isEqualTo(1);
        assertThat(apply.out()).contains("Applying ", "Applied ", "Still to do by hand");
        Map<String, String> after = statuses();
        assertThat(TSQL_FIXABLE).allSatisfy(k -> assertThat(after.get(k)).as(k).isEqualTo("PASS"));
        assertThat(after.get("MIL-I3|")).isEqualTo("FAIL"); // HADR needs the host and a restart

        FixCommandTest.Run again = fix();
        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.out()).contains("0 T-SQL", "Dry run: nothing was changed.")
                .doesNotContain("To apply the");
    }

    @Test
    void theMasterKeyPasswordAppearsOnlyInWhatTheServerReceived() throws Exception {
        // milink's log (--debug prints it on the process's stderr): captured here at every level, whatever its
        // destination, so a future debug line with the password fails this test
        StringBuilder log = new StringBuilder();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                log.append(r.getLevel()).append(' ').append(new SimpleFormatter().formatMessage(r)).append('\n');
                if (r.getThrown() != null) {
                    log.append(r.getThrown()).append('\n');
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger milink = Logger.getLogger("dev.milink");
        Level level = milink.getLevel();
        milink.addHandler(capture);
        milink.setLevel(Level.ALL);
        FixCommandTest.Run apply;
        FixCommandTest.Run again;
        try {
            apply = fix("--apply", "--yes", "--script-dir", dir.resolve("scripts").toString());
            again = fix("--script-dir", dir.resolve("again").toString());
        } finally {
            milink.removeHandler(capture);
            milink.setLevel(level);
        }

        assertThat(apply.exit()).as(apply.toString()).isEqualTo(1);
        // it did reach the server: CREATE MASTER KEY ran with it
        assertThat(sql.requestLog().requests()).extracting(RequestLog.Request::normalizedSql)
                .anyMatch(s -> s != null && s.contains("CREATE MASTER KEY") && s.contains(dmk));
        // and nowhere else: stdout, stderr with the debug log, and every file milink wrote
        assertThat(apply.out() + apply.err() + again.out() + again.err()).doesNotContain(dmk);
        assertThat(log).as("milink's debug log").doesNotContain(dmk);
        List<Path> written;
        try (Stream<Path> files = Files.walk(dir)) {
            written = files.filter(Files::isRegularFile).toList();
        }
        assertThat(written).isNotEmpty();
        for (Path f : written) {
            assertThat(Files.readString(f)).as(f.toString()).doesNotContain(dmk);
        }
    }
}
