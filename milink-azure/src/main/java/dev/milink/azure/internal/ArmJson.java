// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.milink.core.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The module's JSON, on milink's one Jackson configuration ({@link Json}): ARM error bodies, and az's flattened vs
 * REST's nested shapes. Wire records are read leniently (ARM adds fields with every api-version).
 */
public final class ArmJson {
    private static final ObjectMapper JSON = Json.mapper();
    private static final Pattern ACTION = Pattern.compile("perform action '([^']+)'");

    private ArmJson() {}

    /** Parses text; null when it is not JSON. */
    public static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    public static String errorCode(String body) {
        JsonNode n = parse(body);
        return n == null ? "" : n.path("error").path("code").asText("");
    }

    public static String errorMessage(String body) {
        JsonNode n = parse(body);
        return n == null ? "" : n.path("error").path("message").asText("");
    }

    /** The action in an AuthorizationFailed message, or empty. */
    public static String deniedAction(String message) {
        Matcher m = ACTION.matcher(message == null ? "" : message);
        return m.find() ? m.group(1) : "";
    }

    /**
     * The same resource with {@code properties} merged into the top level, recursively: ARM's REST shape
     * ({@code {"name":…,"properties":{"state":…}}}) and az's flattened shape ({@code {"name":…,"state":…}})
     * then read alike. Top-level fields win over properties of the same name.
     */
    public static JsonNode flatten(JsonNode node) {
        if (node instanceof ArrayNode a) {
            ArrayNode out = JSON.createArrayNode();
            a.forEach(e -> out.add(flatten(e)));
            return out;
        }
        if (!(node instanceof ObjectNode o)) {
            return node;
        }
        ObjectNode out = JSON.createObjectNode();
        JsonNode props = o.get("properties");
        if (props instanceof ObjectNode p) {
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), flatten(e.getValue()));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!"properties".equals(e.getKey()) || !(e.getValue() instanceof ObjectNode)) {
                out.set(e.getKey(), flatten(e.getValue()));
            }
        }
        return out;
    }

    /** Reads a flattened resource into a wire record. */
    public static <T> T read(JsonNode node, Class<T> type) {
        try {
            return JSON.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(flatten(node));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unexpected " + type.getSimpleName() + " JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a JSON tree failed", e);
        }
    }
}
