// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.SimpleTokenCache;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpLoggingPolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.http.policy.ArmChallengeAuthenticationPolicy;
import com.azure.core.util.Context;
import com.azure.identity.CredentialUnavailableException;
import dev.milink.core.error.MilinkException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * One authenticated connection to Azure Resource Manager: one credential and one azure-core {@link HttpPipeline} on
 * the JDK HttpClient transport (user agent, request id, retries that honour {@code Retry-After}, bearer token for
 * the cloud's scope, logging with headers redacted). A fleet shares one connection: the credential's token cache
 * and the bound on requests in flight are per connection.
 *
 * <p>This is your starting point for reading Azure:
 * <pre>{@code
 * ArmConnection arm = ArmConnection.open(AzureOptions.defaults().auth(AzureAuth.of(AzureAuth.Mode.AZURE_CLI)));
 * arm.signIn();                                            // fails fast: AZURE_CREDENTIAL_UNAVAILABLE, ...
 * ManagedInstanceFacts mi = new AzureCollector(arm, Clock.systemUTC()).collect(ManagedInstanceId.parse(id));
 * }</pre>
 *
 * @since 0.2
 */
public final class ArmConnection {
    private static final String USER_AGENT = "milink/" + version();

    private final AzureOptions options;
    private final ArmEndpoints endpoints;
    private final TokenCredential credential;
    private final SimpleTokenCache tokens;
    private final HttpPipeline pipeline;
    private final Semaphore inFlight;

    private ArmConnection(AzureOptions options, HttpClient http, TokenCredential credential) {
        this.options = options;
        this.endpoints = options.effectiveEndpoints();
        this.credential = credential;
        // signIn() and the pipeline share azure-core's token cache: one token request per connection, not two
        this.tokens = new SimpleTokenCache(() -> credential.getToken(new TokenRequestContext()
                .addScopes(endpoints.scope())));
        this.inFlight = new Semaphore(options.maxConcurrentRequests(), true);
        RetryOptions retry = new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(options.retries())
                .setBaseDelay(options.retryBaseDelay()).setMaxDelay(options.retryMaxDelay()));
        HttpLogOptions log = new HttpLogOptions().setLogLevel(HttpLogDetailLevel.BASIC)
                .setAllowedHeaderNames(Set.of("x-ms-request-id", "x-ms-correlation-request-id", "Retry-After"))
                .setAllowedQueryParamNames(Set.of("api-version"));
        this.pipeline = new HttpPipelineBuilder().httpClient(http).policies(new UserAgentPolicy(USER_AGENT),
                new RequestIdPolicy(), new RetryPolicy(retry),
                new ArmChallengeAuthenticationPolicy(shared(), endpoints.scope()), new HttpLoggingPolicy(log))
                .build();
    }

    /**
     * Opens a connection with the credential {@code options.auth()} describes.
     *
     * @throws MilinkException AZURE_CREDENTIAL_MISSING when the mode needs a value that is not there
     */
    public static ArmConnection open(AzureOptions options) {
        HttpClient http = httpClient(options);
        TokenCredential credential = AzureCredentials.create(options.auth(), options.effectiveEndpoints(), http,
                options.environment());
        return new ArmConnection(options, http, credential);
    }

    /** Opens a connection with a credential of the caller's (tests, or an application with its own sign-in). */
    public static ArmConnection open(AzureOptions options, TokenCredential credential) {
        return new ArmConnection(options, httpClient(options), Objects.requireNonNull(credential, "credential"));
    }

    /**
     * A supplier that opens the connection on first use and then hands out the same one: what a CLI run passes to
     * {@link AzureManagedInstanceSource#select} so that a fleet shares one connection, and a run with no live
     * managed instance opens none.
     */
    public static Supplier<ArmConnection> lazily(AzureOptions options) {
        Objects.requireNonNull(options, "options");
        return new Supplier<>() {
            private ArmConnection connection;

            @Override
            public synchronized ArmConnection get() {
                if (connection == null) {
                    connection = open(options);
                }
                return connection;
            }
        };
    }

    /** The JDK HttpClient transport both the pipeline and azure-identity use (so both trust the same TLS roots). */
    static HttpClient httpClient(AzureOptions options) {
        java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder();
        if (options.sslContext() != null) {
            jdk.sslContext(options.sslContext());
        }
        return new JdkHttpClientBuilder(jdk).connectionTimeout(Duration.ofSeconds(20))
                .responseTimeout(options.responseTimeout()).build();
    }

    /**
     * Gets a token once, so that a missing or refused credential stops the run with one clear error before any
     * read starts.
     *
     * @throws MilinkException AZURE_CREDENTIAL_UNAVAILABLE or AZURE_SIGN_IN_FAILED
     */
    public void signIn() {
        try {
            tokens.getToken().block();
        } catch (CredentialUnavailableException e) {
            throw new MilinkException(AzureError.AZURE_CREDENTIAL_UNAVAILABLE, "No Azure credential available ("
                    + options.auth().mode().cliName() + "): " + firstLine(e.getMessage()), e);
        } catch (ClientAuthenticationException e) {
            throw new MilinkException(AzureError.AZURE_SIGN_IN_FAILED, "Azure sign-in failed ("
                    + options.auth().mode().cliName() + ", authority " + endpoints.authorityHost() + "): "
                    + firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new MilinkException(AzureError.AZURE_SIGN_IN_FAILED, "Azure sign-in failed ("
                    + options.auth().mode().cliName() + ", authority " + endpoints.authorityHost() + "): "
                    + e.getClass().getSimpleName() + " " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Sends one request through the pipeline (retries included) and returns the final answer; never throws for
     * HTTP or network failures (status 0 then).
     *
     * @param method       GET, PUT, PATCH, POST, DELETE
     * @param pathAndQuery an ARM path with its query ({@code /subscriptions/…?api-version=…}) or an absolute https
     *                     URL on the ARM endpoint (a {@code nextLink}); a URL on any other host is refused
     *                     (status 0), so the bearer token never leaves ARM
     * @param body         JSON body or null
     */
    public ArmResponse send(String method, String pathAndQuery, String body) {
        if (!onArm(pathAndQuery)) {
            // a nextLink elsewhere would receive the bearer token
            return ArmResponse.failed("refused to send the ARM token to " + pathOnly(pathAndQuery)
                    + ", which is not on " + endpoints.resourceManager());
        }
        HttpRequest request = new HttpRequest(HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)), url(pathAndQuery));
        request.setHeader(com.azure.core.http.HttpHeaderName.ACCEPT, "application/json");
        if (body != null) {
            request.setHeader(com.azure.core.http.HttpHeaderName.CONTENT_TYPE, "application/json");
            request.setBody(body);
        }
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ArmResponse.failed("interrupted before " + method + " " + pathOnly(pathAndQuery));
        }
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            Map<String, String> headers = new HashMap<>();
            for (HttpHeader h : response.getHeaders()) {
                headers.put(h.getName().toLowerCase(Locale.ROOT), h.getValue());
            }
            String text = response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
            return new ArmResponse(response.getStatusCode(), headers, text == null ? "" : text, null);
        } catch (ClientAuthenticationException e) {
            return ArmResponse.failed("Azure sign-in failed: " + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return ArmResponse.failed("no answer from " + endpoints.resourceManager() + " for " + method + " "
                    + pathOnly(pathAndQuery) + ": " + root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : " " + firstLine(root.getMessage())));
        } finally {
            inFlight.release();
        }
    }

    /** The credential as the pipeline sees it: the cached token for the ARM scope; a claims challenge goes direct. */
    private TokenCredential shared() {
        return new TokenCredential() {
            @Override
            public Mono<AccessToken> getToken(TokenRequestContext request) {
                boolean plain = request.getClaims() == null && request.getTenantId() == null
                        && request.getScopes().equals(List.of(endpoints.scope()));
                return plain ? tokens.getToken() : credential.getToken(request);
            }
        };
    }

    /** GET of an ARM path at an api-version. */
    public ArmResponse get(String path, String apiVersion) {
        return send("GET", path + "?api-version=" + apiVersion, null);
    }

    /** The pipeline, for azure-core-management's long-running operation pollers. */
    public HttpPipeline pipeline() {
        return pipeline;
    }

    public ArmEndpoints endpoints() {
        return endpoints;
    }

    public AzureOptions options() {
        return options;
    }

    /** The absolute URL of an ARM path; an absolute URL is returned as is. */
    public String url(String pathAndQuery) {
        if (pathAndQuery.regionMatches(true, 0, "https://", 0, 8)) {
            return pathAndQuery;
        }
        return endpoints.resourceManager() + (pathAndQuery.startsWith("/") ? "" : "/") + pathAndQuery;
    }

    private boolean onArm(String pathAndQuery) {
        if (!pathAndQuery.contains("://")) {
            return pathAndQuery.startsWith("/");
        }
        String base = endpoints.resourceManager() + "/";
        return pathAndQuery.regionMatches(true, 0, base, 0, base.length());
    }

    private static String pathOnly(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip();
        int nl = line.indexOf('\n');
        line = nl < 0 ? line : line.substring(0, nl).strip();
        return line.length() > 400 ? line.substring(0, 400) + "…" : line;
    }

    private static String version() {
        String v = ArmConnection.class.getPackage() == null ? null
                : ArmConnection.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
