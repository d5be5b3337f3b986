// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.secret.Secret;
import dev.milink.sandbox.catalog.CatalogEngine;
import dev.milink.sandbox.scenario.Scenarios;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.SandboxCertificate;
import dev.milink.sandbox.server.SandboxServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code docs/library.md}'s example runs against the sandbox, and the page shows exactly its code. */
class EmbeddingExampleTest {

    private static Path root() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("..").normalize();
    }

    @Test
    void theExampleAssessesTheSandboxAndPlansItsFixes() throws Exception {
        var scenario = Scenarios.load("unprepared-2019");
        try (SandboxServer sandbox = SandboxServer.start(InstanceDef.of("sql01", CatalogEngine.create(scenario)))) {
            SandboxCertificate cert = SandboxCertificate.get();
            var login = scenario.login("sa");
            StringWriter out = new StringWriter();

            int exit = EmbeddingExample.run("localhost", sandbox.instance("sql01").port(), login.name,
                    Secret.of(login.password), cert.keystore(), Secret.of(cert.password()), new PrintWriter(out));

            assertThat(exit).isEqualTo(1);
            assertThat(out.toString()).startsWith("NOT_READY\n").contains("MIL-I3 localhost")
                    .contains("1. ").contains("(T-SQL)");
        }
    }

    @Test
    void theDocsShowTheExampleAsItIs() throws Exception {
        String source = Files.readString(root().resolve(
                "milink-engine/src/test/java/dev/milink/engine/example/EmbeddingExample.java"));
        String code = between(source, "// tag::embed[]\n", "        // end::embed[]").lines()
                .map(l -> l.length() > 8 ? l.substring(8) : l.strip()).collect(Collectors.joining("\n", "", "\n"));
        String doc = Files.readString(root().resolve("docs/library.md"));
        String shown = between(doc, "<!-- snippet: EmbeddingExample -->\n```java\n", "```\n");
        assertThat(shown).as("docs/library.md must show EmbeddingExample's code between its tag markers")
                .isEqualTo(code);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("marker " + start.strip()).isNotNegative();
        int to = text.indexOf(end, from + start.length());
        assertThat(to).as("marker " + end.strip()).isNotNegative();
        return text.substring(from + start.length(), to);
    }
}
