// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every bundled fix template names only syntaxes the renderer knows, and loads through {@link ScriptTemplate#fix}. */
class FixTemplatesTest {

    private static final Path ROOT = Path.of("src/main/resources/fix");
    private static final Pattern NAMED = Pattern.compile("\\{\\{[A-Za-z0-9_]+:([a-z-]+)}}");

    @Test
    void everyPlaceholderSyntaxIsKnown() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ROOT)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThan(40);
        int named = 0;
        for (Path f : files) {
            Path rel = ROOT.relativize(f);
            String text = ScriptTemplate.fix(rel.getName(0).toString(), rel.getName(1).toString()).text();
            Matcher m = NAMED.matcher(text);
            while (m.find()) {
                assertThat(Syntax.ofTemplateName(m.group(1))).as("%s: %s", rel, m.group()).isNotNull();
                named++;
            }
        }
        assertThat(named).as("templates name their quoting").isGreaterThan(40);
    }
}
