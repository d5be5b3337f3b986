// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.milink.sandbox.arm.ArmHttp.Reply;
import dev.milink.sandbox.arm.ArmHttp.Request;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Microsoft.Sql routes: the managed instance, its databases, server trust certificates, endpoint certificates and
 * distributed availability groups (the link), and instance failover groups under the location. Holds nothing of
 * its own: the router it answers errors through and the stand-in whose state it serves.
 */
record SqlRoutes(ArmRouter router, ArmStandIn arm) {
    private static final String MI = ArmBodies.SQL;
    private static final Pattern PARTNER_ENDPOINT = Pattern.compile("(?i)TCP://[^:/\\s]+:\\d{1,5}");
    private static final List<String> CHILDREN = List.of("databases", "serverTrustCertificates",
            "endpointCertificates", "distributedAvailabilityGroups", "encryptionProtector", "tdeCertificates");

    Reply route(Request r) {
        if (r.is(6, "locations")) {
            return failoverGroups(r);
        }
        if (!r.is(6, "managedInstances")) {
            return router.unknownType(r);
        }
        int n = r.segments().size();
        if (n == 7) {
            return "GET".equals(r.method()) ? Reply.ok(ArmHttp.list(arm.state().children("/subscriptions/"
                    + arm.subscriptionId() + "/resourceGroups/" + arm.resourceGroup() + "/providers/Microsoft.Sql",
                    "managedInstances"))) : router.methodNotAllowed(r);
        }
        String miId = miId(r.segment(7));
        if (!arm.state().exists(miId)) {
            return n == 8 ? router.notFound(r, MI, r.segment(7)) : router.parentNotFound(r, r.segment(7));
        }
        if (n == 8) {
            return "GET".equals(r.method()) ? Reply.ok(arm.state().get(miId)) : router.methodNotAllowed(r);
        }
        String child = CHILDREN.stream().filter(c -> c.equalsIgnoreCase(r.segment(8))).findFirst().orElse(null);
        LinkArm.beforeRequest(arm, miId, "distributedAvailabilityGroups".equals(child));
        if (child == null) {
            return router.unknownType(r);
        }
        if (n == 9 && "tdeCertificates".equals(child)) {
            return "POST".equals(r.method()) ? TdeCertificates.upload(r, router, arm, miId) : router.methodNotAllowed(r);
        }
        if (n == 9) {
            return "GET".equals(r.method()) ? Reply.ok(ArmHttp.list(arm.state().children(miId, child).stream()
                    .map(x -> "distributedAvailabilityGroups".equals(child) ? LinkArm.overlay(arm, x) : x).toList()))
                    : router.methodNotAllowed(r);
        }
        String id = miId + "/" + child + "/" + r.segment(9);
        if (n == 11 && "distributedAvailabilityGroups".equals(child) && "POST".equals(r.method())) {
            return dagAction(r, id);
        }
        if (n != 10) {
            return router.unknownType(r);
        }
        return switch (child + " " + r.method()) {
            case "databases GET", "serverTrustCertificates GET", "endpointCertificates GET",
                    "distributedAvailabilityGroups GET", "encryptionProtector GET" -> get(r, id, child);
            case "serverTrustCertificates PUT" -> putTrustCertificate(r, miId, id);
            case "distributedAvailabilityGroups PUT" -> putDag(r, miId, id);
            case "distributedAvailabilityGroups PATCH" -> patchDag(r, id);
            case "serverTrustCertificates DELETE" -> delete(r, id);
            case "databases PUT" -> putDatabase(r, id);
            case "databases DELETE" -> deleteDatabase(r, id);
            case "distributedAvailabilityGroups DELETE" -> deleteDag(r, id);
            default -> router.methodNotAllowed(r);
        };
    }

    private String miId(String name) {
        return "/subscriptions/" + arm.subscriptionId() + "/resourceGroups/" + arm.resourceGroup() + "/providers/"
                + MI + "/" + name;
    }

    private Reply get(Request r, String id, String child) {
        ObjectNode n = arm.state().get(id);
        if ("distributedAvailabilityGroups".equals(child)) {
            n = LinkArm.overlay(arm, n);
        }
        return n != null ? Reply.ok(n) : childNotFound(child, r.segment(9));
    }

