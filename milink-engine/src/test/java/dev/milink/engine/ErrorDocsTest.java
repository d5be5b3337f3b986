// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.error.ErrorCode;
import dev.milink.report.docs.ErrorDocs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/errors.md} is generated from every module's error codes ({@link Milink#errorCodes()}): this fails
 * when the committed page differs, and rewrites it when run with {@code -Dmilink.docs.update=true}.
 */
class ErrorDocsTest {

    private static Path page() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("../docs/errors.md").normalize();
    }

    @Test
    void everyCodeSaysWhatCausesItAndWhatToDo() {
        assertThat(ErrorDocs.undocumented(Milink.errorCodes())).isEmpty();
    }

    @Test
    void codesAreUniqueAcrossModules() {
        Set<String> seen = new HashSet<>();
        for (ErrorCode c : Milink.errorCodes()) {
            assertThat(seen.add(c.name())).as("error code " + c.name() + " is defined twice").isTrue();
        }
    }

    @Test
    void committedPageMatchesTheCodes() throws IOException {
        List<ErrorCode> codes = Milink.errorCodes();
        String expected = ErrorDocs.render(codes);
        if (Boolean.getBoolean("milink.docs.update")) {
            Files.writeString(page(), expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(page())).as("docs/errors.md differs from the error codes; regenerate with"
                + " ./mvnw -q -o -pl milink-engine -am test -Dtest=ErrorDocsTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dmilink.docs.update=true").isEqualTo(expected);
        for (ErrorCode c : codes) {
            assertThat(expected).contains("\n## " + c.name() + "\n**Caused by:** ");
        }
    }
}
