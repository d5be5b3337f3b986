// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.cli.Environment;
import dev.milink.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13's bad-input corpus: hostile inputs to every command (flags, config files, facts files, build references,
 * targets, CIDRs, names, secret files). Each must end with the documented exit code (2 for bad input), one
 * {@code Error [CODE]: …} line without a stack trace, and nothing written: no new or changed file, nothing on
 * stdout (or only the JSON error with {@code --output json}). None of them may reach the network: every case fails
 * before connecting. Grow this table with every input bug.
 */
class BadInputCorpusTest {

    @TempDir
    static Path tmp;

    static Inputs inputs;

    /** The environment of every case: a SQL password (so sign-in is not what fails), nothing interactive. */
    static final Map<String, String> ENV = Map.of("MILINK_SQL_PASSWORD", "Corpus#Pass-1", "MILINK_MI_PASSWORD",
            "Corpus#Pass-2");

    @BeforeAll
    static void files() throws Exception {
        inputs = new Inputs(tmp.resolve("inputs"));
    }

    record Case(String name, int exit, String code, String[] args) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case c(String name, String code, String... args) {
        return new Case(name, 2, code, args);
    }

    private static final String T = "127.0.0.1,1"; // never reached: every case fails before connecting
    /** A valid facts file, for cases where another input is the bad one. */
    private static final String F = Path.of("src/test/resources/facts/sql02-facts.txt").toAbsolutePath().toString();

