// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.milink.core.catalog.CheckCatalog;
import dev.milink.core.check.Area;
import dev.milink.core.check.Check;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Scope;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Target;
import dev.milink.core.model.Direction;
import dev.milink.core.model.Facts;
import dev.milink.engine.Milink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check that throws (a test-only check, through {@code Main.run}'s catalog parameter): an ERROR finding naming
 * the exception, the other findings intact, exit 70 when nothing is worse, one line on stderr, the stack trace with
 * {@code --verbose} and in {@code --log-file}.
 */
class InternalErrorCliTest {

    private static final String FACTS = CheckCommandTest.FACTS.toString();

    @TempDir
    Path dir;

    /** A test-only check: metadata from an id and a title, applying everywhere. */
    abstract static class TestOnlyCheck implements Check {
        private final CheckMetadata metadata;

        TestOnlyCheck(String id, String title) {
            metadata = new CheckMetadata(id, title, Area.INSTANCE, Scope.INSTANCE, Severity.BLOCKER,
                    EnumSet.allOf(Direction.class), "Test only.", "https://example.com", List.of(), "0.0.0", false,
                    List.of());
        }

        @Override
        public CheckMetadata metadata() {
            return metadata;
        }
    }

    /** Throws on every target, as a bug would. */
    static final class ThrowingCheck extends TestOnlyCheck {
        ThrowingCheck() {
            super("TEST-THROWS", "A check with a bug");
        }

        @Override
        public List<Finding> evaluate(Facts facts, CheckContext context) {
            throw new IllegalStateException("index 3 out of bounds for length 3");
        }
    }

    /** Passes on every target. */
    static final class PassingCheck extends TestOnlyCheck {
        PassingCheck() {
            super("TEST-PASSES", "A check that passes");
        }

        @Override
        public List<Finding> evaluate(Facts facts, CheckContext context) {
            return List.of(Finding.of(metadata(), Target.instance(facts.server().target())).pass("Fine.",
                    Evidence.NONE));
        }
    }

    private static final CheckCatalog CATALOG = CheckCatalog.of(List.of(new PassingCheck(), new ThrowingCheck()));

    @Test
    void aThrowingCheckIsAnErrorFindingExitSeventyAndOneLineOnStderr() throws Exception {
        Cli r = Cli.runWith(CATALOG, "check", "--facts", FACTS, "--no-color");

        assertThat(r.exit()).as(r.toString()).isEqualTo(70);
        assertThat(r.out()).contains("PASS  TEST-PASSES", "ERR!  TEST-THROWS",
                "The check failed with java.lang.IllegalStateException: index 3 out",
                "ERR! 1", "INCOMPLETE: 0 blockers, 0 warnings, 0 unknown across 1 instance");
        assertThat(r.err().lines().toList()).as(r.err()).singleElement().asString()
                .startsWith("Error [INTERNAL]: a check failed inside milink")
                .contains("TEST-THROWS on sql02-facts threw java.lang.IllegalStateException: index 3 out of bounds")
                .contains("Run with --verbose for the stack trace, or --log-file FILE.");
        assertThat(r.err()).doesNotContain("\tat ");

        Cli json = Cli.runWith(CATALOG, "check", "--facts", FACTS, "--output", "json");
        assertThat(json.exit()).isEqualTo(70);
        JsonNode findings = new ObjectMapper().readTree(json.out()).get("findings");
        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).get("status").asText()).isEqualTo("PASS");
        assertThat(findings.get(1).get("status").asText()).isEqualTo("ERROR");
        assertThat(findings.get(1).get("message").asText()).contains("IllegalStateException");
    }

    @Test
    void verboseShowsTheStackTraceAndTheLogFileHasIt() throws Exception {
        Path log = dir.resolve("milink.log");
        Cli r = Cli.runWith(CATALOG, "check", "--facts", FACTS, "--verbose", "--log-file", log.toString());

        assertThat(r.exit()).isEqualTo(70);
        assertThat(r.err()).contains("Error [INTERNAL]", "java.lang.IllegalStateException: index 3 out of bounds",
                "at " + ThrowingCheck.class.getName() + ".evaluate");
        assertThat(Files.readString(log)).contains("check TEST-THROWS failed on sql02-facts",
                "java.lang.IllegalStateException: index 3 out of bounds for length 3",
                "at " + ThrowingCheck.class.getName() + ".evaluate");
    }

    @Test
    void aLogFileThatCannotBeWrittenIsAUsageError() {
        Cli r = Cli.runWith(CATALOG, "check", "--facts", FACTS, "--log-file", dir.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error [USAGE]: --log-file: cannot write " + dir);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aFailedBlockerIsWorseThanTheBug() {
        Cli r = Cli.runWith(Milink.standardCatalogWith(List.of(new ThrowingCheck())), "check", "--facts", FACTS);

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("MIL-I3", "TEST-THROWS", "NOT READY");
        assertThat(r.err()).contains("Error [INTERNAL]");
    }
}
