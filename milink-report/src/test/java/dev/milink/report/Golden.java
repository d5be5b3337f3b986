// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a file under {@code src/test/resources/golden/}. After an intended change, rewrite them with
 * {@code ./mvnw -q -o -pl milink-report -am test -Dsurefire.failIfNoSpecifiedTests=false -Dmilink.golden.update=true} and review the diff before committing.
 * Callers pass the golden form of their output (HTML with markers for its inlined assets, see {@link HtmlGoldenTest}).
 */
final class Golden {

    static final String UPDATE_PROPERTY = "milink.golden.update";

    private Golden() {
    }

    static Path moduleDir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    }

    static void assertMatches(String name, String actual) throws IOException {
        Path file = moduleDir().resolve("src/test/resources/golden").resolve(name);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("Golden file " + file + " is missing. Create it with: ./mvnw -q -o -pl milink-report test -D"
                    + UPDATE_PROPERTY + "=true");
        }
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(actual)
                .as("output differs from golden file %s; if the change is intended, rewrite it with "
                        + "./mvnw -q -o -pl milink-report test -D%s=true and review the diff", file, UPDATE_PROPERTY)
                .isEqualTo(expected);
    }
}
