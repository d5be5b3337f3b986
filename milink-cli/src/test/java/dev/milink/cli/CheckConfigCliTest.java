// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code checks:} and {@code suppress:} sections of {@code milink.yaml}, black-box through {@code Main.run} on
 * the offline facts file (blockers MIL-I3 on the instance, MIL-D6 and MIL-D7 on database Sales).
 */
class CheckConfigCliTest {

    @TempDir
    Path dir;

    private Cli check(String yaml, String... more) throws IOException {
        Path cfg = dir.resolve("milink.yaml");
        Files.writeString(cfg, yaml);
        String[] args = new String[4 + more.length];
        args[0] = "check";
        args[1] = "--facts";
        args[2] = CheckCommandTest.FACTS.toString();
        args[3] = "--config=" + cfg;
        System.arraycopy(more, 0, args, 4, more.length);
        return Cli.run(args);
    }

    @Test
    void suppressedBlockersShowWithTheirReasonAndNoLongerFailTheRun() throws IOException {
        String yaml = """
                suppress:
                  - check: MIL-I3
                    reason: "HADR is enabled in the change window on 2026-06-10"
                  - database: Sales
                    reason: "Sales moves with the next wave"
                    expires: 2099-12-31
                """;
        Cli text = check(yaml);
        assertThat(text.exit()).as(text.toString()).isNotEqualTo(1).isIn(0, 5);
        assertThat(text.out()).contains("SUPP", "MIL-I3", "suppressed: HADR is enabled in the change window",
                "(was FAIL)", "Sales moves with the next wave").doesNotContain("NOT READY");

        Cli json = check(yaml, "--output", "json");
        JsonNode report = new ObjectMapper().readTree(json.out());
        JsonNode i3 = null;
        for (JsonNode f : report.path("findings")) {
            if (f.path("checkId").asText().equals("MIL-I3")) {
                i3 = f;
            }
        }
        assertThat(i3).as(json.out()).isNotNull();
        assertThat(i3.path("status").asText()).isEqualTo("SUPPRESSED");
        assertThat(i3.path("suppression").path("reason").asText()).startsWith("HADR is enabled");
        assertThat(i3.path("suppression").path("was").asText()).isEqualTo("FAIL");
        assertThat(report.path("summary").path("suppressed").asInt()).as("I3, D6, D7 and the notes and unknowns on Sales")
                .isGreaterThan(3);
        assertThat(report.path("summary").path("fail").asInt()).isZero();
    }

    @Test
    void severityChangeTurnsABlockerIntoAWarning() throws IOException {
        Cli r = check("""
                checks:
                  MIL-I3: {severity: warning}
                  MIL-D6: {severity: warning}
                  MIL-D7: {enabled: false}
                """, "--output", "json");
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(r.exit()).as(r.toString()).isIn(0, 5);
        for (JsonNode f : report.path("findings")) {
            switch (f.path("checkId").asText()) {
                case "MIL-I3", "MIL-D6" -> {
                    assertThat(f.path("status").asText()).isEqualTo("WARN");
                    assertThat(f.path("severity").asText()).isEqualTo("WARNING");
                }
                case "MIL-D7" -> assertThat(f.path("status").asText()).isEqualTo("SKIPPED");
                default -> assertThat(f.path("status").asText()).isNotEqualTo("FAIL");
            }
        }
        Cli failOnWarning = check("checks:\n  MIL-I3: {severity: warning}\n  MIL-D6: {severity: warning}\n"
                + "  MIL-D7: {severity: warning}\n", "--fail-on", "warning");
        assertThat(failOnWarning.exit()).isEqualTo(1);
    }

    @Test
    void aSuppressionWithoutReasonIsAUsageErrorNamingTheEntry() throws IOException {
        Cli r = check("""
                suppress:
                  - {check: MIL-D7, database: Legacy}
                """);
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error [CONFIG_INVALID]")
                .contains("suppress[1] (check MIL-D7, database Legacy) has no reason").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
        Cli blank = check("suppress: [{check: MIL-D7, reason: \"  \"}]\n");
        assertThat(blank.exit()).isEqualTo(2);
        assertThat(blank.err()).contains("suppress[1] (check MIL-D7) has no reason");
    }

    @Test
    void anUnknownCheckIdIsAUsageErrorWithDidYouMean() throws IOException {
        Cli r = check("checks:\n  MIL-D77: {severity: info}\n");
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("checks.MIL-D77: unknown check id 'MIL-D77'", "Did you mean", "MIL-D7");
        Cli suppress = check("suppress: [{check: MIL-I33, reason: typo}]\n");
        assertThat(suppress.exit()).isEqualTo(2);
        assertThat(suppress.err()).contains("unknown check id 'MIL-I33'", "MIL-I3");
    }
}
