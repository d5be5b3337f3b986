// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.milink.sandbox.catalog.Values;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * ARM resource bodies shaped like the Azure REST API specification's examples (Microsoft.Sql 2025-01-01,
 * Microsoft.Network 2024-05-01): {@code id}, {@code name}, {@code type}, {@code properties} and, for network
 * resources, {@code etag} and {@code provisioningState}.
 */
final class ArmBodies {
    static final String SQL = "Microsoft.Sql/managedInstances";
    static final String NSG = "Microsoft.Network/networkSecurityGroups";
    static final String VNET = "Microsoft.Network/virtualNetworks";
    static final String ROUTE_TABLE = "Microsoft.Network/routeTables";

    private ArmBodies() {}

    static ObjectNode resource(String id, String name, String type) {
        ObjectNode n = ArmState.JSON.createObjectNode();
        n.put("id", id);
        n.put("name", name);
        n.put("type", type);
        return n;
    }

    /** A network resource: etag and provisioningState as Microsoft.Network answers them. */
    static ObjectNode network(String id, String name, String type) {
        ObjectNode n = ArmState.JSON.createObjectNode();
        n.put("name", name);
        n.put("id", id);
        n.put("etag", etag(id, 0));
        n.put("type", type);
        n.putObject("properties").put("provisioningState", "Succeeded");
        return n;
    }

    static String etag(String id, int version) {
        return "W/\"" + UUID.nameUUIDFromBytes((id.toLowerCase(Locale.ROOT) + "#" + version)
                .getBytes(StandardCharsets.UTF_8)) + "\"";
    }

