// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.milink.sandbox.arm.ArmHttp.Reply;
import dev.milink.sandbox.arm.ArmHttp.Request;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/**
 * Azure Monitor metrics of the managed instance ({@code GET {mi}/providers/Microsoft.Insights/metrics
 * ?metricnames=…}): {@code storage_space_used_mb}, {@code reserved_storage_mb} and {@code virtual_core_count},
 * one hourly data point ending now, in the shape of the Azure Monitor REST API.
 */
final class Metrics {
    private static final Map<String, String> KNOWN = Map.of(
            "storage_space_used_mb", "Storage space used",
            "reserved_storage_mb", "Storage space reserved",
            "virtual_core_count", "Virtual core count");

    private Metrics() {}

    static Reply answer(Request r, ArmStandIn arm) {
        String resource = r.path().substring(0, r.path().length() - "/providers/Microsoft.Insights/metrics".length());
        if (!resource.equalsIgnoreCase(arm.managedInstanceId())) {
            return Reply.error(404, "ResourceNotFound", "The Resource '" + resource + "' was not found.");
        }
        String names = r.query().getOrDefault("metricnames", "");
        JsonNode mi = arm.state().get(arm.managedInstanceId()).path("properties");
        Instant end = Instant.now(arm.clock()).truncatedTo(ChronoUnit.HOURS);
        ObjectNode body = ArmState.JSON.createObjectNode();
        body.put("cost", 0);
        body.put("timespan", end.minus(Duration.ofHours(1)) + "/" + end);
        body.put("interval", "PT1H");
        ArrayNode value = body.putArray("value");
        for (String raw : names.split(",")) {
            String name = raw.strip().toLowerCase(Locale.ROOT);
            if (!KNOWN.containsKey(name)) {
                return Reply.error(400, "BadRequest", "Failed to find metric configuration for provider: "
                        + "Microsoft.Sql, resource Type: managedInstances, metric: " + raw.strip() + ", Valid metrics: "
                        + String.join(",", KNOWN.keySet().stream().sorted().toList()));
            }
            Double average = switch (name) {
                case "storage_space_used_mb" -> arm.storageUsedGB() == null ? null : arm.storageUsedGB() * 1024.0;
                case "reserved_storage_mb" -> mi.path("storageSizeInGB").asDouble() * 1024.0;
                default -> mi.path("vCores").asDouble();
            };
            ObjectNode m = value.addObject();
            m.put("id", resource + "/providers/Microsoft.Insights/metrics/" + name);
            m.put("type", "Microsoft.Insights/metrics");
            m.putObject("name").put("value", name).put("localizedValue", KNOWN.get(name));
            m.put("displayDescription", KNOWN.get(name));
            m.put("unit", "Count");
            ArrayNode data = m.putArray("timeseries").addObject().putArray("data");
            if (average != null) {
                data.addObject().put("timeStamp", end.minus(Duration.ofHours(1)).toString()).put("average", average);
            }
            m.put("errorCode", "Success");
        }
        body.put("namespace", "Microsoft.Sql/managedInstances");
        body.put("resourceregion", arm.location());
        return Reply.ok(body);
    }
}
