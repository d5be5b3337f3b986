// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.cli.Environment;
import dev.milink.cli.Main;
import dev.milink.sandbox.catalog.CatalogEngine;
import dev.milink.sandbox.engine.Faults;
import dev.milink.sandbox.scenario.Scenarios;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.SandboxServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13, defect 6: a marker secret is put wherever a secret can come from (an unknown option's value, the
 * password variables and files, the access token, the trust store and master key passwords) and every error path
 * runs, with {@code --verbose} and {@code --output json} too. The marker must appear nowhere: not on stdout, not on
 * stderr, not in any file milink wrote.
 */
class SecretSweepTest {

    static final String MARK = "Mk#Secret-7f3a9c51";

    @TempDir
    static Path tmp;

    static SandboxServer sandbox;
    static String sql;
    static Path work;
    static Path passwordFile;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxServer.start(InstanceDef.of("sql", CatalogEngine.create(Scenarios.load("unprepared-2019"))));
        sql = sandbox.instance("sql").host() + "," + sandbox.instance("sql").port();
        work = Files.createDirectories(tmp.resolve("work"));
        passwordFile = Files.writeString(tmp.resolve("pw.txt"), MARK + "\n");
        Files.setPosixFilePermissions(passwordFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    record Path_(String name, Map<String, String> env, String[] args) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Path_ p(String name, Map<String, String> env, String... args) {
        return new Path_(name, env, args);
    }

    static List<Path_> paths() {
        String closed = "127.0.0.1,1";
        Map<String, String> none = Map.of();
        Map<String, String> sqlPw = Map.of("MILINK_SQL_PASSWORD", MARK);
        Map<String, String> good = Map.of("MILINK_SQL_PASSWORD", "Sandbox#2019sa");
        String pw = "{pw}";
        List<Path_> l = new ArrayList<>();
        for (String extra : List.of("", "--verbose", "json")) {
            String[] x = extra.isEmpty() ? new String[0] : extra.equals("json") ? new String[] {"-o", "json"}
                    : new String[] {extra};
            l.add(p("unknown --password=value " + extra, none, cat(x, "check", "--password=" + MARK, closed)));
            l.add(p("unknown --password value " + extra, none, cat(x, "check", closed, "--password", MARK)));
            l.add(p("unknown -p attached " + extra, none, cat(x, "check", closed, "-p" + MARK)));
            l.add(p("option value looks like an option " + extra, none, cat(x, "check", closed, "--user",
                    "--password=" + MARK)));
            l.add(p("wrong password from the environment " + extra, sqlPw, cat(x, "check", sql, "--user", "sa",
                    "--trust-server-certificate")));
            l.add(p("wrong password from a file " + extra, none, cat(x, "check", sql, "--user", "sa",
                    "--password-file", pw, "--trust-server-certificate")));
            l.add(p("password for an unreachable server " + extra, sqlPw, cat(x, "check", closed, "--user", "sa",
                    "--login-timeout", "1")));
        }
        l.add(p("fix: unknown --secret", none, "fix", closed, "--secret=" + MARK, "-o", "json"));
        l.add(p("fix: wrong password", sqlPw, "fix", sql, "--user", "sa", "--trust-server-certificate", "--verbose"));
        l.add(p("network test: unknown --mi-password", none, "network", "test", closed, "--mi", closed,
                "--mi-password", MARK));
        l.add(p("network test: wrong MI password", Map.of("MILINK_SQL_PASSWORD", "Sandbox#2019sa",
                "MILINK_MI_PASSWORD", MARK), "network", "test", sql, "--user", "sa", "--mi", sql, "--mi-user",
                "miadmin", "--trust-server-certificate", "--output", "json"));
        l.add(p("network rules: unknown --token", none, "network", "rules", "--token", MARK));
        l.add(p("access token rejected", Map.of("MILINK_ACCESS_TOKEN", MARK), "check", sql, "--auth",
                "access-token", "--trust-server-certificate", "--verbose"));
        l.add(p("trust store password", with(good, "MILINK_TRUST_STORE_PASSWORD", MARK), "check", sql, "--user",
                "sa", "--trust-store", "{dir}/no-such-store.p12", "--verbose"));
        l.add(p("master key password in scripts", with(good, "MILINK_DMK_PASSWORD", MARK), "fix", sql, "--user",
                "sa", "--trust-server-certificate", "--script-dir", "{dir}/scripts", "--backup-dir", "D:\\Backups"));
        l.add(p("master key password while applying", with(good, "MILINK_DMK_PASSWORD", MARK), "fix", sql,
                "--user", "sa", "--trust-server-certificate", "--apply", "--yes", "--debug"));
        // the upload itself (both stand-ins, known password and PFX) is swept in TdeMigrationCliTest
        l.add(p("TDE PFX copy password while applying", with(good, "MILINK_TDE_PFX_PASSWORD", MARK), "fix", sql,
                "--user", "sa", "--trust-server-certificate", "--apply", "--yes", "--tde-pfx-out", "{dir}/safe",
                "--dmk-password-file", "{dir}/dmk-password.txt", "--debug"));
        l.add(p("report to a file", good, "check", sql, "--user", "sa", "--trust-server-certificate",
                "--output-file", "{dir}/report.json", "-o", "json", "--password-file", pw));
        return l;
    }

    private static Map<String, String> with(Map<String, String> env, String k, String v) {
        Map<String, String> m = new HashMap<>(env);
        m.put(k, v);
        return m;
    }

    private static String[] cat(String[] first, String... more) {
        return Stream.concat(Stream.of(more), Stream.of(first)).toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void theMarkerSecretAppearsNowhere(Path_ path) throws Exception {
        // the master key step fails once, so the failure path is swept too
        sandbox.instance("sql").setFaults(new Faults(Duration.ZERO, Duration.ZERO, 0, List.of(
                new Faults.StatementError(Pattern.compile("CREATE\\s+MASTER\\s+KEY"), 15_118, 16,
                        "Password validation failed.", 1))));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = Stream.of(path.args()).map(a -> a.replace("{pw}", passwordFile.toString())
                .replace("{dir}", work.toString())).toArray(String[]::new);
        int exit = Main.run(Environment.of(path.env()), new PrintWriter(out), new PrintWriter(err), args);
        String all = "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        assertThat(out.toString()).as(all).doesNotContain(MARK);
        assertThat(err.toString()).as(all).doesNotContain(MARK);
        try (Stream<Path> files = Files.walk(work)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as("written file " + f).doesNotContain(MARK);
            }
        }
    }
}
