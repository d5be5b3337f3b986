// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code milink check} end to end: offline facts, JSON, exit codes, unreachable servers. */
class CheckCommandTest {

    /** SQL Server 2019 CU20 Standard with HADR off and a SIMPLE database: not ready. */
    static final Path FACTS = Path.of("src/test/resources/facts/sql02-facts.txt");

    @TempDir
    Path dir;

    @Test
    void factsFileIsJudgedOfflineWithTheVerdictsExitCode() {
        Cli r = Cli.run("check", "--facts", FACTS.toString()).expectExit(1);
        assertThat(r.out()).contains("MIL-I3", "FAIL", "NOT READY", "sql02-facts");
    }

    @Test
    void jsonReportParsesAndCarriesItsSchemaVersion() throws IOException {
        Cli r = Cli.run("check", "--facts", FACTS.toString(), "--output", "json");
        assertThat(r.exit()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.path("schemaVersion").asText()).isEqualTo("1.1");
        assertThat(report.toString()).contains("NOT_READY", "MIL-I3");
    }

    @Test
    void outputFileGetsTheReportAndStdoutStaysEmpty() throws IOException {
        Path file = dir.resolve("report.json");
        Cli r = Cli.run("check", "--facts", FACTS.toString(), "-o", "json", "--output-file", file.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(new ObjectMapper().readTree(file.toFile()).path("schemaVersion").asText()).isEqualTo("1.1");
        assertThat(r.err()).contains("Report written to " + file);
    }

    @Test
    void severalFactsFilesMakeOneReport() throws IOException {
        Path second = dir.resolve("sql03-facts.txt");
        Files.copy(FACTS, second);
        Cli r = Cli.run("check", "--facts", FACTS.toString(), "--facts", second.toString(), "-o", "json");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("sql02-facts", "sql03-facts");
    }

    @Test
    void namedDatabaseThatDoesNotExistIsAFindingForThatName() {
        // issue 13: this used to end the run with exit 2 and no report
        Cli r = Cli.run("check", "--facts", FACTS.toString(), "--database", "Salse", "-o", "json").expectExit(1);
        assertThat(r.out()).contains("There is no database named 'Salse' on sql02-facts (named with --database)."
                + " User databases found: ").contains("Sales").contains("\"MIL-D2\"");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void invalidFactsFileIsUsageError() throws IOException {
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "this is not the collect script's output\n");
        Cli r = Cli.run("check", "--facts", bad.toString()).expectExit(2);
        assertThat(r.err()).startsWith("Error [FACTS_FILE_INVALID]").doesNotContain("\tat ");
    }

    @Test
    void unreachableServerIsExit3NamingHostAndPort() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort(); // free now, and closed once the socket is
        }
        Cli r = Cli.run(Map.of("MILINK_SQL_PASSWORD", "pw-unreachable-1"), "check", "127.0.0.1:" + closed,
                "--user", "sa", "--login-timeout", "2").expectExit(3);
        assertThat(r.err()).startsWith("Error [SQL_UNREACHABLE]").contains("127.0.0.1:" + closed)
                .contains("Run with --verbose").doesNotContain("\tat ").doesNotContain("pw-unreachable-1");
    }

    @Test
    void unreachableServerWithJsonOutputGivesJsonErrorOnStdout() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Cli r = Cli.run(Map.of("MILINK_SQL_PASSWORD", "pw"), "check", "127.0.0.1," + closed, "--user", "sa",
                "--output", "json", "--login-timeout", "2");
        assertThat(r.exit()).isEqualTo(3);
        JsonNode error = new ObjectMapper().readTree(r.out()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("SQL_UNREACHABLE");
        assertThat(error.path("exitCode").asInt()).isEqualTo(3);
    }

    @Test
    void factsAndTargetsTogetherIsUsageError() {
        Cli r = Cli.run("check", "sql01", "--facts", FACTS.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("not both");
    }
}
