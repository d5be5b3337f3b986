// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine;

import dev.milink.core.internal.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.milink.core.error.ExitStatus;
import dev.milink.network.test.HopResult;
import dev.milink.network.test.LinkTestReport;
import java.util.List;

/**
 * {@code milink network test --output json}: the test as one JSON object, field by field (not by reflection), so
 * the shape only changes on purpose, plus the test's findings as the JSON report ({@code assessment}, schema 1.1).
 * {@code schemaVersion} gets a new major version on an incompatible change, a new minor one for added fields
 * (1.1: {@code assessment}; {@code exitCode} and {@code verdict} follow the one exit rule).
 */
final class NetworkTestJson {

    static final String SCHEMA_VERSION = "1.1";
    private static final ObjectMapper JSON = Json.mapper();

    private NetworkTestJson() {
    }

    static String render(LinkTestReport r, ExitStatus exit, String assessmentJson) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("runId", r.runId());
        root.put("exitCode", exit.code());
        root.put("verdict", exit.name());
        ObjectNode fabric = root.putObject("managedInstance");
        fabric.put("serverName", r.fabric().serverName());
        fabric.put("primaryNode", r.fabric().node());
        fabric.put("hadrPort", r.fabric().hadrPort());
        fabric.put("instanceName", r.fabric().instanceName());
        ArrayNode hops = root.putArray("hops");
        for (HopResult h : r.hops()) {
            ObjectNode o = hops.addObject();
            o.put("direction", h.direction().name());
            o.put("purpose", h.purpose());
            o.put("host", h.host());
            o.put("port", h.port());
            o.put("method", h.method().name());
            o.put("status", h.status().name());
            o.put("statusText", h.status().description());
            o.put("blocked", h.status().blocked());
            o.put("remoteAddress", h.remoteAddress());
            o.put("detail", h.detail());
            strings(o.putArray("advice"), h.advice());
        }
        root.put("tcpOnlyWarning", LinkTestReport.TCP_ONLY);
        strings(root.putArray("notes"), r.notes());
        strings(root.putArray("leftoversRemoved"), r.leftoversRemoved());
        strings(root.putArray("cleanedUp"), r.cleanedUp());
        strings(root.putArray("cleanupProblems"), r.cleanupProblems());
        try {
            root.set("assessment", JSON.readTree(assessmentJson));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the findings' JSON back", e);
        }
        return Json.pretty(root) + "\n";
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }
}
