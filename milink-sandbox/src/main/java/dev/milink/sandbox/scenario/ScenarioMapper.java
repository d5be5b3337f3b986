// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/** YAML reading, base-scenario merging and deep copies for {@link Scenario}. */
final class ScenarioMapper {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ScenarioMapper() {}

    static JsonNode readTree(String yaml) throws IOException {
        return YAML.readTree(yaml);
    }

    static Scenario bind(JsonNode tree, String source) {
        try {
            return YAML.treeToValue(tree, Scenario.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("Invalid scenario " + source + ": " + e.getMessage(), e);
        }
    }

    static Scenario copy(Scenario s) {
        try {
            return YAML.treeToValue(YAML.valueToTree(s), Scenario.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Overlays {@code top} on {@code base}: objects merge key by key, anything else (lists too) replaces. */
    static JsonNode merge(JsonNode base, JsonNode top) {
        if (!(base instanceof ObjectNode b) || !(top instanceof ObjectNode t)) {
            return top;
        }
        ObjectNode out = b.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = out.get(e.getKey());
            out.set(e.getKey(), existing == null ? e.getValue() : merge(existing, e.getValue()));
        }
        return out;
    }
}
