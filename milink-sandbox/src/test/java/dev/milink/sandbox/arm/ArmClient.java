// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain JDK HttpClient against one stand-in, trusting the sandbox certificate and sending its bearer token. */
final class ArmClient {
    static final String SQL = "?api-version=2025-01-01";
    static final String NET = "?api-version=2024-05-01";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArmStandIn arm;
    private final HttpClient http;
    private String token;

    ArmClient(ArmStandIn arm) {
        this.arm = arm;
        this.token = arm.accessToken();
        this.http = HttpClient.newBuilder().sslContext(ArmStandIn.clientSslContext())
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    ArmClient withToken(String newToken) {
        this.token = newToken;
        return this;
    }

    /** An answer: status, headers and the body parsed as JSON (null when empty). */
    record Answer(int status, HttpResponse<String> raw, JsonNode json) {
        String header(String name) { return raw.headers().firstValue(name).orElse(null); }

        String errorCode() { return json == null ? null : json.path("error").path("code").asText(null); }

        String errorMessage() { return json == null ? null : json.path("error").path("message").asText(null); }
    }

    Answer get(String pathAndQuery) { return send("GET", pathAndQuery, null); }

    Answer put(String pathAndQuery, String body) { return send("PUT", pathAndQuery, body); }

    Answer patch(String pathAndQuery, String body) { return send("PATCH", pathAndQuery, body); }

    Answer post(String pathAndQuery, String body) { return send("POST", pathAndQuery, body); }

    Answer delete(String pathAndQuery) { return send("DELETE", pathAndQuery, null); }

    /** GET on an absolute URL the stand-in handed out (Azure-AsyncOperation, Location). */
    Answer getUrl(String url) { return send("GET", url.substring(arm.baseUrl().length()), null); }

    Answer send(String method, String pathAndQuery, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(arm.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body() == null || r.body().isEmpty() ? null : JSON.readTree(r.body());
            return new Answer(r.statusCode(), r, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
