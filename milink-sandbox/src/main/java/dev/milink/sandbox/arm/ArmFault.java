// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One injected failure: requests whose method and path match answer {@code status} with an ARM error body
 * {@code {"error":{"code":…,"message":…}}} instead of being served, for the next {@code times} matching requests
 * ({@code 0} = for every one). An {@link #async()} fault accepts the write (201/202) and lets its operation end
 * {@code Failed} with the code and message, changing nothing.
 *
 * <pre>{@code
 * arm.faults().add(ArmFault.throttle("/managedInstances/contoso-mi$", 2, 1));      // 429, Retry-After: 1, twice
 * arm.faults().add(ArmFault.serverError("/databases", 503, 0));                  // 503 until cleared
 * arm.faults().add(ArmFault.forbidden("/managedInstances/contoso-mi$", "Microsoft.Sql/managedInstances/read"));
 * }</pre>
 *
 * @param method HTTP method, or {@code *} for any
 * @param path regular expression found (not matched whole) in the request path, case-insensitive
 * @param status HTTP status to answer
 * @param code ARM error code
 * @param message ARM error message; {@code null} = the stand-in words one for the request
 * @param times matching requests it hits before it is used up; 0 = unlimited
 * @param retryAfterSeconds value of the Retry-After header (429 and 503), or -1 for none
 * @param async accept the request and fail its long-running operation instead
 * @since 0.1.0
 */
public record ArmFault(String method, Pattern path, int status, String code, String message, int times,
        int retryAfterSeconds, boolean async) {

    public ArmFault {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(code, "code");
        if (times < 0) {
            throw new IllegalArgumentException("times must be >= 0 (0 = every matching request)");
        }
    }

    /** 429 TooManyRequests with {@code Retry-After: retryAfterSeconds}, for the next {@code times} requests. */
    public static ArmFault throttle(String pathRegex, int times, int retryAfterSeconds) {
        return new ArmFault("*", compile(pathRegex), 429, "TooManyRequests",
                "The request is being throttled as the limit has been reached for operation type - Read. For more"
                        + " information, see - https://aka.ms/srpthrottlinglimits", times, retryAfterSeconds, false);
    }

    /** A 5xx for the next {@code times} requests (0 = until removed). */
    public static ArmFault serverError(String pathRegex, int status, int times) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("a server error needs a 5xx status, not " + status);
        }
        String code = switch (status) {
            case 502 -> "BadGateway";
            case 503 -> "ServiceUnavailable";
            case 504 -> "GatewayTimeout";
            default -> "InternalServerError";
        };
        return new ArmFault("*", compile(pathRegex), status, code,
                "The server encountered an internal error. Please retry the request.", times, -1, false);
    }

    /** 403 AuthorizationFailed naming {@code action}, e.g. {@code Microsoft.Sql/managedInstances/read}. */
    public static ArmFault forbidden(String pathRegex, String action) {
        return new ArmFault("*", compile(pathRegex), 403, "AuthorizationFailed", "action:" + action, 0, -1, false);
    }

    /** 404 ResourceNotFound. */
    public static ArmFault notFound(String pathRegex) {
        return new ArmFault("*", compile(pathRegex), 404, "ResourceNotFound", null, 0, -1, false);
    }

    /** 404 ParentResourceNotFound. */
    public static ArmFault parentNotFound(String pathRegex) {
        return new ArmFault("*", compile(pathRegex), 404, "ParentResourceNotFound", null, 0, -1, false);
    }

    /** 409 ConflictingServerOperation for writes (PUT, PATCH, DELETE, POST) to the path. */
    public static ArmFault conflict(String pathRegex, int times) {
        return new ArmFault("WRITE", compile(pathRegex), 409, "ConflictingServerOperation",
                "An ongoing operation on the managed instance is in progress. Please wait for it to complete and"
                        + " retry.", times, -1, false);
    }

    /** The write is accepted (201/202) but its operation ends Failed with this code and message. */
    public static ArmFault asyncFailure(String pathRegex, String code, String message) {
        return new ArmFault("WRITE", compile(pathRegex), 200, code, message, 1, -1, true);
    }

    /** The same fault for requests with this method only ({@code GET}, {@code PUT}, …). */
    public ArmFault forMethod(String httpMethod) {
        return new ArmFault(httpMethod.toUpperCase(Locale.ROOT), path, status, code, message, times,
                retryAfterSeconds, async);
    }

    /** The same fault hitting the next {@code n} matching requests (0 = every one). */
    public ArmFault times(int n) {
        return new ArmFault(method, path, status, code, message, n, retryAfterSeconds, async);
    }

    boolean matches(String httpMethod, String requestPath) {
        boolean methodOk = switch (method) {
            case "*" -> true;
            case "WRITE" -> !"GET".equals(httpMethod);
            default -> method.equals(httpMethod);
        };
        return methodOk && path.matcher(requestPath).find();
    }

    /** The action a forbidden fault names, or null. */
    String action() {
        return message != null && message.startsWith("action:") ? message.substring("action:".length()) : null;
    }

    static ArmFault fromSpec(AzureScenario.FaultSpec s) {
        if (s.kind == null || s.path == null) {
            throw new IllegalArgumentException("a fault needs kind and path");
        }
        ArmFault f = switch (s.kind) {
            case "throttle" -> throttle(s.path, s.times, s.retryAfterSeconds);
            case "serverError" -> serverError(s.path, s.status == 0 ? 500 : s.status, s.times);
            case "forbidden" -> forbidden(s.path, Objects.requireNonNull(s.action, "a forbidden fault needs action"))
                    .times(s.times);
            case "notFound" -> notFound(s.path).times(s.times);
            case "parentNotFound" -> parentNotFound(s.path).times(s.times);
            case "conflict" -> conflict(s.path, s.times);
            case "asyncFailure" -> asyncFailure(s.path, s.code == null ? "OperationFailed" : s.code,
                    s.message == null ? "The operation failed." : s.message).times(s.times);
            default -> throw new IllegalArgumentException("unknown fault kind '" + s.kind + "'; known: throttle, "
                    + "serverError, forbidden, notFound, parentNotFound, conflict, asyncFailure");
        };
        if (s.method != null && !"*".equals(s.method)) {
            f = f.forMethod(s.method);
        }
        if (!f.async && (s.code != null || s.message != null)) {
            f = new ArmFault(f.method, f.path, f.status, s.code == null ? f.code : s.code,
                    s.message == null ? f.message : s.message, f.times, f.retryAfterSeconds, false);
        }
        return f;
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }
}
