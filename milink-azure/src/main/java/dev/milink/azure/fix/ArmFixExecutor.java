// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure.fix;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import com.azure.core.http.rest.Response;
import com.azure.core.http.rest.SimpleResponse;
import com.azure.core.management.polling.PollResult;
import com.azure.core.management.polling.SyncPollerFactory;
import com.azure.core.management.serializer.SerializerFactory;
import com.azure.core.util.BinaryData;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.fasterxml.jackson.databind.JsonNode;
import dev.milink.azure.ArmConnection;
import dev.milink.azure.ArmResponse;
import dev.milink.azure.fix.ArmStepResult.Outcome;
import dev.milink.azure.internal.ArmJson;
import dev.milink.azure.internal.ArmResources;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.ScriptKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The one code path in milink that changes an Azure resource: it sends the {@link ScriptKind#ARM_REQUEST} of each
 * appliable fix step through the connection's pipeline (same credential, retries and logging as the reads),
 * follows the long-running operation with azure-core-management's {@link SyncPollerFactory} (201/202 with
 * {@code Azure-AsyncOperation} or {@code Location}), reports progress, and turns ARM's errors into plain words.
 * Steps run in order; the first failure stops the rest.
 *
 * <pre>{@code
 * ArmFixExecutor executor = ArmFixExecutor.of(arm);
 * List<ArmStepResult> results = executor.applyAll(plan.steps(), (step, message) -> out.println(message));
 * results.stream().filter(ArmStepResult::failed).findFirst().flatMap(ArmStepResult::asException)
 *         .ifPresent(e -> { throw e; });   // ARM_WRITE_FAILED, exit code 4
 * }</pre>
 *
 * <p>{@code CertificateAlreadyExists} on a server trust certificate counts as done when a certificate with the
 * same blob is already on the managed instance (under any name): ARM matches trust certificates by public key.
 *
 * @since 0.2
 */
