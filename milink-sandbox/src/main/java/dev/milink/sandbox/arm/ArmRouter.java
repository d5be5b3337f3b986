// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.milink.sandbox.arm.ArmHttp.Reply;
import dev.milink.sandbox.arm.ArmHttp.Request;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Dispatches an authenticated ARM request: api-version per provider, subscription and resource group, the
 * caller's permissions, then the Microsoft.Sql, Microsoft.Network and Microsoft.Authorization routes and the
 * long-running operation status URLs.
 */
final class ArmRouter {
    /** Accepted api-versions per provider namespace (lower case). */
    static final Map<String, Set<String>> API_VERSIONS = Map.of(
            "microsoft.sql", Set.of("2025-01-01", "2025-08-01-preview"),
            "microsoft.network", Set.of("2023-09-01", "2023-11-01", "2024-01-01", "2024-03-01", "2024-05-01",
                    "2024-07-01", "2024-10-01", "2025-01-01", "2025-03-01", "2025-05-01"),
            "microsoft.authorization", Set.of("2022-04-01", "2015-07-01"),
            "microsoft.insights", Set.of("2018-01-01", "2019-07-01", "2021-05-01", "2023-10-01", "2024-02-01"));
    private static final String METRICS = "/providers/microsoft.insights/metrics";

    private final ArmStandIn arm;
    private final SqlRoutes sql;
    private final NetworkRoutes network;

    ArmRouter(ArmStandIn arm) {
        this.arm = arm;
        this.sql = new SqlRoutes(this, arm);
        this.network = new NetworkRoutes(this, arm);
    }

    Reply route(Request r) {
        if (!r.is(0, "subscriptions") || r.segment(1) == null) {
            return Reply.error(404, "InvalidRequestUri", "The request URI '" + r.path() + "' is not an ARM URI.");
        }
        String namespace = namespace(r);
        if (namespace == null) {
            return Reply.error(404, "InvalidRequestUri", "The request URI '" + r.path() + "' names no provider.");
        }
        Reply versionProblem = checkApiVersion(r, namespace);
        if (versionProblem != null) {
            return versionProblem;
        }
        if (!r.segment(1).equalsIgnoreCase(arm.subscriptionId())) {
            return Reply.error(404, "SubscriptionNotFound", "The subscription '" + r.segment(1)
                    + "' could not be found.");
        }
        if (r.path().toLowerCase(Locale.ROOT).endsWith("/providers/microsoft.authorization/permissions")) {
            return permissions(r);
        }
        if (r.is(2, "providers")) {
            return operation(r);
        }
        if (!r.is(2, "resourceGroups") || !r.is(4, "providers") || r.segments().size() < 7) {
            return Reply.error(400, "InvalidResourceType", "The request URI '" + r.path()
                    + "' does not name a resource the stand-in serves.");
        }
        if (!r.segment(3).equalsIgnoreCase(arm.resourceGroup())) {
            return Reply.error(404, "ResourceGroupNotFound", "Resource group '" + r.segment(3)
                    + "' could not be found.");
        }
        if (r.path().toLowerCase(Locale.ROOT).endsWith(METRICS)) {
            String action = "Microsoft.Insights/metrics/read";
            if (arm.enforcePermissions() && !Permissions.allows(arm.state().permissions(), action)) {
                return forbidden(r, action);
            }
            return "GET".equals(r.method()) ? Metrics.answer(r, arm) : methodNotAllowed(r);
        }
        String denied = deniedAction(r);
        if (denied != null) {
            return forbidden(r, denied);
        }
        return switch (namespace.toLowerCase(Locale.ROOT)) {
            case "microsoft.sql" -> sql.route(r);
            case "microsoft.network" -> network.route(r);
            default -> unknownType(r);
        };
    }

