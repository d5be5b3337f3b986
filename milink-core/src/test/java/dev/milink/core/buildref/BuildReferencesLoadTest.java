// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.buildref;

import dev.milink.core.error.CoreError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.core.error.MilinkException;
import dev.milink.core.model.SqlVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loading a user file ({@code --build-reference FILE}): valid files work, broken ones fail in one clear line. */
class BuildReferencesLoadTest {

    private static final String MINIMAL = """
            {"lastUpdated": "2026-10-01", "sources": ["test"],
             "products": [{"major": 15, "name": "SQL Server 2019", "builds": [
               {"version": "15.0.2000.5", "name": "RTM", "kind": "RTM", "releaseDate": "2019-11-04"},
               {"version": "15.0.4312.2", "name": "CU20", "kind": "CU", "kb": "5024276", "releaseDate": "2023-04-13"},
               {"version": "15.0.4500.1", "name": "CU33", "kind": "CU", "kb": "5999999", "releaseDate": "2026-09-30"}]}],
             "linkMinimums": [{"major": 15, "directions": ["SQL_TO_MI"], "purpose": "CREATE_LINK",
               "build": "15.0.4312.2", "source": "https://learn.microsoft.com/x"}]}
            """;

    @TempDir
    Path dir;

    @Test
    void loadsAUserFileThatReplacesTheBundledData() throws IOException {
        BuildReference ref = BuildReferences.load(write(MINIMAL));
        assertThat(ref.lastUpdated()).hasToString("2026-10-01");
        assertThat(ref.latestCumulativeUpdate(15).orElseThrow().label()).isEqualTo("CU33 (15.0.4500.1)");
        assertThat(ref.describe(SqlVersion.parse("15.0.4470.1")))
                .isEqualTo("SQL Server 2019, build 15.0.4470.1 (between CU20 and CU33)");
    }

    @Test
    void theBundledFileIsAValidUserFile() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(BuildReferences.BUNDLED_RESOURCE)) {
            Path copy = dir.resolve("copy.json");
            Files.copy(in, copy);
            assertThat(BuildReferences.load(copy).minimums()).hasSameSizeAs(BuildReferences.bundled().minimums());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"lastUpdated\": \"2026-10-01\",                              | \"lastUpdated\": \"01.10.2026\","
                + " | has 'lastUpdated' \"01.10.2026\"; expected YYYY-MM-DD",
        ", \"kb\": \"5024276\", \"releaseDate\": \"2023-04-13\"        | , \"kb\": \"5024276\""
                + " | products[0].builds[1] (15.0.4312.2) has no 'releaseDate'",
        "\"kb\": \"5999999\",                                          | "
                + " | products[0].builds[2] (15.0.4500.1) has no 'kb'",
        "\"version\": \"15.0.4500.1\"                                  | \"version\": \"15.0.4000.1\""
                + " | products[0].builds[2] (15.0.4000.1) is not after 15.0.4312.2; builds must ascend by version",
        "\"build\": \"15.0.4312.2\"                                    | \"build\": \"15.0.4312.1\""
                + " | linkMinimums[0].build 15.0.4312.1 is not a listed build",
        "\"kind\": \"CU\", \"kb\": \"5024276\"                         | \"kind\": \"HOTFIX\", \"kb\": \"5024276\""
                + " | products[0].builds[1] (15.0.4312.2) has unknown 'kind' \"HOTFIX\"",
        "[\"SQL_TO_MI\"]                                               | [\"SIDEWAYS\"]"
                + " | linkMinimums[0] has unknown directions value \"SIDEWAYS\""
    })
    void invalidContentIsOneLineNamingFileAndProblem(String from, String to, String problem) throws IOException {
        String broken = MINIMAL.replace(from.strip(), to == null ? "" : to.strip());
        assertThat(broken).isNotEqualTo(MINIMAL);
        Path file = write(broken);
        assertThatThrownBy(() -> BuildReferences.load(file))
                .isInstanceOfSatisfying(MilinkException.class, e -> {
                    assertThat(e.code()).isEqualTo(CoreError.BUILD_REFERENCE_INVALID);
                    assertThat(e.getMessage()).isEqualTo("Build reference file " + file + " is invalid: " + problem
                            + ".").doesNotContain("\n");
                });
    }

    @Test
    void brokenJsonNamesTheLine() throws IOException {
        Path file = write("{\n  \"lastUpdated\": \"2026-10-01\",\n  \"products\": [ oops ]\n}");
        assertThatThrownBy(() -> BuildReferences.load(file))
                .isInstanceOf(MilinkException.class)
                .hasMessageStartingWith("Build reference file " + file + " is not valid JSON at line 3")
                .hasMessageNotContaining("\n");
    }

    @Test
    void missingFileIsReported() {
        Path file = dir.resolve("nope.json");
        assertThatThrownBy(() -> BuildReferences.load(file))
                .isInstanceOfSatisfying(MilinkException.class,
                        e -> assertThat(e.code()).isEqualTo(CoreError.BUILD_REFERENCE_INVALID))
                .hasMessage("Cannot read the build reference file " + file + ": no such file.");
    }

    @Test
    void anUnknownSchemaVersionIsRefused() throws IOException {
        // issue 13: schema 99 used to be read as if it were schema 1
        Path file = write(MINIMAL.replace("{\"lastUpdated\"", "{\"schema\": 99, \"lastUpdated\""));
        assertThatThrownBy(() -> BuildReferences.load(file))
                .isInstanceOf(MilinkException.class)
                .hasMessage("Build reference file " + file + " is invalid: has schema '99'; this milink reads schema 1"
                        + " (see buildref/sqlserver-builds.json).");
        assertThat(BuildReferences.load(write(MINIMAL.replace("{\"lastUpdated\"", "{\"schema\": 1,"
                + " \"lastUpdated\""))).lastUpdated()).hasToString("2026-10-01");
    }

    @Test
    void anEndlessFileIsRefusedWithoutReadingItAll() {
        // issue 13, defect 4: /dev/zero used to end in OutOfMemoryError
        assertThatThrownBy(() -> BuildReferences.load(Path.of("/dev/zero")))
                .isInstanceOf(MilinkException.class)
                .hasMessage("The build reference file /dev/zero is larger than 16 MB; milink reads at most that much."
                        + " Is it the right file?");
    }

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("builds.json"), json, StandardCharsets.UTF_8);
    }
}
