// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.milink.sandbox.link.LinkSimulation;
import dev.milink.sandbox.scenario.Scenario;
import dev.milink.sandbox.server.SandboxCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An Azure Resource Manager stand-in over HTTPS on 127.0.0.1, with the sandbox's self-signed certificate: the
 * managed instance, network and permission resources of an {@link AzureScenario}, stateful writes with
 * long-running operations, injectable faults, a request log, and an Entra ID token endpoint for the real
 * azure-identity credentials. Each instance has its own port, state, token and faults, so tests can run many in
 * parallel. Contract: {@code docs/sandbox.md}, section "ARM stand-in".
 *
 * <pre>{@code
 * try (ArmStandIn arm = ArmStandIn.start(AzureScenarios.load("prepared-2022"))) {
 *     TokenCredential credential = new ClientSecretCredentialBuilder()
 *             .authorityHost(arm.baseUrl()).tenantId(arm.tenantId())
 *             .clientId(arm.clientId()).clientSecret(arm.clientSecret())
 *             .disableInstanceDiscovery().httpClient(trustingClient).build();
 *     // ARM calls go to arm.baseUrl() + arm.managedInstanceId() + "?api-version=2025-01-01"
 *     arm.faults().add(ArmFault.throttle("/managedInstances/", 1, 1));
 *     assertThat(arm.requestLog().count("GET", "/managedInstances/contoso-mi$")).isEqualTo(2);
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ArmStandIn implements AutoCloseable {
    /**
     * How to start: the port (0 = any free one) and the clock for operation start/end times.
     *
     * @param port TCP port on 127.0.0.1; 0 picks a free one
     * @param clock clock for timestamps in operation status bodies
     */
    public record Options(int port, Clock clock) {
        public Options {
            Objects.requireNonNull(clock, "clock");
        }

        public static Options defaults() { return new Options(0, Clock.systemUTC()); }
    }

    /**
     * Settings of long-running operations, changeable at run time.
     *
     * @param retryAfterSeconds the Retry-After header on 201/202 and InProgress polls; azure-core waits 30 s on 0
     * @param inProgressPolls polls answered InProgress before the final status
     */
    public record Lro(int retryAfterSeconds, int inProgressPolls) {
        public Lro {
            if (retryAfterSeconds < 0 || inProgressPolls < 0) {
                throw new IllegalArgumentException("retryAfterSeconds and inProgressPolls must be >= 0");
            }
        }
    }

    private final AzureScenario scenario;
    private final Options options;
    private final ArmState state = new ArmState();
    private final ArmFaults faults = new ArmFaults();
    private final ArmRequestLog requestLog = new ArmRequestLog();
    private final ArmOperations operations = new ArmOperations();
    private final String accessToken;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpsServer server;
    private volatile AzureScenario.Lro lro;
    private volatile boolean enforcePermissions;
    private volatile Integer storageUsedGB;
    private volatile LinkSimulation link;

    private ArmStandIn(AzureScenario scenario, Options options) throws IOException {
        this.scenario = scenario;
        this.options = options;
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        this.accessToken = "sandbox-arm." + HexFormat.of().formatHex(random);
        this.lro = new AzureScenario.Lro();
        this.lro.retryAfterSeconds = scenario.lro.retryAfterSeconds;
        this.lro.inProgressPolls = scenario.lro.inProgressPolls;
        this.enforcePermissions = scenario.enforcePermissions;
        this.storageUsedGB = scenario.managedInstance.storageUsedGB;
        ArmStateBuilder.build(scenario, state);
        for (AzureScenario.FaultSpec f : scenario.faults) {
            faults.add(ArmFault.fromSpec(f));
        }
        this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(SandboxCertificate.get().sslContext()));
        server.setExecutor(executor);
        server.createContext("/", new ArmHandler(this));
        server.start();
    }

    /** Starts a stand-in for the scenario on a free port. */
    public static ArmStandIn start(AzureScenario scenario) throws IOException {
        return start(scenario, Options.defaults());
    }

    public static ArmStandIn start(AzureScenario scenario, Options options) throws IOException {
        return new ArmStandIn(Objects.requireNonNull(scenario, "scenario"), Objects.requireNonNull(options, "options"));
    }

    /** {@code https://127.0.0.1:<port>}, no trailing slash: the ARM endpoint and the authority host. */
    public String baseUrl() { return "https://127.0.0.1:" + port(); }

    public int port() { return server.getAddress().getPort(); }

    public String tenantId() { return scenario.tenantId; }

    public String subscriptionId() { return scenario.subscriptionId; }

    public String resourceGroup() { return scenario.resourceGroup; }

    public String location() { return scenario.location; }

    public String clientId() { return scenario.caller.clientId; }

    /** The client secret the token endpoint accepts: a sandbox value from the scenario. */
    public String clientSecret() { return scenario.caller.clientSecret; }

    String objectId() { return scenario.caller.objectId; }

    /** The bearer token the ARM routes accept and the token endpoint issues; random per stand-in. */
    public String accessToken() { return accessToken; }

    public String managedInstanceName() { return scenario.managedInstance.name; }

    /** {@code /subscriptions/…/resourceGroups/…/providers/Microsoft.Sql/managedInstances/<name>}: milink's {@code --mi}. */
    public String managedInstanceId() {
        return resourceGroupId() + "/providers/" + ArmBodies.SQL + "/" + scenario.managedInstance.name;
    }

    public String managedInstanceFqdn() { return scenario.managedInstance.fullyQualifiedDomainName(); }

    public String resourceGroupId() {
        return "/subscriptions/" + scenario.subscriptionId + "/resourceGroups/" + scenario.resourceGroup;
    }

    /** The MI subnet's resource id. */
    public String subnetId() {
        return resourceGroupId() + "/providers/" + ArmBodies.VNET + "/" + scenario.managedInstance.subnet.virtualNetwork
                + "/subnets/" + scenario.managedInstance.subnet.name;
    }

    /** The scenario this stand-in started from (a template: the live state is {@link #state()}). */
    public AzureScenario scenario() { return scenario; }

    /** The SQL Server scenario at the other end, or null. */
    public Scenario sqlScenario() { return scenario.sqlScenario; }

    public ArmState state() { return state; }

    public ArmFaults faults() { return faults; }

    public ArmRequestLog requestLog() { return requestLog; }

    public Lro lro() { return new Lro(lro.retryAfterSeconds, lro.inProgressPolls); }

    /** Changes how the next long-running operations answer. */
    public void setLro(Lro settings) {
        AzureScenario.Lro l = new AzureScenario.Lro();
        l.retryAfterSeconds = settings.retryAfterSeconds();
        l.inProgressPolls = settings.inProgressPolls();
        this.lro = l;
    }

    public boolean enforcePermissions() { return enforcePermissions; }

    /** With false, every action is allowed whatever {@link ArmState#permissions()} says (the API still lists them). */
    public void setEnforcePermissions(boolean enforce) { this.enforcePermissions = enforce; }

    /** Storage in use on the MI, as the metric {@code storage_space_used_mb} reports it; null = no data points. */
    public Integer storageUsedGB() { return storageUsedGB; }

    public void setStorageUsedGB(Integer gb) { this.storageUsedGB = gb; }

    Clock clock() { return options.clock(); }

    /**
     * The link simulation shared with the SQL Server end, or null: then links answer the static bodies of a
     * healthy, seeded link (the stand-in alone has no SQL Server to connect to).
     */
    public LinkSimulation link() { return link; }

    /** Shares a link simulation with the SQL Server end ({@link SandboxEstate} does this). */
    public void attachLink(LinkSimulation shared) { this.link = Objects.requireNonNull(shared, "shared"); }

    ArmOperations operations() { return operations; }

    /**
     * The service principal as environment variables: {@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID},
     * {@code AZURE_CLIENT_SECRET}, {@code AZURE_AUTHORITY_HOST} (the secret is a sandbox value). A client that
     * builds its credential from them must also turn MSAL's instance discovery off
     * ({@code disableInstanceDiscovery()}): azure-identity's {@code EnvironmentCredential} cannot, and would first
     * ask login.microsoftonline.com about this authority.
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AZURE_TENANT_ID", tenantId());
        env.put("AZURE_CLIENT_ID", clientId());
        env.put("AZURE_CLIENT_SECRET", clientSecret());
        env.put("AZURE_AUTHORITY_HOST", baseUrl() + "/");
        return env;
    }

    /** The PKCS12 file that, as a truststore, makes a client trust this stand-in (the sandbox certificate). */
    public Path trustStore() { return SandboxCertificate.get().keystore(); }

    public String trustStorePassword() { return SandboxCertificate.get().password(); }

    /** A client-side TLS context that trusts the stand-in's certificate (for JDK HttpClient and azure-core's JDK transport). */
    public static SSLContext clientSslContext() {
        SandboxCertificate cert = SandboxCertificate.get();
        try (InputStream in = Files.newInputStream(cert.keystore())) {
            KeyStore ks = KeyStore.getInstance(cert.type());
            ks.load(in, cert.password().toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sandbox truststore", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the sandbox truststore", e);
        }
    }

    /** Stops listening; running requests are dropped. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() { return "ArmStandIn[" + scenario.name + " " + baseUrl() + "]"; }
}
