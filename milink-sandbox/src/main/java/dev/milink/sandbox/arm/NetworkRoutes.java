// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.milink.sandbox.arm.ArmHttp.Reply;
import dev.milink.sandbox.arm.ArmHttp.Request;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Microsoft.Network routes: virtual networks and their subnets, network security groups with their security and
 * default rules, route tables with their routes. Parents are read with their children folded in, as ARM does.
 * Holds nothing of its own: the router it answers errors through and the stand-in whose state it serves.
 */
record NetworkRoutes(ArmRouter router, ArmStandIn arm) {
    /** Per top-level type: its child collections; the first one is the writable one (PUT). */
    private static final Map<String, List<String>> TYPES = Map.of(
            "virtualnetworks", List.of("subnets"),
            "networksecuritygroups", List.of("securityRules", "defaultSecurityRules"),
            "routetables", List.of("routes"));

    Reply route(Request r) {
        List<String> children = TYPES.get(r.segment(6).toLowerCase(Locale.ROOT));
        if (children == null) {
            return router.unknownType(r);
        }
        String type = "Microsoft.Network/" + canonical(r.segment(6));
        if (r.segments().size() == 7) {
            return "GET".equals(r.method()) ? Reply.ok(ArmHttp.list(arm.state().children("/subscriptions/"
                    + arm.subscriptionId() + "/resourceGroups/" + arm.resourceGroup() + "/providers/Microsoft.Network",
                    canonical(r.segment(6))).stream().map(n -> assembled(n.path("id").asText(), type)).toList()))
                    : router.methodNotAllowed(r);
        }
        String parentId = "/subscriptions/" + arm.subscriptionId() + "/resourceGroups/" + arm.resourceGroup()
                + "/providers/" + type + "/" + r.segment(7);
        int n = r.segments().size();
        if (!arm.state().exists(parentId)) {
            return n == 8 ? router.notFound(r, type, r.segment(7)) : router.parentNotFound(r, r.segment(7));
        }
        if (n == 8) {
            return "GET".equals(r.method()) ? Reply.ok(assembled(parentId, type)) : router.methodNotAllowed(r);
        }
        String child = children.stream().filter(c -> c.equalsIgnoreCase(r.segment(8))).findFirst().orElse(null);
        if (child == null || n > 10) {
            return router.unknownType(r);
        }
        if (n == 9) {
            return "GET".equals(r.method()) ? Reply.ok(ArmHttp.list(arm.state().children(parentId, child)))
                    : router.methodNotAllowed(r);
        }
        String id = parentId + "/" + child + "/" + r.segment(9);
        boolean writable = child.equals("subnets") || child.equals("securityRules");
        return switch (r.method()) {
            case "GET" -> {
                ObjectNode c = arm.state().get(id);
                yield c != null ? Reply.ok(c) : router.notFound(r, type + "/" + child, r.segment(7) + "/"
                        + r.segment(9));
            }
            case "PUT" -> !writable ? router.methodNotAllowed(r) : child.equals("subnets")
                    ? putSubnet(r, parentId, id) : putRule(r, parentId, id);
            case "DELETE" -> !child.equals("securityRules") ? router.methodNotAllowed(r) : deleteRule(r, id);
            default -> router.methodNotAllowed(r);
        };
    }