    static List<Case> corpus() {
        List<Case> l = new ArrayList<>();
        // ---- commands and options
        l.add(c("subcommand missing its command", "USAGE", "checks", "nope"));
        l.add(c("unknown command", "USAGE", "chek"));
        l.add(c("unknown option with a value", "USAGE", "check", "--password=hunter2", T));
        l.add(c("unknown option, value apart", "USAGE", "check", "--password", "hunter2"));
        l.add(c("unknown short option", "USAGE", "check", "-Z"));
        l.add(c("version with an argument", "USAGE", "version", "extra"));
        l.add(c("option without its value", "USAGE", "check", "--user"));
        l.add(c("help for an unknown command", "USAGE", "help", "nope"));
        // ---- check: targets
        l.add(c("check without target", "USAGE", "check"));
        l.add(c("empty target", "USAGE", "check", "", "--user", "sa"));
        l.add(c("blank target", "USAGE", "check", "   ", "--user", "sa"));
        l.add(c("port out of range", "USAGE", "check", "sql01,99999", "--user", "sa"));
        l.add(c("port zero", "USAGE", "check", "sql01,0", "--user", "sa"));
        l.add(c("port not a number", "USAGE", "check", "sql01,abc", "--user", "sa"));
        l.add(c("IPv4 out of range", "USAGE", "check", "999.1.1.1", "--user", "sa"));
        l.add(c("IPv4 with a huge part", "USAGE", "check", "10.0.0.1234", "--user", "sa"));
        l.add(c("host with a space", "USAGE", "check", "bad host", "--user", "sa"));
        l.add(c("host with shell characters", "USAGE", "check", "sql01;rm -rf /", "--user", "sa"));
        l.add(c("host with an escape sequence", "USAGE", "check", "sql\u001b[2J01", "--user", "sa"));
        l.add(c("empty instance name", "USAGE", "check", "sql01\\", "--user", "sa"));
        l.add(c("instance name too long", "USAGE", "check", "sql01\\ABCDEFGHIJKLMNOPQ", "--user", "sa"));
        l.add(c("unclosed IPv6 bracket", "USAGE", "check", "[::1", "--user", "sa"));
        l.add(c("not an IPv6 address", "USAGE", "check", "[zz::q]", "--user", "sa"));
        l.add(c("trailing garbage", "USAGE", "check", "sql01,1433x", "--user", "sa"));
        // ---- check: options
        l.add(c("unknown output format", "USAGE", "check", "--facts", F, "--output", "xml"));
        l.add(c("empty output format", "USAGE", "check", "--facts", F, "--output", ""));
        l.add(c("unknown fail-on", "USAGE", "check", "--facts", F, "--fail-on", "never"));
        l.add(c("parallel zero", "USAGE", "check", T, "--user", "sa", "--parallel", "0"));
        l.add(c("parallel negative", "USAGE", "check", T, "--user", "sa", "--parallel", "-1"));
        l.add(c("parallel not a number", "USAGE", "check", T, "--parallel", "many"));
        l.add(c("parallel overflowing int", "USAGE", "check", T, "--parallel", "99999999999"));
        l.add(c("unknown direction", "USAGE", "check", "--facts", F, "--direction", "sideways"));
        l.add(c("empty database name", "USAGE", "check", T, "--user", "sa", "--database", ""));
        l.add(c("blank database name", "USAGE", "check", T, "--user", "sa", "-d", "  "));
        l.add(c("database name with a control character", "USAGE", "check", T, "--user", "sa", "-d", "a\u0007b"));
        l.add(c("database name too long", "USAGE", "check", T, "--user", "sa", "-d", "x".repeat(129)));
        l.add(c("login timeout zero", "USAGE", "check", T, "--user", "sa", "--login-timeout", "0"));
        l.add(c("login timeout negative", "USAGE", "check", T, "--user", "sa", "--login-timeout", "-5"));
        l.add(c("login timeout not a number", "USAGE", "check", T, "--login-timeout", "soon"));
        l.add(c("query timeout zero", "USAGE", "check", T, "--user", "sa", "--query-timeout", "0"));
        l.add(c("query timeout above a day", "USAGE", "check", T, "--user", "sa", "--query-timeout", "100000"));
        l.add(c("facts and a target together", "USAGE", "check", T, "--facts", F));
        l.add(c("unknown auth mode", "USAGE", "check", T, "--auth", "kerberos"));
        l.add(c("sql auth without user", "USAGE", "check", T));
        // ---- check: facts files
        each(l, "FACTS_FILE_INVALID", List.of("check", "--facts"),
                "facts /dev/zero", "/dev/zero",
                "facts directory", "{dir}/a-directory",
                "facts missing", "{dir}/missing.txt",
                "facts empty", "{dir}/empty.txt",
                "facts binary", "{dir}/binary.bin",
                "facts plain text", "{dir}/text.txt",
                "facts truncated", "{dir}/facts-truncated.txt");
        l.add(c("report file in a missing directory", "USAGE", "check", "--facts", F, "--output-file",
                "{dir}/no-such-dir/report.txt"));
        l.add(c("report file is a directory", "USAGE", "check", "--facts", F, "--output-file", "{dir}/a-directory"));
        l.add(c("facts as JSON error", "FACTS_FILE_INVALID", "check", "--facts", "/dev/zero", "-o", "json"));
        // ---- secret files
        l.add(c("password file /dev/zero", "USAGE", "check", T, "--user", "sa", "--password-file", "/dev/zero"));
        l.add(c("password file missing", "USAGE", "check", T, "--user", "sa", "--password-file", "{dir}/nope"));
        l.add(c("password file empty", "SECRET_MISSING", "check", T, "--user", "sa", "--password-file",
                "{dir}/pw-empty.txt"));
        l.add(c("password file is a directory", "USAGE", "check", T, "--user", "sa", "--password-file",
                "{dir}/a-directory"));
        // ---- config files
        each(l, "CONFIG_INVALID", List.of("check", "--config"),
                "config missing", "{dir}/missing.yaml",
                "config /dev/zero", "/dev/zero",
                "config directory", "{dir}/a-directory",
                "config not YAML", "{dir}/config-not-yaml.yaml",
                "config top level a list", "{dir}/config-list.yaml",
                "config unknown key", "{dir}/config-unknown-key.yaml",
                "config duplicate key", "{dir}/config-duplicate.yaml",
                "config parallel not a number", "{dir}/config-parallel.yaml",
                "config boolean maybe", "{dir}/config-bool.yaml",
                "config unset variable", "{dir}/config-unset-var.yaml",
                "config targets a map", "{dir}/config-map-targets.yaml");
        l.add(c("config fail-on never", "CONFIG_INVALID", "check", "--facts", F, "--config",
                "{dir}/config-fail-on.yaml"));
        l.add(c("config user a list", "CONFIG_INVALID", "check", "--config", "{dir}/config-user-list.yaml"));
        l.add(c("config unknown auth", "USAGE", "check", "--config", "{dir}/config-auth.yaml"));
        l.add(c("config unknown direction", "USAGE", "check", "--facts", F, "--config",
                "{dir}/config-direction.yaml"));
        l.add(c("config unknown output", "USAGE", "check", "--facts", F, "--config", "{dir}/config-output.yaml"));
        l.add(c("config billion laughs", "CONFIG_INVALID", "check", "--config", "{dir}/config-bomb.yaml"));
        l.add(c("config key with escape sequences", "CONFIG_INVALID", "check", "--config",
                "{dir}/config-escape.yaml"));
        // ---- build references
        each(l, "BUILD_REFERENCE_INVALID", List.of("check", "--facts", F, "--build-reference"),
                "build reference missing", "{dir}/missing.json",
                "build reference /dev/zero", "/dev/zero",
                "build reference not JSON", "{dir}/buildref-not-json.json",
                "build reference empty object", "{dir}/buildref-empty-object.json",
                "build reference schema 99", "{dir}/buildref-schema-99.json",
                "build reference an array", "{dir}/buildref-array.json",
                "build reference odd version", "{dir}/buildref-bad-version.json",
                "build reference empty file", "{dir}/empty.txt");
        // ---- fix
        l.add(c("fix without target", "USAGE", "fix"));
        l.add(c("fix two targets", "USAGE", "fix", "a", "b"));
        l.add(c("fix bad target", "USAGE", "fix", "999.1.1.1", "--user", "sa"));
        l.add(c("fix --apply without a terminal or --yes", "USAGE", "fix", T, "--user", "sa", "--apply"));
        l.add(c("fix login timeout zero", "USAGE", "fix", T, "--user", "sa", "--login-timeout", "0"));
        l.add(c("fix empty database", "USAGE", "fix", T, "--user", "sa", "--database", ""));
        l.add(c("fix unknown direction", "USAGE", "fix", T, "--user", "sa", "--direction", "up"));
        l.add(c("fix config with two targets", "USAGE", "fix", "--config", "{dir}/config-two-targets.yaml"));
        // ---- network test
        String[] nt = {"network", "test", T, "--user", "sa", "--mi", "127.0.0.1,2", "--mi-user", "admin"};
        l.add(c("network without subcommand", "USAGE", "network"));
        l.add(c("network test without arguments", "USAGE", "network", "test"));
        l.add(c("network test without --mi", "USAGE", "network", "test", T));
        l.add(c("network test bad MI address", "USAGE", "network", "test", T, "--mi", "mi!.example"));
        l.add(c("network test sql-address out of range", "USAGE", plus(nt, "--sql-address", "999.1.1.1")));
        l.add(c("network test sql-address with a space", "USAGE", plus(nt, "--sql-address", "a b")));
        l.add(c("network test sql-address with a quote", "USAGE", plus(nt, "--sql-address", "10.0.0.1'")));
        l.add(c("network test mi-subnet /33", "USAGE", plus(nt, "--mi-subnet", "10.0.0.0/33")));
        l.add(c("network test mi-subnet garbage", "USAGE", plus(nt, "--mi-subnet", "ten")));
        l.add(c("network test sql-server range out of range", "USAGE", plus(nt, "--sql-server", "300.1.1.1/8")));
        l.add(c("network test endpoint port zero", "USAGE", plus(nt, "--test-endpoint-port", "0")));
        l.add(c("network test endpoint port too high", "USAGE", plus(nt, "--test-endpoint-port", "70000")));
        l.add(c("network test job timeout not a duration", "USAGE", plus(nt, "--job-timeout", "soon")));
        l.add(c("network test poll interval negative", "USAGE", plus(nt, "--poll-interval", "-1s")));
        l.add(c("network test output yaml", "USAGE", plus(nt, "--output", "yaml")));
        l.add(c("network test login timeout zero", "USAGE", plus(nt, "--login-timeout", "0")));
        l.add(c("network test query timeout negative", "USAGE", plus(nt, "--query-timeout", "-5")));
        l.add(c("network test password file /dev/zero", "USAGE", plus(nt, "--password-file", "/dev/zero")));
        l.add(c("network test --verbose is unknown", "USAGE", plus(nt, "--verbose")));
        // ---- network rules, probe, allowlist
        l.add(c("rules without arguments", "USAGE", "network", "rules"));
        l.add(c("rules bad CIDR", "USAGE", "network", "rules", "--sql-server", "10.0.0.0/99", "--mi-subnet",
                "10.1.0.0/24"));
        l.add(c("rules bad MI subnet", "USAGE", "network", "rules", "--sql-server", "10.0.0.4", "--mi-subnet",
                "10.1.0.0/24x"));
        l.add(c("rules bad port", "USAGE", "network", "rules", "--sql-server", "10.0.0.4", "--mi-subnet",
                "10.1.0.0/24", "--sql-port", "0"));
        l.add(c("rules unknown format", "USAGE", "network", "rules", "--sql-server", "10.0.0.4", "--mi-subnet",
                "10.1.0.0/24", "--format", "excel"));
        l.add(c("rules priority not a number", "USAGE", "network", "rules", "--sql-server", "10.0.0.4",
                "--mi-subnet", "10.1.0.0/24", "--priority", "high"));
        l.add(c("probe without target", "USAGE", "network", "probe"));
        l.add(c("probe bad port", "USAGE", "network", "probe", "127.0.0.1:99999"));
        l.add(c("probe reversed range", "USAGE", "network", "probe", "127.0.0.1:20-10"));
        l.add(c("probe zero timeout", "USAGE", "network", "probe", "127.0.0.1:1", "--timeout", "0s"));
        l.add(c("probe concurrency zero", "USAGE", "network", "probe", "127.0.0.1:1", "--concurrency", "0"));
        l.add(c("allowlist unknown cloud", "USAGE", "network", "allowlist", "--cloud", "mars"));
        // ---- checks, sandbox, demo, collect-script
        l.add(c("explain an unknown check", "USAGE", "checks", "explain", "MIL-X99"));
        l.add(c("explain without id", "USAGE", "checks", "explain"));
        l.add(c("checks list with an argument", "USAGE", "checks", "list", "extra"));
        l.add(c("sandbox unknown scenario", "USAGE", "sandbox", "--scenario", "nope", "--exit-after"));
        l.add(c("sandbox port out of range", "USAGE", "sandbox", "--port", "70000", "--exit-after"));
        l.add(c("demo unknown scenario", "USAGE", "demo", "--scenario", "nope"));
        l.add(c("collect-script unknown option", "USAGE", "collect-script", "--bogus"));
        return l;
    }

