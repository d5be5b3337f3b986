// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request and reply values shared by the stand-in's routes. */
final class ArmHttp {
    private ArmHttp() {}

    /**
     * A parsed ARM request.
     *
     * @param method upper-case HTTP method
     * @param path decoded path
     * @param segments the path's non-empty segments
     * @param query decoded query parameters
     * @param body request body text (empty when none)
     * @param doomed an async fault that makes this write's operation fail, or null
     */
    record Request(String method, String path, List<String> segments, Map<String, String> query, String body,
            ArmFault doomed) {
        String apiVersion() { return query.get("api-version"); }

        String segment(int i) { return i < segments.size() ? segments.get(i) : null; }

        boolean is(int i, String value) { return value.equalsIgnoreCase(segment(i)); }
    }

    /** A reply: status, headers, JSON body or none. */
    record Reply(int status, Map<String, String> headers, JsonNode body) {
        static Reply json(int status, JsonNode body) { return new Reply(status, new LinkedHashMap<>(), body); }

        static Reply ok(JsonNode body) { return json(200, body); }

        static Reply empty(int status) { return new Reply(status, new LinkedHashMap<>(), null); }

        static Reply error(int status, String code, String message) {
            ObjectNode n = ArmState.JSON.createObjectNode();
            ObjectNode e = n.putObject("error");
            e.put("code", code);
            e.put("message", message);
            return json(status, n);
        }

        Reply header(String name, String value) {
            headers.put(name, value);
            return this;
        }
    }

    /** A collection in ARM's list shape: {@code {"value":[…]}} with no nextLink. */
    static ObjectNode list(List<? extends JsonNode> items) {
        ObjectNode n = ArmState.JSON.createObjectNode();
        n.putArray("value").addAll(items);
        return n;
    }

    /** An ARM 400 for a body the stand-in cannot read. */
    static Reply invalidBody(String detail) {
        return Reply.error(400, "InvalidRequestContent", "The request content was invalid and could not be "
                + "deserialized: '" + detail + "'.");
    }

    static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : ArmState.JSON.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
