// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.milink.engine.inventory.Shard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The CI and Ansible examples {@code docs/fleet.md} shows: each is valid YAML, and every milink command line in
 * it (with the engine's placeholders filled in) parses as {@code milink} would parse it, so a renamed option
 * breaks this test and not a user's pipeline.
 */
class FleetExamplesTest {

    private static final Pattern COMMAND =
            Pattern.compile("(?:\\S*milink|\\{\\{ ?milink ?}}) (?:check|report) [^\\n;&|]*");

    @ParameterizedTest
    @ValueSource(strings = {"github-actions-fleet.yml", "azure-pipelines-fleet.yml", "ansible-fleet.yml"})
    void isValidYamlAndItsMilinkCommandsParse(String name) throws IOException {
        Path file = Path.of("..", "docs", "examples", name);
        JsonNode tree = new YAMLMapper().readTree(Files.readString(file));
        assertThat(tree.isObject() || tree.isArray()).isTrue();
        List<String> commands = new ArrayList<>();
        collect(tree, commands);
        assertThat(commands).as("milink commands in " + name).anyMatch(c -> c.contains(" check --inventory "))
                .anyMatch(c -> c.contains(" report "));
        for (String command : commands) {
            String[] args = args(command);
            assertThatCode(() -> Main.parseOnly(args)).as(command).doesNotThrowAnyException();
            CommandLine.ParseResult parsed = Main.parseOnly(args);
            CommandLine.ParseResult sub = parsed.subcommand();
            assertThat(sub).as(command).isNotNull();
            if (sub.commandSpec().name().equals("check")) {
                assertThat(sub.hasMatchedOption("--inventory")).as(command).isTrue();
                if (sub.hasMatchedOption("--shard")) {
                    assertThatCode(() -> Shard.parse(sub.matchedOptionValue("--shard", ""))).doesNotThrowAnyException();
                }
            }
            assertThat(command).doesNotContainIgnoringCase("--password ");
        }
    }

    /** Every milink command in the document's strings, continuation lines joined. */
    private static void collect(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            Matcher m = COMMAND.matcher(node.asText().replace("\\\n", " "));
            while (m.find()) {
                out.add(m.group().strip());
            }
        }
        node.forEach(child -> collect(child, out));
    }

    /** The arguments after the program, with CI and Jinja placeholders replaced by sample values. */
    private static String[] args(String command) {
        String filled = command.replaceFirst("^\\{\\{ ?milink ?}}", "milink")
                .replaceAll("\\$\\{\\{[^}]*}}", "1").replaceAll("\\$\\(([^)]*)\\)", "1")
                .replaceAll("\\{\\{[^}]*}}", "emea");
        List<String> words = new ArrayList<>(Arrays.asList(filled.trim().split("\\s+")));
        words.removeFirst(); // the program: milink, ./milink-dist/bin/milink, {{ milink }} …
        return words.stream().map(w -> w.replaceAll("^[\"']|[\"']$", "")).toArray(String[]::new);
    }
}
