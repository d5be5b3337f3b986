// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one YAML configuration of the sandbox's scenario documents (SQL Server scenarios here, Azure scenarios in
 * {@code dev.milink.sandbox.arm}): reading, {@code base:} merging, binding with unknown keys rejected, deep copies.
 */
public final class ScenarioMapper {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ScenarioMapper() {}

    public static JsonNode readTree(String yaml) throws IOException {
        return YAML.readTree(yaml);
    }

    /** A YAML file on the class path, e.g. {@code /scenarios/linux-2022.yaml}; {@code unknown} is the error if absent. */
    public static JsonNode resource(String path, String unknown) {
        try (InputStream in = ScenarioMapper.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException(unknown);
            }
            return readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    /**
     * Binds a tree; a wrong or unknown key fails as {@code Invalid <kind> <source>: <what Jackson says>}, e.g.
     * {@code Invalid scenario my.yaml: Unrecognized field "srever" …}.
     */
    public static <T> T bind(JsonNode tree, Class<T> type, String kind, String source) {
        try {
            return YAML.treeToValue(tree, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("Invalid " + kind + " " + source + ": " + e.getMessage(), e);
        }
    }

    static Scenario bind(JsonNode tree, String source) {
        return bind(tree, Scenario.class, "scenario", source);
    }

    static Scenario copy(Scenario s) {
        try {
            return YAML.treeToValue(YAML.valueToTree(s), Scenario.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The tree with its {@code base:} chain merged under it (each base found by {@code byName}) and the {@code base}
     * key removed; a tree without {@code base} comes back as it is.
     */
    public static JsonNode withBase(JsonNode tree, Function<String, JsonNode> byName, Set<String> replacedWhole) {
        JsonNode base = tree.get("base");
        if (base == null || base.isNull()) {
            return tree;
        }
        ObjectNode merged = (ObjectNode) merge(withBase(byName.apply(base.asText()), byName, replacedWhole), tree,
                replacedWhole);
        merged.remove("base");
        return merged;
    }

    /**
     * Overlays {@code top} on {@code base}: objects merge key by key, anything else (lists too) replaces, and so do
     * the objects under the keys in {@code replacedWhole}.
     */
    public static JsonNode merge(JsonNode base, JsonNode top, Set<String> replacedWhole) {
        if (!(base instanceof ObjectNode b) || !(top instanceof ObjectNode t)) {
            return top;
        }
        ObjectNode out = b.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = out.get(e.getKey());
            out.set(e.getKey(), existing == null || replacedWhole.contains(e.getKey()) ? e.getValue()
                    : merge(existing, e.getValue(), replacedWhole));
        }
        return out;
    }
}
