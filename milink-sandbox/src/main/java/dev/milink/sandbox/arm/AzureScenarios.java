// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.milink.sandbox.scenario.Scenario;
import dev.milink.sandbox.scenario.ScenarioMapper;
import dev.milink.sandbox.scenario.Scenarios;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Azure scenarios shipped under {@code src/main/resources/arm/}, loadable by name, and users' own files. Each
 * pairs the Azure side with a SQL Server scenario ({@code sqlServer:}), resolved here: a shipped SQL scenario's
 * name, a path to a SQL scenario file (relative to the Azure file), or the SQL scenario inline.
 *
 * <pre>{@code
 * AzureScenario prepared = AzureScenarios.load("prepared-2022");     // + Scenarios.load("prepared-2022")
 * AzureScenario mine = AzureScenarios.fromYaml(Path.of("estate.yaml"));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class AzureScenarios {
    /** The shipped Azure scenarios, each named after the SQL scenario it pairs with. */
    private static final List<String> NAMES = List.of("prepared-2022", "unprepared-2019",
            "prepared-2022-log-backups", "prepared-2022-half-link");
    private static final Map<String, AzureScenario> TEMPLATES = new ConcurrentHashMap<>();

    private AzureScenarios() {}

    public static List<String> names() { return NAMES; }

    /**
     * The shared template of a shipped Azure scenario (or of a base such as {@code contoso-mi}); treat it as
     * read-only: {@link ArmStandIn} copies what it changes into its own state.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static AzureScenario load(String name) {
        return TEMPLATES.computeIfAbsent(name, n -> resolve(resource(n), n, null));
    }

    /** Reads a user's Azure scenario file (format: {@code docs/sandbox.md}, "ARM stand-in"). */
    public static AzureScenario fromYaml(Path file) {
        try {
            return resolve(ScenarioMapper.readTree(Files.readString(file)), file.toString(), file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Azure scenario " + file, e);
        }
    }

    /** Parses Azure scenario YAML text; a {@code sqlServer:} file path is taken relative to the working directory. */
    public static AzureScenario fromYamlText(String yaml, String source) {
        try {
            return resolve(ScenarioMapper.readTree(yaml), source, Path.of("").toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalArgumentException("Invalid Azure scenario " + source + ": " + e.getMessage(), e);
        }
    }

    private static AzureScenario resolve(JsonNode tree, String source, Path dir) {
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("Invalid Azure scenario " + source + ": not a YAML mapping");
        }
        JsonNode merged = withBase(tree);
        AzureScenario s = ScenarioMapper.bind(merged, AzureScenario.class, "Azure scenario", source);
        if (s.name == null) {
            s.name = source;
        }
        s.sqlScenario = sqlScenario(s.sqlServer, source, dir);
        validate(s, source);
        return s;
    }

    private static Scenario sqlScenario(JsonNode sql, String source, Path dir) {
        if (sql == null || sql.isNull()) {
            return null;
        }
        if (sql.isObject()) {
            return Scenario.fromTree(sql, source + " (sqlServer)");
        }
        String ref = sql.asText();
        if (ref.endsWith(".yaml") || ref.endsWith(".yml")) {
            Path file = dir == null ? Path.of(ref) : dir.resolve(ref);
            return Scenario.fromYaml(file);
        }
        return Scenarios.load(ref);
    }

    private static void validate(AzureScenario s, String source) {
        if (s.managedInstance == null || s.managedInstance.name == null || s.managedInstance.name.isBlank()) {
            throw new IllegalArgumentException("Invalid Azure scenario " + source + ": managedInstance.name is "
                    + "required");
        }
        for (AzureScenario.FaultSpec f : s.faults) {
            try {
                ArmFault.fromSpec(f);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Invalid Azure scenario " + source + ": fault " + f.kind + ": "
                        + e.getMessage(), e);
            }
        }
        ArmStateBuilder.build(s, new ArmState()); // a dry run: certificate blobs and references
        for (AzureScenario.NetworkSecurityGroup g : s.networkSecurityGroups) {
            for (AzureScenario.SecurityRule r : g.securityRules) {
                if (r.name == null || r.priority < 100 || r.priority > 4096) {
                    throw new IllegalArgumentException("Invalid Azure scenario " + source + ": NSG " + g.name
                            + " rule " + r.name + " needs a name and a priority from 100 to 4096");
                }
            }
        }
    }

    private static JsonNode withBase(JsonNode tree) {
        // sqlServer is replaced whole: a scenario name and an inline mapping must not mix
        return ScenarioMapper.withBase(tree, AzureScenarios::resource, Set.of("sqlServer"));
    }

    private static JsonNode resource(String name) {
        return ScenarioMapper.resource("/arm/" + name + ".yaml",
                "Unknown Azure scenario '" + name + "'; known: " + NAMES);
    }
}
