// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.network;

import dev.milink.core.internal.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.milink.network.test.HopResult;
import dev.milink.network.test.LinkTestReport;
import java.util.List;

/**
 * {@code milink network test --output json}: the report as one JSON object, field by field (not by reflection), so
 * the shape only changes on purpose. {@code schemaVersion} is bumped on an incompatible change.
 */
final class LinkTestJson {

    static final String SCHEMA_VERSION = "1";
    private static final ObjectMapper JSON = Json.mapper();

    private LinkTestJson() {
    }

    static String render(LinkTestReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("runId", r.runId());
        root.put("exitCode", r.exitStatus().code());
        root.put("verdict", r.exitStatus().name());
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
        return Json.pretty(root) + "\n";
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }
}