    private static Reply childNotFound(String child, String name) {
        return Reply.error(404, "ResourceNotFound", "The requested resource of type '" + MI + "/" + child
                + "' with name '" + name + "' was not found.");
    }

    private Reply delete(Request r, String id) {
        if (!arm.state().exists(id)) {
            return Reply.empty(204);
        }
        return router.accepted(r, 202, null, () -> arm.state().remove(id), null);
    }

    /** A database a link on this MI replicates cannot be dropped until the link is deleted. */
    private Reply deleteDatabase(Request r, String id) {
        String db = r.segment(9);
        boolean linked = arm.link() != null && arm.link().links().stream().anyMatch(l -> l.mi() != null
                && l.mi().databases().stream().anyMatch(d -> d.equalsIgnoreCase(db)));
        if (linked && arm.state().exists(id)) {
            return Reply.error(409, "OperationCanNotStartDueToMiLink", "The operation cannot start: database '" + db
                    + "' is replicated by a Managed Instance link. Delete the link first.");
        }
        return delete(r, id);
    }

    /**
     * PUT of a database: the stand-in creates one only as a point-in-time restore of a database of this managed
     * instance ({@code createMode: PointInTimeRestore}, {@code sourceDatabaseId}, {@code restorePointInTime}), a
     * copy of it under the new name.
     */
    private Reply putDatabase(Request r, String id) {
        JsonNode body = ArmHttp.parse(r.body());
        JsonNode p = body == null ? null : body.get("properties");
        if (p == null || !p.isObject()) {
            return ArmHttp.invalidBody("a body {\"properties\":{…}} is required");
        }
        if (!"PointInTimeRestore".equalsIgnoreCase(p.path("createMode").asText(""))) {
            return Reply.error(400, "InvalidParameterValue", "The stand-in creates managed databases only by "
                    + "point-in-time restore (createMode PointInTimeRestore).");
        }
        if (arm.state().exists(id)) {
            return Reply.error(409, "DatabaseAlreadyExists", "The database '" + r.segment(9) + "' already exists.");
        }
        ObjectNode source = arm.state().get(p.path("sourceDatabaseId").asText(""));
        if (source == null) {
            return Reply.error(404, "SourceDatabaseNotFound", "The source database '"
                    + p.path("sourceDatabaseId").asText("") + "' does not exist.");
        }
        try {
            Instant.parse(p.path("restorePointInTime").asText(""));
        } catch (java.time.format.DateTimeParseException e) {
            return Reply.error(400, "InvalidRestorePointInTime", "restorePointInTime must be an ISO 8601 time.");
        }
        ObjectNode copy = source.deepCopy();
        copy.put("id", id).put("name", r.segment(9));
        ObjectNode props = copy.get("properties") instanceof ObjectNode o ? o : copy.putObject("properties");
        props.put("status", "Online").put("creationDate", Instant.now(arm.clock()).toString())
                .put("createMode", "PointInTimeRestore")
                .put("sourceDatabaseId", p.path("sourceDatabaseId").asText())
                .put("restorePointInTime", p.path("restorePointInTime").asText());
        return router.accepted(r, 201, copy, () -> arm.state().put(id, copy), null);
    }

    private Reply deleteDag(Request r, String id) {
        if (!arm.state().exists(id)) {
            return Reply.empty(204);
        }
        String name = r.segment(9);
        return router.accepted(r, 202, null, () -> {
            arm.state().remove(id);
            if (arm.link() != null) {
                arm.link().miDeleted(name);
            }
        }, null);
    }

    // ---- server trust certificates ----

    private Reply putTrustCertificate(Request r, String miId, String id) {
        JsonNode body = ArmHttp.parse(r.body());
        if (body == null || !body.path("properties").isObject()) {
            return ArmHttp.invalidBody("a body {\"properties\":{\"publicBlob\":\"0x…\"}} is required");
        }
        String name = r.segment(9);
        byte[] der = PublicBlob.parse(body.path("properties").path("publicBlob").asText(null)).orElse(null);
        if (der == null) {
            return Reply.error(400, "InvalidPublicBlob", "The provided public blob is invalid. Provide the hex of "
                    + "the certificate's DER encoding (CERTENCODED), with or without 0x.");
        }
        ObjectNode cert = ArmBodies.trustCertificate(miId, name, der);
        String blob = cert.path("properties").path("publicBlob").asText();
        for (ObjectNode other : arm.state().children(miId, "serverTrustCertificates")) {
            if (!other.path("name").asText().equalsIgnoreCase(name)
                    && other.path("properties").path("publicBlob").asText().equalsIgnoreCase(blob)) {
                return Reply.error(409, "CertificateAlreadyExists", "A certificate with the same public key already "
                        + "exists on the managed instance as '" + other.path("name").asText() + "'.");
            }
        }
        boolean exists = arm.state().exists(id);
        return router.accepted(r, exists ? 202 : 201, exists ? null : cert, () -> arm.state().put(id, cert), null);
    }