    /** The provider a request goes to: the permissions API's, else the first after {@code /providers/}. */
    private static String namespace(Request r) {
        if (r.path().toLowerCase(Locale.ROOT).endsWith("/providers/microsoft.authorization/permissions")) {
            return "Microsoft.Authorization";
        }
        if (r.path().toLowerCase(Locale.ROOT).endsWith(METRICS)) {
            return "Microsoft.Insights";
        }
        List<String> s = r.segments();
        for (int i = 0; i + 1 < s.size(); i++) {
            if ("providers".equalsIgnoreCase(s.get(i))) {
                return s.get(i + 1);
            }
        }
        return null;
    }

    private Reply checkApiVersion(Request r, String namespace) {
        String version = r.apiVersion();
        if (version == null || version.isBlank()) {
            return Reply.error(400, "MissingApiVersionParameter",
                    "The api-version query parameter (?api-version=) is required for all requests.");
        }
        Set<String> known = API_VERSIONS.get(namespace.toLowerCase(Locale.ROOT));
        if (known == null) {
            return Reply.error(400, "InvalidResourceNamespace", "The resource namespace '" + namespace
                    + "' is invalid.");
        }
        if (!known.contains(version)) {
            return Reply.error(400, "NoRegisteredProviderFound", "No registered resource provider found for location '"
                    + arm.location() + "' and API version '" + version + "' for type '" + typeName(r)
                    + "'. The supported api-versions are '" + String.join(", ", known.stream().sorted().toList())
                    + "'. The supported locations are '" + arm.location() + "'.");
        }
        return null;
    }

    private static String typeName(Request r) {
        List<String> s = r.segments();
        int p = s.size() - 1;
        while (p >= 0 && !"providers".equalsIgnoreCase(s.get(p))) {
            p--;
        }
        return p >= 0 && p + 2 < s.size() ? s.get(p + 2) : "";
    }

    // ---- authorization ----

    /** The action this request needs when the caller lacks it, else null. Reading permissions needs none. */
    private String deniedAction(Request r) {
        if (!arm.enforcePermissions()) {
            return null;
        }
        String action = action(r);
        return Permissions.allows(arm.state().permissions(), action) ? null : action;
    }

    /** The RBAC action of a resource request, e.g. {@code Microsoft.Sql/managedInstances/serverTrustCertificates/write}. */
    static String action(Request r) {
        List<String> s = r.segments();
        StringBuilder type = new StringBuilder(s.get(5)).append('/').append(s.get(6));
        String suffix = switch (r.method()) {
            case "GET" -> "read";
            case "DELETE" -> "delete";
            case "POST" -> s.get(s.size() - 1) + "/action";
            default -> "write";
        };
        // type segments sit at even offsets from 6: type, name, childType, childName, …
        int last = "POST".equals(r.method()) ? s.size() - 1 : s.size();
        for (int i = 8; i < last; i += 2) {
            type.append('/').append(s.get(i));
        }
        if ("locations".equalsIgnoreCase(s.get(6))) {
            type = new StringBuilder(s.get(5)).append("/locations");
            for (int i = 8; i < last; i += 2) {
                type.append('/').append(s.get(i));
            }
        }
        return type + "/" + suffix;
    }

    Reply forbidden(Request r, String action) {
        String scope = r.path();
        return Reply.error(403, "AuthorizationFailed", "The client '" + arm.clientId() + "' with object id '"
                + arm.objectId() + "' does not have authorization to perform action '" + action + "' over scope '"
                + scope + "' or the scope is invalid. If access was recently granted, please refresh your credentials.");
    }

    private Reply permissions(Request r) {
        if (!"GET".equals(r.method())) {
            return methodNotAllowed(r);
        }
        return Reply.ok(ArmHttp.list(arm.state().permissions().stream()
                .map(p -> (ObjectNode) ArmState.JSON.valueToTree(p)).toList()));
    }

    // ---- errors shared by the routes ----

    Reply notFound(Request r, String type, String name) {
        return Reply.error(404, "ResourceNotFound", "The Resource '" + type + "/" + name + "' under resource group '"
                + arm.resourceGroup() + "' was not found. For more details please go to "
                + "https://aka.ms/ARMResourceNotFoundFix");
    }

