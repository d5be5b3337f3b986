// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure;

import dev.milink.azure.internal.ArmJson;
import java.util.Map;
import java.util.Objects;

/**
 * One answer from Azure Resource Manager after the pipeline's retries: status, headers (lower-case names) and
 * body text. Status 0 means no answer at all (unreachable, TLS, sign-in failure); {@link #transportError()} says
 * why.
 *
 * @param status         HTTP status, or 0 when no answer came
 * @param headers        response headers, names in lower case
 * @param body           response body, empty when none
 * @param transportError why no answer came (status 0), else null
 * @since 0.2
 */
public record ArmResponse(int status, Map<String, String> headers, String body, String transportError) {
    public ArmResponse {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    static ArmResponse failed(String why) {
        return new ArmResponse(0, Map.of(), "", why);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** ARM's {@code error.code} (e.g. AuthorizationFailed), or empty. */
    public String errorCode() {
        return ArmJson.errorCode(body);
    }

    /** ARM's {@code error.message}, or empty. */
    public String errorMessage() {
        return ArmJson.errorMessage(body);
    }

    /** The RBAC action a 403 AuthorizationFailed names ("... perform action 'X' over scope ..."), or empty. */
    public String deniedAction() {
        return ArmJson.deniedAction(errorMessage());
    }

    /** One line for users: {@code 403 AuthorizationFailed: message}, or the transport error. */
    public String describe() {
        if (status == 0) {
            return transportError;
        }
        String code = errorCode();
        String message = errorMessage();
        return status + (code.isEmpty() ? "" : " " + code) + (message.isEmpty() ? "" : ": " + message);
    }
}