public final class ArmFixExecutor {
    /** Receives progress: which step, what is happening. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (stepId, message) -> { };

        void report(String stepId, String message);

        /**
         * One poll of a step's long-running operation: its status ({@code InProgress}, {@code Succeeded}, ...),
         * the time since ARM accepted the request, and what the step waits for. Nothing by default.
         */
        default void polled(String stepId, String status, Duration elapsed, String waitingFor) {
        }
    }

    private final ArmConnection arm;
    private final Duration operationTimeout;

    private ArmFixExecutor(ArmConnection arm, Duration operationTimeout) {
        this.arm = Objects.requireNonNull(arm, "arm");
        this.operationTimeout = Objects.requireNonNull(operationTimeout, "operationTimeout");
    }

    /** An executor whose long-running operations may take up to 30 minutes each. */
    public static ArmFixExecutor of(ArmConnection arm) {
        return new ArmFixExecutor(arm, Duration.ofMinutes(30));
    }

    public ArmFixExecutor withOperationTimeout(Duration timeout) {
        return new ArmFixExecutor(arm, timeout);
    }

    /** Whether this executor applies the step: appliable with an ARM request. */
    public static boolean handles(FixStep step) {
        return step.appliable() && step.script(ScriptKind.ARM_REQUEST).isPresent();
    }

    /** Applies the ARM steps among {@code steps} in order, stopping after the first failure. */
    public List<ArmStepResult> applyAll(List<FixStep> steps, Progress progress) {
        List<ArmStepResult> results = new ArrayList<>();
        for (FixStep step : steps) {
            if (!handles(step)) {
                continue;
            }
            ArmStepResult r = apply(step, progress);
            results.add(r);
            if (r.failed()) {
                break;
            }
        }
        return results;
    }

    /**
     * Applies one step.
     *
     * @throws dev.milink.core.error.MilinkException ARM_REQUEST_INVALID when its ARM request is not well formed
     */
    public ArmStepResult apply(FixStep step, Progress progress) {
        ArmRequest request = ArmRequest.of(step);
        progress.report(step.id(), "sending " + request);
        ArmResponse first = arm.send(request.method(), request.path(), request.body());
        if (!first.isSuccess()) {
            return refused(step, request, first.status(), first.errorCode(), first.errorMessage(),
                    first.describe(), progress);
        }
        if (first.status() == 200 && !first.headers().containsKey("azure-asyncoperation")
                && !first.headers().containsKey("location") && !"Updating".equalsIgnoreCase(provisioningState(first))) {
            progress.report(step.id(), "done (" + first.status() + ")");
            return new ArmStepResult(step.id(), request.toString(), Outcome.APPLIED, "applied (" + first.status()
                    + ")", "");
        }
        progress.report(step.id(), "accepted (" + first.status() + "), waiting for the operation to finish");
        return follow(step, request, first, progress);
    }

    private ArmStepResult follow(FixStep step, ArmRequest request, ArmResponse first, Progress progress) {
        HttpHeaders headers = new HttpHeaders();
        first.headers().forEach((k, v) -> headers.set(HttpHeaderName.fromString(k), v));
        HttpRequest original = new HttpRequest(HttpMethod.valueOf(request.method()), arm.url(request.path()));
        Response<BinaryData> activation = new SimpleResponse<>(original, first.status(), headers,
                BinaryData.fromString(first.body()));
        String waitingFor = request.method() + " " + shortPath(request.resourcePath()) + " to finish ("
                + (first.headers().containsKey("azure-asyncoperation") ? "Azure-AsyncOperation"
                : first.headers().containsKey("location") ? "Location" : "provisioningState") + ")";
        PollObserver observer = new PollObserver(step.id(), waitingFor, progress);
        try {
            SyncPoller<PollResult<Object>, Object> poller = SyncPollerFactory.create(
                    SerializerFactory.createDefaultManagementSerializerAdapter(), observer.around(arm.pipeline()),
                    Object.class, Object.class, arm.options().pollInterval(), () -> activation);
            PollResponse<PollResult<Object>> last = poller.waitForCompletion(operationTimeout);
            observer.stop();
            LongRunningOperationStatus status = last.getStatus();
            if (status == LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
                // PUT/PATCH: one GET of the resource as it now is (azure-core-management's final result)
                poller.getFinalResult();
                progress.report(step.id(), "done: the operation succeeded");
                return new ArmStepResult(step.id(), request.toString(), Outcome.APPLIED, "applied", "");
            }
            PollResult.Error error = last.getValue() == null ? null : last.getValue().getError();
            String body = error == null ? "" : error.getResponseBody();
            String code = ArmJson.errorCode(body);
            String message = ArmJson.errorMessage(body);
            if (code.isEmpty() && error != null) {
                message = error.getMessage();
            }
            progress.report(step.id(), "the operation ended " + status);
            return refused(step, request, error == null ? 0 : error.getResponseStatusCode(), code, message,
                    "the operation ended " + status + (code.isEmpty() ? "" : ": " + code)
                            + (message == null || message.isEmpty() ? "" : ": " + message), progress);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new ArmStepResult(step.id(), request.toString(), Outcome.FAILED, "the long-running operation "
                    + "could not be followed: " + firstLine(why), "");
        }
    }

    /** A refusal in plain words; CertificateAlreadyExists with the same blob already trusted counts as done. */
    private ArmStepResult refused(FixStep step, ArmRequest request, int status, String code, String message,
                                  String described, Progress progress) {
        String c = code == null ? "" : code;
        if ("CertificateAlreadyExists".equals(c)) {
            String existing = trustedUnderName(request);
            if (existing != null) {
                progress.report(step.id(), "already done: the certificate is trusted as '" + existing + "'");
                return new ArmStepResult(step.id(), request.toString(), Outcome.ALREADY_DONE, "already done: the "
                        + "managed instance already trusts this certificate as '" + existing + "'", c);
            }
        }
        String plain = switch (c) {
            case "AuthorizationFailed" -> {
                String action = ArmJson.deniedAction(message);
                yield "permission denied: the caller lacks " + (action.isEmpty() ? "the write permission"
                        : "the action " + action) + " on the managed instance's scope (403 AuthorizationFailed); "
                        + "grant it or have someone who has it apply this step";
            }
            case "ConflictingServerOperation", "OperationInProgress", "AnotherOperationInProgress" ->
                    "another operation is running on the managed instance (" + c + "); wait until it finishes "
                            + "(Azure portal, Activity log) and apply again";
            case "InvalidPublicBlob" -> "Azure rejected the certificate blob (InvalidPublicBlob): publicBlob must "
                    + "be the hex of the certificate's DER encoding (CERTENCODED), with or without 0x, not a "
                    + "thumbprint or base64";
            case "CertificateAlreadyExists" -> "a certificate with this public key already exists on the managed "
                    + "instance under another name (CertificateAlreadyExists), and milink could not read the "
                    + "trust certificates to confirm it: " + message;
            default -> described;
        };
        progress.report(step.id(), "failed: " + plain);
        return new ArmStepResult(step.id(), request.toString(), Outcome.FAILED, plain, c.isEmpty()
                ? Integer.toString(status) : c);
    }

    /** The name of an existing server trust certificate with the blob the request uploads, or null. */
    private String trustedUnderName(ArmRequest request) {
        String path = request.resourcePath();
        int at = path.toLowerCase(Locale.ROOT).indexOf("/servertrustcertificates/");
        JsonNode body = request.bodyJson();
        if (at < 0 || body == null) {
            return null;
        }
        String blob = ArmResources.hex(body.path("properties").path("publicBlob").asText(null));
        ArmResponse list = arm.get(path.substring(0, at) + "/serverTrustCertificates", ArmResources.SQL_API);
        JsonNode n = list.isSuccess() ? ArmJson.parse(list.body()) : null;
        if (blob == null || n == null) {
            return null;
        }
        for (JsonNode cert : n.path("value")) {
            var trusted = ArmResources.trustCertificate(cert);
            if (blob.equals(trusted.publicBlobHex())) {
                return trusted.name();
            }
        }
        return null;
    }

    /** The last two segments of a resource path: {@code distributedAvailabilityGroups/DAG_Sales}, or the action. */
    private static String shortPath(String path) {
        String[] parts = path.split("/");
        int n = parts.length;
        if (n >= 3 && isAction(parts[n - 1])) {
            return parts[n - 3] + "/" + decode(parts[n - 2]) + "/" + parts[n - 1];
        }
        return n >= 2 ? parts[n - 2] + "/" + decode(parts[n - 1]) : path;
    }

    private static boolean isAction(String segment) {
        return List.of("failover", "setRole", "start", "stop").contains(segment);
    }

    private static String decode(String segment) {
        return java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Watches the poller's requests (azure-core-management's own loop, which honours Retry-After) from the end of
     * a copy of the connection's pipeline, after authentication and retries, and reports each poll's status.
     */
    private static final class PollObserver extends HttpPipelineSyncPolicy {
        private final String stepId;
        private final String waitingFor;
        private final Progress progress;
        private final long started = System.nanoTime();
        private volatile boolean polling = true;

        PollObserver(String stepId, String waitingFor, Progress progress) {
            this.stepId = stepId;
            this.waitingFor = waitingFor;
            this.progress = progress;
        }

        HttpPipeline around(HttpPipeline pipeline) {
            List<HttpPipelinePolicy> policies = new ArrayList<>();
            for (int i = 0; i < pipeline.getPolicyCount(); i++) {
                policies.add(pipeline.getPolicy(i));
            }
            policies.add(this);
            return new HttpPipelineBuilder().httpClient(pipeline.getHttpClient()).tracer(pipeline.getTracer())
                    .policies(policies.toArray(HttpPipelinePolicy[]::new)).build();
        }

        /** After the operation ended: the final GET of the resource is no poll. */
        void stop() {
            polling = false;
        }

        @Override
        protected HttpResponse afterReceivedResponse(HttpPipelineCallContext context, HttpResponse response) {
            if (!polling || context.getHttpRequest().getHttpMethod() != HttpMethod.GET) {
                return response;
            }
            HttpResponse buffered = response.buffer();
            String body = buffered.getBodyAsBinaryData() == null ? "" : buffered.getBodyAsBinaryData().toString();
            JsonNode n = body.isBlank() ? null : ArmJson.parse(body);
            String status = n == null ? "" : n.path("status").asText(n.path("properties").path("provisioningState")
                    .asText(""));
            if (status.isEmpty()) {
                status = buffered.getStatusCode() == 202 ? "InProgress" : buffered.getStatusCode() >= 400
                        ? "Failed (" + buffered.getStatusCode() + ")" : "Succeeded";
            }
            progress.polled(stepId, status, Duration.ofNanos(System.nanoTime() - started), waitingFor);
            return buffered;
        }
    }

    private static String provisioningState(ArmResponse r) {
        JsonNode n = ArmJson.parse(r.body());
        return n == null ? "" : n.path("properties").path("provisioningState").asText("");
    }

    private static String firstLine(String text) {
        String line = text.strip();
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl);
    }

}
