// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.milink.core.catalog.CheckCatalog;
import org.junit.jupiter.api.Test;

/** Help, version, the checks catalog and the shape of usage errors. */
class CliBasicsTest {

    @Test
    void helpListsCommandsAndEveryExitCode() {
        Cli r = Cli.run("--help").expectExit(0);
        assertThat(r.out()).contains("check", "checks", "demo", "collect-script", "sandbox", "version")
                .contains("Exit codes:").containsPattern("\\b0 +ready").containsPattern("\\b1 +not ready")
                .containsPattern("\\b2 +usage").containsPattern("\\b3 +could not connect")
                .containsPattern("\\b4 +a fix step failed").containsPattern("\\b5 +incomplete")
                .containsPattern("\\b70 +internal error");
    }

    @Test
    void versionPrintsMilinkAndJava() {
        Cli r = Cli.run("version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("milink ").contains("Java ");
    }

    @Test
    void unknownOptionIsOneLineUsageErrorWithoutStackTrace() {
        Cli r = Cli.run("check", "--bogus-option", "sql01").expectExit(2);
        assertThat(r.err()).startsWith("Error [USAGE]: Unknown option: '--bogus-option'")
                .contains("Try 'milink check --help'")
                .doesNotContain("\tat ", "Exception");
        assertThat(r.err().lines().filter(l -> l.startsWith("Error")).count()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownCommandSuggestsTheClosestOne() {
        Cli r = Cli.run("chek");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Error [USAGE]").contains("check");
    }

    @Test
    void noCommandIsAUsageError() {
        Cli r = Cli.run();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Usage: milink");
    }

    @Test
    void usageErrorWithJsonOutputIsAlsoJsonOnStdout() throws Exception {
        Cli r = Cli.run("checks", "list", "--output", "json", "--nope");
        assertThat(r.exit()).isEqualTo(2);
        JsonNode error = new ObjectMapper().readTree(r.out());
        assertThat(error.path("schemaVersion").asText()).isNotEmpty();
        assertThat(error.path("error").path("code").asText()).isEqualTo("USAGE");
        assertThat(error.path("error").path("exitCode").asInt()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error [USAGE]");
    }

    @Test
    void checksListShowsEveryCheck() {
        Cli r = Cli.run("checks", "list").expectExit(0);
        assertThat(r.out()).contains("ID", "AREA", "SEVERITY", "DIRECTIONS", "TITLE");
        CheckCatalog.standard().checks().forEach(c -> assertThat(r.out()).contains(c.metadata().id()));
    }

    @Test
    void checksListAsJsonParses() throws Exception {
        Cli r = Cli.run("checks", "list", "--output", "json");
        assertThat(r.exit()).isZero();
        JsonNode list = new ObjectMapper().readTree(r.out());
        assertThat(list.isArray()).isTrue();
        assertThat(list.size()).isEqualTo(CheckCatalog.standard().checks().size());
    }

    @Test
    void explainUnknownIdIsUsageErrorWithSuggestion() {
        String known = CheckCatalog.standard().checks().stream().map(c -> c.metadata().id()).findFirst()
                .orElse(null);
        String typo = known == null ? "MIL-NOPE" : known + "9";
        Cli r = Cli.run("checks", "explain", typo).expectExit(2);
        assertThat(r.err()).startsWith("Error [USAGE]: Unknown check id '" + typo + "'.");
        if (known != null) {
            assertThat(r.err()).contains("Did you mean " + known);
        }
    }

    @Test
    void explainKnownIdShowsMetadata() {
        CheckCatalog.standard().checks().stream().findFirst().ifPresent(c -> {
            Cli r = Cli.run("checks", "explain", c.metadata().id().toLowerCase());
            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(r.out()).contains(c.metadata().id(), c.metadata().title(), "Severity:", "Directions:");
        });
    }

    @Test
    void verboseAddsTheStackTrace() {
        Cli r = Cli.run("checks", "explain", "NOPE-1", "--verbose");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error [USAGE]").contains("MilinkException").contains("\tat ");
    }

    @Test
    void repeatedDebugRunsInOneJvmKeepOneLogHandler() {
        Cli.run("checks", "list", "--debug");
        Cli.run("checks", "list", "--debug");
        assertThat(java.util.logging.Logger.getLogger("dev.milink").getHandlers()).hasSize(1);
    }
}
