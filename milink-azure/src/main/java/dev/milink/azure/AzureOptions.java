// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure;

import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Settings of an {@link ArmConnection}: cloud (or custom endpoints), sign-in, retries, concurrency, TLS trust.
 *
 * <pre>{@code
 * AzureOptions options = AzureOptions.defaults().cloud(AzureCloud.AZURE_US_GOVERNMENT)
 *         .auth(AzureAuth.of(AzureAuth.Mode.AZURE_CLI));
 * }</pre>
 *
 * @param cloud             the cloud; ignored for endpoints when {@code endpoints} is set
 * @param endpoints         custom endpoints (a stand-in), or null for the cloud's
 * @param auth              how to sign in
 * @param retries           retries after a 408, 429, 5xx or I/O error (a 429's {@code Retry-After} is honoured)
 * @param retryBaseDelay    first back-off delay when the answer has no {@code Retry-After}
 * @param retryMaxDelay     longest back-off delay
 * @param maxConcurrentRequests requests in flight at once over this connection (a whole fleet shares them)
 * @param pollInterval      long-running operations: wait between polls when ARM sends no {@code Retry-After}
 * @param responseTimeout   per request
 * @param sslContext        TLS trust for the ARM and token endpoints, or null for the JDK's default trust store
 * @param environment       environment variables the credentials read ({@code AZURE_*}, {@code MILINK_ARM_TOKEN})
 * @since 0.2
 */
public record AzureOptions(AzureCloud cloud, ArmEndpoints endpoints, AzureAuth auth, int retries,
                           Duration retryBaseDelay, Duration retryMaxDelay, int maxConcurrentRequests,
                           Duration pollInterval, Duration responseTimeout, SSLContext sslContext,
                           Map<String, String> environment) {

    public AzureOptions {
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(retryBaseDelay, "retryBaseDelay");
        Objects.requireNonNull(retryMaxDelay, "retryMaxDelay");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        if (retries < 0 || maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("retries must be >= 0 and maxConcurrentRequests >= 1");
        }
    }

    /** Azure public cloud, DefaultAzureCredential, 3 retries, 8 concurrent requests, the process environment. */
    public static AzureOptions defaults() {
        return new AzureOptions(AzureCloud.AZURE_CLOUD, null, AzureAuth.of(AzureAuth.Mode.DEFAULT), 3,
                Duration.ofMillis(800), Duration.ofSeconds(30), 8, Duration.ofSeconds(10), Duration.ofSeconds(60),
                null, System.getenv());
    }

    /** Environment variable: a custom ARM endpoint (https), e.g. the sandbox's ARM stand-in. */
    public static final String ENDPOINT_VARIABLE = "MILINK_ARM_ENDPOINT";
    /** Environment variable: a PKCS12 trust store for the ARM and token endpoints (the sandbox certificate). */
    public static final String TRUSTSTORE_VARIABLE = "MILINK_ARM_TRUSTSTORE";
    /** Environment variable: that trust store's password. */
    public static final String TRUSTSTORE_PASSWORD_VARIABLE = "MILINK_ARM_TRUSTSTORE_PASSWORD";

    /**
     * Options from CLI / config values and the environment: {@code --cloud} (null: AzureCloud),
     * {@code --azure-auth} (null: default), a client secret file (null: AZURE_CLIENT_SECRET), plus
     * {@value #ENDPOINT_VARIABLE} and {@value #TRUSTSTORE_VARIABLE} for a stand-in or private endpoint.
     *
     * @throws MilinkException AZURE_CLOUD_UNKNOWN, or USAGE for an unknown sign-in mode or an unreadable trust store
     */
    public static AzureOptions fromEnvironment(String cloud, String authMode, Path clientSecretFile,
                                               Map<String, String> env) {
        AzureCloud c = cloud == null || cloud.isBlank() ? AzureCloud.AZURE_CLOUD : AzureCloud.parse(cloud);
        AzureAuth.Mode mode;
        try {
            mode = authMode == null || authMode.isBlank() ? AzureAuth.Mode.DEFAULT : AzureAuth.Mode.parse(authMode);
        } catch (IllegalArgumentException e) {
            throw new MilinkException(CoreError.USAGE, "Invalid --azure-auth: " + e.getMessage() + ".");
        }
        AzureOptions o = defaults().cloud(c).auth(new AzureAuth(mode, null, null, clientSecretFile))
                .environment(env);
        String endpoint = env.get(ENDPOINT_VARIABLE);
        if (endpoint != null && !endpoint.isBlank()) {
            try {
                o = o.endpoints(ArmEndpoints.custom(endpoint.strip(), c.endpoints().scope()));
                if (!env.containsKey("AZURE_AUTHORITY_HOST")) {
                    // azure-identity reads the authority from its configuration too: without this it would ask
                    // the public cloud's authority, which a stand-in or private endpoint is not
                    Map<String, String> withAuthority = new java.util.HashMap<>(env);
                    withAuthority.put("AZURE_AUTHORITY_HOST", o.endpoints().authorityHost());
                    o = o.environment(withAuthority);
                }
            } catch (IllegalArgumentException e) {
                throw new MilinkException(CoreError.USAGE, "Invalid " + ENDPOINT_VARIABLE + ": " + e.getMessage()
                        + ".");
            }
        }
        String store = env.get(TRUSTSTORE_VARIABLE);
        if (store != null && !store.isBlank()) {
            o = o.sslContext(trusting(Path.of(store.strip()), env.getOrDefault(TRUSTSTORE_PASSWORD_VARIABLE, "")));
        }
        return o;
    }

    private static SSLContext trusting(Path store, String password) {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password.toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new MilinkException(CoreError.USAGE, "Cannot use " + TRUSTSTORE_VARIABLE + " " + store + " as a "
                    + "PKCS12 trust store: " + e.getClass().getSimpleName() + ".", e);
        }
    }

    /** The endpoints in use: custom ones, else the cloud's. */
    public ArmEndpoints effectiveEndpoints() {
        return endpoints != null ? endpoints : cloud.endpoints();
    }

    public AzureOptions cloud(AzureCloud value) {
        return new AzureOptions(value, endpoints, auth, retries, retryBaseDelay, retryMaxDelay, maxConcurrentRequests,
                pollInterval, responseTimeout, sslContext, environment);
    }

    public AzureOptions endpoints(ArmEndpoints value) {
        return new AzureOptions(cloud, value, auth, retries, retryBaseDelay, retryMaxDelay, maxConcurrentRequests,
                pollInterval, responseTimeout, sslContext, environment);
    }

    public AzureOptions auth(AzureAuth value) {
        return new AzureOptions(cloud, endpoints, value, retries, retryBaseDelay, retryMaxDelay, maxConcurrentRequests,
                pollInterval, responseTimeout, sslContext, environment);
    }

    public AzureOptions retries(int count, Duration baseDelay, Duration maxDelay) {
        return new AzureOptions(cloud, endpoints, auth, count, baseDelay, maxDelay, maxConcurrentRequests,
                pollInterval, responseTimeout, sslContext, environment);
    }

    public AzureOptions maxConcurrentRequests(int value) {
        return new AzureOptions(cloud, endpoints, auth, retries, retryBaseDelay, retryMaxDelay, value, pollInterval,
                responseTimeout, sslContext, environment);
    }

    public AzureOptions pollInterval(Duration value) {
        return new AzureOptions(cloud, endpoints, auth, retries, retryBaseDelay, retryMaxDelay, maxConcurrentRequests,
                value, responseTimeout, sslContext, environment);
    }

    public AzureOptions sslContext(SSLContext value) {
        return new AzureOptions(cloud, endpoints, auth, retries, retryBaseDelay, retryMaxDelay, maxConcurrentRequests,
                pollInterval, responseTimeout, value, environment);
    }

    public AzureOptions environment(Map<String, String> value) {
        return new AzureOptions(cloud, endpoints, auth, retries, retryBaseDelay, retryMaxDelay, maxConcurrentRequests,
                pollInterval, responseTimeout, sslContext, value);
    }
}