    /** A case per (name, argument) pair: {@code command} plus the argument, failing with {@code code}. */
    private static void each(List<Case> l, String code, List<String> command, String... nameThenArgument) {
        for (int i = 0; i < nameThenArgument.length; i += 2) {
            l.add(c(nameThenArgument[i], code, plus(command.toArray(String[]::new), nameThenArgument[i + 1])));
        }
    }

    private static String[] plus(String[] base, String... more) {
        return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void theCorpusHasAtLeastEightyCases() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(80);
        assertThat(corpus().stream().map(Case::name).distinct()).hasSize(corpus().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void badInputIsOneCleanLineAndChangesNothing(Case c) throws Exception {
        Map<String, String> before = inputs.snapshot();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = inputs.resolve(c.args());
        int exit = Main.run(Environment.of(ENV), new PrintWriter(out), new PrintWriter(err), args);
        String all = "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;

        assertThat(exit).as(all).isEqualTo(c.exit());
        List<String> lines = err.toString().lines().filter(l -> !l.startsWith("Warning: ")).toList();
        assertThat(lines).as(all).isNotEmpty();
        assertThat(lines.getFirst()).as(all).startsWith("Error [" + c.code() + "]: ");
        assertThat(lines).as("at most the error, its causes and one hint: " + all).hasSizeLessThanOrEqualTo(4);
        assertThat(err.toString()).as(all).doesNotContain("\tat ", "Exception:", "OutOfMemory", "\u001b");
        boolean json = List.of(args).contains("json");
        if (json) {
            assertThat(out.toString()).as(all).startsWith("{").containsPattern("\"code\"\\s*:\\s*\"" + c.code() + "\"");
        } else {
            assertThat(out.toString()).as(all).isEmpty();
        }
        assertThat(inputs.snapshot()).as("nothing written: " + all).isEqualTo(before);
    }
}
