// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.milink.sandbox.arm.ArmHttp.Reply;
import dev.milink.sandbox.arm.ArmHttp.Request;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP side of the stand-in: the Entra ID token endpoint, then for ARM requests the bearer token, faults,
 * routing and the request log. Every reply carries {@code x-ms-request-id} and JSON bodies
 * {@code application/json; charset=utf-8}.
 */
final class ArmHandler implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(ArmHandler.class.getName());

    private final ArmStandIn arm;
    private final ArmRouter router;

    ArmHandler(ArmStandIn arm) {
        this.arm = arm;
        this.router = new ArmRouter(arm);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
            String path = exchange.getRequestURI().getPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
            Request request = new Request(method, path, segments, query(rawQuery), body, null);
            boolean token = isTokenPath(segments);
            Reply reply;
            try {
                reply = answer(request, token, exchange.getRequestHeaders().getFirst("Authorization"));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "ARM stand-in failed on " + method + " " + path, e);
                reply = Reply.error(500, "InternalServerError", "The stand-in failed: " + e.getClass().getSimpleName());
            }
            boolean logsBody = !token && !"GET".equals(method) && !"DELETE".equals(method);
            arm.requestLog().add(new ArmRequestLog.Entry(method, path, rawQuery == null ? "" : rawQuery,
                    reply.status(), logsBody ? redacted(body) : ""));
            send(exchange, reply);
        }
    }

    private Reply answer(Request request, boolean token, String authorization) {
        if (token || isOpenIdPath(request.segments())) {
            ArmFault fault = arm.faults().take(request.method(), request.path());
            return fault != null && !fault.async() ? faultReply(request, fault) : identity(request);
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return unauthorized("AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
        }
        if (!sameToken(authorization.substring(7).strip(), arm.accessToken())) {
            return unauthorized("InvalidAuthenticationToken", "The access token is invalid.");
        }
        ArmFault fault = arm.faults().take(request.method(), request.path());
        if (fault != null && !fault.async()) {
            return faultReply(request, fault);
        }
        Request r = fault == null ? request : new Request(request.method(), request.path(), request.segments(),
                request.query(), request.body(), fault);
        return router.route(r);
    }

    private Reply faultReply(Request r, ArmFault f) {
        if (f.action() != null) {
            return router.forbidden(r, f.action());
        }
        String message = f.message();
        if (message == null) {
            List<String> s = r.segments();
            String name = s.isEmpty() ? "" : s.get(s.size() - 1);
            message = "ParentResourceNotFound".equals(f.code())
                    ? "Can not perform requested operation on nested resource. Parent resource '"
                            + (s.size() > 7 ? s.get(7) : name) + "' not found."
                    : "The Resource '" + name + "' under resource group '" + arm.resourceGroup() + "' was not found. "
                            + "For more details please go to https://aka.ms/ARMResourceNotFoundFix";
        }
        Reply reply = Reply.error(f.status(), f.code(), message);
        return f.retryAfterSeconds() >= 0 ? reply.header("Retry-After", Integer.toString(f.retryAfterSeconds()))
                : reply;
    }

    private Reply unauthorized(String code, String message) {
        return Reply.error(401, code, message).header("WWW-Authenticate", "Bearer authorization_uri=\""
                + arm.baseUrl() + "/" + arm.tenantId() + "\", error=\"invalid_token\", error_description=\""
                + message.replace('"', '\'') + "\"");
    }

    // ---- Entra ID ----

    private static boolean isTokenPath(List<String> s) {
        return s.size() == 4 && s.get(1).equals("oauth2") && s.get(2).equals("v2.0") && s.get(3).equals("token");
    }

    private static boolean isOpenIdPath(List<String> s) {
        return s.size() == 4 && s.get(1).equals("v2.0") && s.get(2).equals(".well-known")
                && s.get(3).equals("openid-configuration");
    }

    /** {@code POST /{tenant}/oauth2/v2.0/token} (client credentials) and the tenant's OpenID configuration. */
    private Reply identity(Request r) {
        String tenant = r.segment(0);
        if (!tenant.equalsIgnoreCase(arm.tenantId())) {
            return oauthError(400, "invalid_request", "AADSTS90002: Tenant '" + tenant + "' not found. Check to make"
                    + " sure you have the correct tenant ID and are signing into the correct cloud.");
        }
        String issuerBase = arm.baseUrl() + "/" + arm.tenantId();
        if (isOpenIdPath(r.segments())) {
            ObjectNode n = ArmState.JSON.createObjectNode();
            n.put("token_endpoint", issuerBase + "/oauth2/v2.0/token");
            n.put("authorization_endpoint", issuerBase + "/oauth2/v2.0/authorize");
            n.put("issuer", issuerBase + "/v2.0");
            n.put("jwks_uri", issuerBase + "/discovery/v2.0/keys");
            n.put("tenant_region_scope", "EU");
            return Reply.ok(n);
        }
        if (!"POST".equals(r.method())) {
            return oauthError(405, "invalid_request", "AADSTS900561: The endpoint only accepts POST requests.");
        }
        Map<String, String> form = query(r.body());
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return oauthError(400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant "
                    + "type. The stand-in supports client_credentials.");
        }
        if (!arm.clientId().equalsIgnoreCase(form.getOrDefault("client_id", ""))) {
            return oauthError(400, "unauthorized_client", "AADSTS700016: Application with identifier '"
                    + form.getOrDefault("client_id", "") + "' was not found in the directory '" + tenant + "'.");
        }
        if (!sameToken(form.getOrDefault("client_secret", ""), arm.clientSecret())) {
            return oauthError(401, "invalid_client", "AADSTS7000215: Invalid client secret provided. Ensure the "
                    + "secret being sent in the request is the client secret value, not the client secret ID.");
        }
        ObjectNode n = ArmState.JSON.createObjectNode();
        n.put("token_type", "Bearer");
        n.put("expires_in", 3600);
        n.put("ext_expires_in", 3600);
        n.put("access_token", arm.accessToken());
        return Reply.ok(n);
    }

    private static Reply oauthError(int status, String error, String description) {
        ObjectNode n = ArmState.JSON.createObjectNode();
        n.put("error", error);
        n.put("error_description", description);
        n.putArray("error_codes");
        return Reply.json(status, n);
    }

    // ---- plumbing ----

    /** The body as logged: values of password and private-key fields replaced, so the log holds no secret. */
    private static String redacted(String body) {
        JsonNode tree = ArmHttp.parse(body);
        if (tree == null || !tree.isObject()) {
            return body;
        }
        redact(tree);
        return tree.toString();
    }

    private static void redact(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (String field : List.copyOf(iterable(o))) {
                String f = field.toLowerCase(java.util.Locale.ROOT);
                if (f.contains("password") || f.equals("privateblob") || f.contains("secret")) {
                    o.put(field, "(redacted)");
                } else {
                    redact(o.get(field));
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(ArmHandler::redact);
        }
    }

    private static List<String> iterable(ObjectNode o) {
        List<String> names = new java.util.ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static boolean sameToken(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        exchange.getResponseHeaders().set("x-ms-request-id", java.util.UUID.randomUUID().toString());
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (reply.body() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        byte[] bytes = ArmState.JSON.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