    static ObjectNode idRef(String id) {
        return ArmState.JSON.createObjectNode().put("id", id);
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode a = ArmState.JSON.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    /** A security rule body from its {@code properties} (as a client PUTs them). */
    static ObjectNode securityRule(String nsgId, String name, JsonNode properties, boolean isDefault) {
        String kind = isDefault ? "defaultSecurityRules" : "securityRules";
        ObjectNode n = network(nsgId + "/" + kind + "/" + name, name, NSG + "/" + kind);
        ObjectNode p = (ObjectNode) n.get("properties");
        p.setAll((ObjectNode) properties.deepCopy());
        p.put("provisioningState", "Succeeded");
        for (String list : List.of("sourcePortRanges", "destinationPortRanges", "sourceAddressPrefixes",
                "destinationAddressPrefixes")) {
            if (!p.has(list)) {
                p.putArray(list);
            }
        }
        return n;
    }

    static ObjectNode securityRuleProperties(AzureScenario.SecurityRule r, String rgId) {
        ObjectNode p = ArmState.JSON.createObjectNode();
        if (r.description != null) {
            p.put("description", r.description);
        }
        p.put("protocol", r.protocol);
        putOneOrMany(p, "sourcePortRange", r.sourcePortRange, r.sourcePortRanges);
        putOneOrMany(p, "destinationPortRange", r.destinationPortRange, r.destinationPortRanges);
        putOneOrMany(p, "sourceAddressPrefix", r.sourceAddressPrefix, r.sourceAddressPrefixes);
        putOneOrMany(p, "destinationAddressPrefix", r.destinationAddressPrefix, r.destinationAddressPrefixes);
        asgs(p, "sourceApplicationSecurityGroups", r.sourceApplicationSecurityGroups, rgId);
        asgs(p, "destinationApplicationSecurityGroups", r.destinationApplicationSecurityGroups, rgId);
        p.put("access", r.access);
        p.put("priority", r.priority);
        p.put("direction", r.direction);
        return p;
    }

    private static void putOneOrMany(ObjectNode p, String single, String one, List<String> many) {
        if (many.isEmpty()) {
            p.put(single, one == null ? "*" : one);
            p.set(single + "s", ArmState.JSON.createArrayNode());
        } else {
            p.set(single + "s", strings(many));
        }
    }

    private static void asgs(ObjectNode p, String field, List<String> names, String rgId) {
        if (!names.isEmpty()) {
            ArrayNode a = p.putArray(field);
            names.forEach(n -> a.add(idRef(rgId + "/providers/Microsoft.Network/applicationSecurityGroups/" + n)));
        }
    }

    /** Azure's six default rules, present in every NSG. */
    static List<ObjectNode> defaultRules(String nsgId) {
        return List.of(
                defaultRule(nsgId, "AllowVnetInBound", "Allow inbound traffic from all VMs in VNET", "VirtualNetwork",
                        "VirtualNetwork", "Allow", 65000, "Inbound"),
                defaultRule(nsgId, "AllowAzureLoadBalancerInBound", "Allow inbound traffic from azure load balancer",
                        "AzureLoadBalancer", "*", "Allow", 65001, "Inbound"),
                defaultRule(nsgId, "DenyAllInBound", "Deny all inbound traffic", "*", "*", "Deny", 65500, "Inbound"),
                defaultRule(nsgId, "AllowVnetOutBound", "Allow outbound traffic from all VMs to all VMs in VNET",
                        "VirtualNetwork", "VirtualNetwork", "Allow", 65000, "Outbound"),
                defaultRule(nsgId, "AllowInternetOutBound", "Allow outbound traffic from all VMs to Internet", "*",
                        "Internet", "Allow", 65001, "Outbound"),
                defaultRule(nsgId, "DenyAllOutBound", "Deny all outbound traffic", "*", "*", "Deny", 65500,
                        "Outbound"));
    }

    private static ObjectNode defaultRule(String nsgId, String name, String description, String source,
            String destination, String access, int priority, String direction) {
        ObjectNode p = ArmState.JSON.createObjectNode();
        p.put("description", description);
        p.put("protocol", "*");
        p.put("sourcePortRange", "*");
        p.put("destinationPortRange", "*");
        p.put("sourceAddressPrefix", source);
        p.put("destinationAddressPrefix", destination);
        p.put("access", access);
        p.put("priority", priority);
        p.put("direction", direction);
        return securityRule(nsgId, name, p, true);
    }

    /** A server trust certificate as ARM answers it: blob in upper-case hex without 0x, SHA-1 thumbprint. */
    static ObjectNode trustCertificate(String miId, String name, byte[] der) {
        ObjectNode n = resource(miId + "/serverTrustCertificates/" + name, name, SQL + "/serverTrustCertificates");
        ObjectNode p = n.putObject("properties");
        p.put("publicBlob", Values.hexUpper(der));
        p.put("thumbprint", Values.hexUpper(Values.sha1(der)));
        p.put("certificateName", name);
        return n;
    }

    static ObjectNode endpointCertificate(String miId, String name, byte[] der) {
        ObjectNode n = resource(miId + "/endpointCertificates/" + name, name, SQL + "/endpointCertificates");
        n.putObject("properties").put("publicBlob", Values.hexUpper(der));
        return n;
    }

    /**
     * A distributed availability group (2025-01-01 shape) from the create body's properties, with the read-only
     * replication state of a healthy, seeded link.
     */
    static ObjectNode distributedAvailabilityGroup(String miId, String name, JsonNode requested, String at) {
        return distributedAvailabilityGroup(miId, name, requested, at, false);
    }

    /** With {@code live}, only the requested values: the link simulation supplies the replication state. */
    static ObjectNode distributedAvailabilityGroup(String miId, String name, JsonNode requested, String at,
            boolean live) {
        ObjectNode n = resource(miId + "/distributedAvailabilityGroups/" + name, name,
                SQL + "/distributedAvailabilityGroups");
        ObjectNode p = n.putObject("properties");
        p.put("distributedAvailabilityGroupName", name);
        p.put("distributedAvailabilityGroupId", UUID.nameUUIDFromBytes(
                n.get("id").asText().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)).toString());
        p.put("replicationMode", "Async");
        p.setAll((ObjectNode) requested.deepCopy());
        p.put("distributedAvailabilityGroupName", name);
        ArrayNode dbs = ArmState.JSON.createArrayNode();
        for (JsonNode db : requested.path("databases")) {
            ObjectNode d = ArmState.JSON.createObjectNode();
            String dbName = db.path("databaseName").asText();
            d.put("databaseName", dbName);
            if (live) {
                dbs.add(d);
                continue;
            }
            d.put("instanceReplicaId", uuid(miId + "/" + name + "/" + dbName + "/instance"));
            d.put("partnerReplicaId", uuid(miId + "/" + name + "/" + dbName + "/partner"));
            d.put("replicaState", "Secondary");
            d.put("seedingProgress", "Completed");
            d.put("synchronizationHealth", "HEALTHY");
            d.put("connectedState", "CONNECTED");
            d.put("lastReceivedLsn", "42000000012800001");
            d.put("lastReceivedTime", at);
            d.put("lastHardenedLsn", "42000000012800001");
            d.put("lastHardenedTime", at);
            d.put("lastCommitLsn", "42000000012800001");
            d.put("lastCommitTime", at);
            d.put("instanceSendReplicationLagSeconds", 0);
            d.put("instanceRedoReplicationLagSeconds", 0);
            d.put("mostRecentLinkError", "");
            if (db.isObject()) {
                db.fields().forEachRemaining(e -> d.set(e.getKey(), e.getValue().deepCopy()));
            }
            dbs.add(d);
        }
        p.set("databases", dbs);
        return n;
    }

    static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