    // ---- distributed availability groups (the link) ----

    private Reply putDag(Request r, String miId, String id) {
        JsonNode body = ArmHttp.parse(r.body());
        JsonNode p = body == null ? null : body.get("properties");
        if (p == null || !p.isObject()) {
            return ArmHttp.invalidBody("a body {\"properties\":{…}} is required");
        }
        for (String required : List.of("partnerAvailabilityGroupName", "instanceAvailabilityGroupName",
                "partnerEndpoint")) {
            if (p.path(required).asText("").isBlank()) {
                return invalidParameter(required);
            }
        }
        if (!PARTNER_ENDPOINT.matcher(p.path("partnerEndpoint").asText()).matches()) {
            return invalidParameter("partnerEndpoint");
        }
        if (!p.path("databases").isArray() || p.path("databases").isEmpty()) {
            return invalidParameter("databases");
        }
        for (JsonNode db : p.path("databases")) {
            if (db.path("databaseName").asText("").isBlank()) {
                return invalidParameter("databases.databaseName");
            }
        }
        for (String[] e : List.of(new String[] {"instanceLinkRole", "Primary", "Secondary"},
                new String[] {"failoverMode", "None", "Manual"}, new String[] {"seedingMode", "Automatic", "Manual"},
                new String[] {"replicationMode", "Async", "Sync"})) {
            if (p.has(e[0]) && Arrays.stream(e, 1, e.length).noneMatch(v -> v.equalsIgnoreCase(p.get(e[0]).asText()))) {
                return invalidParameter(e[0]);
            }
        }
        ObjectNode dag = ArmBodies.distributedAvailabilityGroup(miId, r.segment(9), p, now(), arm.link() != null);
        boolean exists = arm.state().exists(id);
        if (arm.link() != null && !exists && !"Primary".equalsIgnoreCase(p.path("instanceLinkRole").asText())) {
            for (JsonNode db : p.path("databases")) {
                if (arm.state().exists(miId + "/databases/" + db.path("databaseName").asText())) {
                    return Reply.error(400, "RemoteDatabaseExists", "The database '" + db.path("databaseName").asText()
                            + "' already exists on managed instance '" + r.segment(7) + "'. Choose another name or "
                            + "drop that database first.");
                }
            }
        }
        Runnable apply = () -> {
            arm.state().put(id, dag);
            if (arm.link() != null && !exists) {
                LinkArm.created(arm, r.segment(9), p);
            }
        };
        return router.accepted(r, exists ? 202 : 201, exists ? null : dag, apply, null);
    }

    private Reply patchDag(Request r, String id) {
        if (!arm.state().exists(id)) {
            return childNotFound("distributedAvailabilityGroups", r.segment(9));
        }
        JsonNode body = ArmHttp.parse(r.body());
        JsonNode p = body == null ? null : body.get("properties");
        if (p == null || !p.isObject()) {
            return ArmHttp.invalidBody("a body {\"properties\":{\"replicationMode\":\"Sync\"}} is required");
        }
        String mode = p.path("replicationMode").asText(null);
        if (mode != null && !List.of("async", "sync").contains(mode.toLowerCase(Locale.ROOT))) {
            return invalidParameter("replicationMode");
        }
        return router.accepted(r, 202, null, () -> {
            arm.state().update(id, dag -> {
                if (mode != null) {
                    ((ObjectNode) dag.get("properties")).put("replicationMode", mode);
                }
            });
            if (mode != null && arm.link() != null) {
                arm.link().miReplicationMode(r.segment(9), "sync".equalsIgnoreCase(mode));
            }
        }, null);
    }