    private static String canonical(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "virtualnetworks" -> "virtualNetworks";
            case "networksecuritygroups" -> "networkSecurityGroups";
            default -> "routeTables";
        };
    }

    /** The parent's body with its children and the subnets that use it. */
    private ObjectNode assembled(String parentId, String type) {
        ObjectNode n = arm.state().get(parentId);
        ObjectNode p = (ObjectNode) n.get("properties");
        for (String child : TYPES.get(type.substring("Microsoft.Network/".length()).toLowerCase(Locale.ROOT))) {
            p.putArray(child).addAll(arm.state().children(parentId, child));
        }
        String ref = switch (type) {
            case ArmBodies.NSG -> "networkSecurityGroup";
            case ArmBodies.ROUTE_TABLE -> "routeTable";
            default -> null;
        };
        if (ref != null) {
            ArrayNode subnets = p.putArray("subnets");
            for (String id : arm.state().ids()) {
                ObjectNode s = id.toLowerCase(Locale.ROOT).contains("/subnets/") ? arm.state().get(id) : null;
                if (s != null && s.path("properties").path(ref).path("id").asText().equalsIgnoreCase(parentId)) {
                    subnets.add(ArmBodies.idRef(id));
                }
            }
        }
        return n;
    }

    private Reply putSubnet(Request r, String vnetId, String id) {
        JsonNode body = ArmHttp.parse(r.body());
        if (body == null || !body.path("properties").isObject()) {
            return ArmHttp.invalidBody("a body {\"properties\":{…}} is required");
        }
        JsonNode p = body.get("properties");
        if (!p.has("addressPrefix") && !p.has("addressPrefixes")) {
            return Reply.error(400, "InvalidRequestFormat", "Cannot parse the request: the subnet needs "
                    + "addressPrefix or addressPrefixes.");
        }
        ObjectNode props = (ObjectNode) p.deepCopy();
        props.remove("provisioningState");
        ObjectNode stored = ArmStateBuilder.subnet(vnetId, r.segment(9), props);
        return write(r, id, stored);
    }

    private Reply putRule(Request r, String nsgId, String id) {
        JsonNode body = ArmHttp.parse(r.body());
        if (body == null || !body.path("properties").isObject()) {
            return ArmHttp.invalidBody("a body {\"properties\":{…}} is required");
        }
        ObjectNode p = (ObjectNode) body.get("properties").deepCopy();
        p.remove("provisioningState");
        int priority = p.path("priority").asInt(-1);
        if (priority < 100 || priority > 4096) {
            return Reply.error(400, "SecurityRuleInvalidPriority", "Security rule has invalid Priority. Value provided: "
                    + p.path("priority").asText("(none)") + " Allowed range 100-4096.");
        }
        String problem = oneOf(p, "direction", "Inbound", "Outbound");
        problem = problem != null ? problem : oneOf(p, "access", "Allow", "Deny");
        problem = problem != null ? problem : oneOf(p, "protocol", "Tcp", "Udp", "Icmp", "Esp", "Ah", "*");
        if (problem != null) {
            return Reply.error(400, "SecurityRuleInvalid" + Character.toUpperCase(problem.charAt(0))
                    + problem.substring(1), "Security rule has invalid " + problem + ". Value provided: "
                    + p.path(problem).asText("(none)") + ".");
        }
        for (ObjectNode other : arm.state().children(nsgId, "securityRules")) {
            JsonNode op = other.path("properties");
            if (!other.path("name").asText().equalsIgnoreCase(r.segment(9)) && op.path("priority").asInt() == priority
                    && op.path("direction").asText().equalsIgnoreCase(p.path("direction").asText())) {
                return Reply.error(400, "SecurityRuleConflict", "Security rule " + r.segment(9) + " conflicts with "
                        + "rule " + other.path("name").asText() + ". Rules cannot have the same Priority and "
                        + "Direction.");
            }
        }
        return write(r, id, ArmBodies.securityRule(nsgId, r.segment(9), p, false));
    }

    /** PUT on Microsoft.Network: 201 (new) or 200 with the body in provisioningState Updating, then the LRO. */
    private Reply write(Request r, String id, ObjectNode stored) {
        boolean exists = arm.state().exists(id);
        if (exists) {
            int version = arm.state().get(id).path("etag").asText().hashCode() & 0x7fff;
            stored.put("etag", ArmBodies.etag(id, version + 1));
        }
        ObjectNode shown = stored.deepCopy();
        ((ObjectNode) shown.get("properties")).put("provisioningState", "Updating");
        return router.accepted(r, exists ? 200 : 201, shown, () -> arm.state().put(id, stored), null);
    }

    private Reply deleteRule(Request r, String id) {
        if (!arm.state().exists(id)) {
            return Reply.empty(204);
        }
        return router.accepted(r, 202, null, () -> arm.state().remove(id), null);
    }

    private static String oneOf(JsonNode p, String field, String... allowed) {
        String v = p.path(field).asText("");
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v)) {
                return null;
            }
        }
        return field;
    }
}