    Reply parentNotFound(Request r, String parentName) {
        return Reply.error(404, "ParentResourceNotFound", "Can not perform requested operation on nested resource. "
                + "Parent resource '" + parentName + "' not found.");
    }

    Reply methodNotAllowed(Request r) {
        return Reply.error(405, "MethodNotAllowed", "The stand-in does not support " + r.method() + " on '"
                + r.path() + "'.");
    }

    Reply unknownType(Request r) {
        return Reply.error(400, "InvalidResourceType", "The resource type '" + typeName(r) + "' could not be found "
                + "in the namespace '" + r.segment(5) + "' for api version '" + r.apiVersion() + "'.");
    }

    // ---- long-running operations ----

    /**
     * Accepts a write: applies it (unless an async fault dooms it) and answers {@code status} with the LRO headers,
     * {@code Azure-AsyncOperation} always, {@code Location} for DELETE and POST.
     */
    Reply accepted(Request r, int status, ObjectNode body, Runnable apply, Supplier<ObjectNode> actionResult) {
        if (r.doomed() == null) {
            apply.run();
        }
        String ns = r.segment(5);
        ArmOperations.Operation op = arm.operations().start(ns, r.apiVersion(), arm.lro().inProgressPolls(),
                r.doomed(), actionResult == null || r.doomed() != null ? null : actionResult.get(), Instant.now(arm.clock()).toString());
        String opBase = arm.baseUrl() + "/subscriptions/" + arm.subscriptionId() + "/providers/" + ns + "/locations/"
                + arm.location();
        Reply reply = body == null ? Reply.empty(status) : Reply.json(status, body);
        reply.header("Azure-AsyncOperation", opBase + "/azureAsyncOperations/" + op.id + "?api-version="
                + r.apiVersion());
        if ("DELETE".equals(r.method()) || "POST".equals(r.method())) {
            reply.header("Location", opBase + "/operationResults/" + op.id + "?api-version=" + r.apiVersion());
        }
        return reply.header("Retry-After", Integer.toString(arm.lro().retryAfterSeconds()));
    }

    /** GET …/providers/{ns}/locations/{loc}/azureAsyncOperations|operationResults/{id}. */
    private Reply operation(Request r) {
        if (r.segments().size() != 8 || !r.is(4, "locations") || !"GET".equals(r.method())) {
            return Reply.error(400, "InvalidResourceType", "The request URI '" + r.path()
                    + "' does not name a resource the stand-in serves.");
        }
        ArmOperations.Operation op = arm.operations().get(r.segment(7));
        if (op == null) {
            return Reply.error(404, "ResourceNotFound", "The operation '" + r.segment(7) + "' was not found.");
        }
        boolean running = op.pollStillRunning();
        String retryAfter = Integer.toString(arm.lro().retryAfterSeconds());
        if (r.is(6, "operationResults")) {
            if (running) {
                return Reply.empty(202).header("Location", arm.baseUrl() + r.path() + "?api-version="
                        + r.apiVersion()).header("Retry-After", retryAfter);
            }
            if (op.failure != null) {
                return Reply.error(400, op.failure.code(), op.failure.message());
            }
            return op.result == null ? Reply.empty(204) : Reply.ok(op.result);
        }
        if (!r.is(6, "azureAsyncOperations")) {
            return Reply.error(400, "InvalidResourceType", "Unknown operation kind '" + r.segment(6) + "'.");
        }
        ObjectNode status = ArmState.JSON.createObjectNode();
        status.put("name", op.id);
        status.put("startTime", op.startTime);
        if (running) {
            status.put("status", "InProgress");
            return Reply.ok(status).header("Retry-After", retryAfter);
        }
        status.put("endTime", Instant.now(arm.clock()).toString());
        if (op.failure != null) {
            status.put("status", "Failed");
            ObjectNode e = status.putObject("error");
            e.put("code", op.failure.code());
            e.put("message", op.failure.message());
        } else {
            status.put("status", "Succeeded");
        }
        return Reply.ok(status);
    }
}
