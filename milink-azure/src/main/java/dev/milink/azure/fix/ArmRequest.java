// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure.fix;

import com.fasterxml.jackson.databind.JsonNode;
import dev.milink.azure.AzureError;
import dev.milink.azure.internal.ArmJson;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.error.MilinkException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The ARM request of a fix step ({@link ScriptKind#ARM_REQUEST}): {@code {"method":"PUT","path":
 * "/subscriptions/…?api-version=…","body":{…}}}.
 *
 * @param method PUT, PATCH, POST or DELETE
 * @param path   ARM path with its {@code api-version} query
 * @param body   the JSON body as text, or null
 * @since 0.2
 */
public record ArmRequest(String method, String path, String body) {
    private static final Set<String> WRITES = Set.of("PUT", "PATCH", "POST", "DELETE");

    public ArmRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
    }

    /**
     * The request of {@code step}'s ARM_REQUEST script.
     *
     * @throws MilinkException ARM_REQUEST_INVALID when the step has none or it is not well formed
     */
    public static ArmRequest of(FixStep step) {
        String text = step.script(ScriptKind.ARM_REQUEST).orElseThrow(() -> invalid(step.id(),
                "the step has no ARM request")).text();
        JsonNode n = ArmJson.parse(text);
        if (n == null || !n.isObject()) {
            throw invalid(step.id(), "the ARM request is not a JSON object");
        }
        String method = n.path("method").asText("").toUpperCase(Locale.ROOT);
        String path = n.path("path").asText("");
        if (!WRITES.contains(method)) {
            throw invalid(step.id(), "method '" + n.path("method").asText("") + "' is not PUT, PATCH, POST or DELETE");
        }
        if (!path.regionMatches(true, 0, "/subscriptions/", 0, 15) || !path.contains("api-version=")
                || path.contains("://") || path.contains("..")) {
            throw invalid(step.id(), "path '" + path + "' is not an ARM path (/subscriptions/…?api-version=…)");
        }
        if (n.has(dev.milink.core.check.azure.support.ArmRequest.PRIVATE_BLOB_FROM)) {
            throw invalid(step.id(), "the request needs the PFX that milink builds from SQL Server's certificate at "
                    + "apply time (TdeCertificateUpload.filled), not the placeholders");
        }
        if (n.has(dev.milink.core.check.azure.support.ArmRequest.PUBLIC_BLOB_FROM)) {
            throw invalid(step.id(), "the request needs the public key that milink reads from SQL Server's "
                    + "certificate at apply time (TrustCertificateUpload.filled), not the placeholder");
        }
        JsonNode body = n.get("body");
        return new ArmRequest(method, path, body == null || body.isNull() ? null : body.toString());
    }

    /** The path without its query, for messages. */
    public String resourcePath() {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    /** The body parsed, or null. */
    JsonNode bodyJson() {
        return ArmJson.parse(body);
    }

    @Override
    public String toString() {
        return method + " " + resourcePath();
    }

    private static MilinkException invalid(String stepId, String why) {
        return new MilinkException(AzureError.ARM_REQUEST_INVALID, "Fix step " + stepId + ": " + why + ".");
    }
}