    /** POST …/failover {@code {"failoverType": …}} and …/setRole {@code {"instanceRole": …, "roleChangeType": …}}. */
    private Reply dagAction(Request r, String id) {
        String action = r.segment(10);
        if (!arm.state().exists(id)) {
            return childNotFound("distributedAvailabilityGroups", r.segment(9));
        }
        JsonNode body = ArmHttp.parse(r.body());
        String role;
        if ("failover".equalsIgnoreCase(action)) {
            String type = body == null ? "" : body.path("failoverType").asText("");
            if (!List.of("planned", "forcedallowdataloss").contains(type.toLowerCase(Locale.ROOT))) {
                return invalidParameter("failoverType");
            }
            role = null;
        } else if ("setRole".equalsIgnoreCase(action)) {
            role = body == null ? "" : body.path("instanceRole").asText("");
            String change = body == null ? "" : body.path("roleChangeType").asText("");
            if (!List.of("primary", "secondary").contains(role.toLowerCase(Locale.ROOT))) {
                return invalidParameter("instanceRole");
            }
            if (!List.of("forced", "planned").contains(change.toLowerCase(Locale.ROOT))) {
                return invalidParameter("roleChangeType");
            }
        } else {
            return router.unknownType(r);
        }
        if (arm.link() != null && arm.link().link(r.segment(9)).isPresent()) {
            return simulatedAction(r, id, body, role);
        }
        Runnable apply = () -> arm.state().update(id, dag -> {
            ObjectNode p = (ObjectNode) dag.get("properties");
            String current = p.path("instanceLinkRole").asText("Secondary");
            p.put("instanceLinkRole", role != null ? role : "Primary".equalsIgnoreCase(current) ? "Secondary"
                    : "Primary");
        });
        return router.accepted(r, 202, null, apply, () -> arm.state().get(id));
    }

    /** failover / setRole on a link the simulation knows: refused synchronously (400) or applied when accepted. */
    private Reply simulatedAction(Request r, String id, JsonNode body, String role) {
        String name = r.segment(9);
        dev.milink.sandbox.link.LinkSimulation sim = arm.link();
        dev.milink.sandbox.link.LinkSimulation.Outcome outcome;
        if (role == null) {
            outcome = sim.miFailover(name, "ForcedAllowDataLoss".equalsIgnoreCase(body.path("failoverType").asText()));
        } else {
            outcome = sim.miSetRole(name, "Primary".equalsIgnoreCase(role) ? dev.milink.sandbox.link.LinkSide.Role.PRIMARY
                    : dev.milink.sandbox.link.LinkSide.Role.SECONDARY,
                    "Forced".equalsIgnoreCase(body.path("roleChangeType").asText()));
        }
        if (!outcome.ok()) {
            return Reply.error(400, outcome.armCode(), outcome.message());
        }
        return router.accepted(r, 202, null, () -> { }, () -> LinkArm.overlay(arm, arm.state().get(id)));
    }

    private static Reply invalidParameter(String name) {
        return Reply.error(400, "InvalidParameterValue", "Invalid value given for parameter " + name
                + ". Specify a valid parameter value.");
    }

    // ---- failover groups ----

    /** GET …/providers/Microsoft.Sql/locations/{location}/instanceFailoverGroups[/{name}]. */
    private Reply failoverGroups(Request r) {
        int n = r.segments().size();
        if (!"GET".equals(r.method()) || n < 9 || n > 10 || !r.is(8, "instanceFailoverGroups")) {
            return n < 9 || !r.is(8, "instanceFailoverGroups") ? router.unknownType(r) : router.methodNotAllowed(r);
        }
        String parent = "/subscriptions/" + arm.subscriptionId() + "/resourceGroups/" + arm.resourceGroup()
                + "/providers/Microsoft.Sql/locations/" + r.segment(7);
        if (n == 9) {
            return Reply.ok(ArmHttp.list(arm.state().children(parent, "instanceFailoverGroups")));
        }
        ObjectNode g = arm.state().get(parent + "/instanceFailoverGroups/" + r.segment(9));
        return g != null ? Reply.ok(g) : Reply.error(404, "ResourceNotFound", "The requested resource of type "
                + "'Microsoft.Sql/locations/instanceFailoverGroups' with name '" + r.segment(9) + "' was not found.");
    }

    private String now() {
        return Instant.now(arm.clock()).toString();
    }
}
