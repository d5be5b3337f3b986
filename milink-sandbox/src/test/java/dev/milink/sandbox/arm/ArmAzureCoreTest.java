// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.rest.Response;
import com.azure.core.http.rest.SimpleResponse;
import com.azure.core.management.polling.PollResult;
import com.azure.core.management.polling.PollerFactory;
import com.azure.core.management.serializer.SerializerFactory;
import com.azure.core.util.Context;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.SyncPoller;
import com.azure.identity.ClientSecretCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The contract the milink-azure client relies on, proved with the real Azure SDK pieces: azure-identity's
 * ClientSecretCredential against the token endpoint, azure-core's pipeline (bearer policy, retry honouring
 * Retry-After) on the JDK HttpClient transport, and azure-core-management's long-running-operation poller.
 */
class ArmAzureCoreTest {
    private static final String SCOPE = "https://management.core.windows.net//.default";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ArmStandIn arm;
    private static HttpClient transport;

    @BeforeAll
    static void start() throws IOException {
        arm = ArmStandIn.start(AzureScenarios.load("prepared-2022"));
        transport = new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder()
                .sslContext(ArmStandIn.clientSslContext())).build();
    }

    @AfterAll
    static void stop() {
        arm.close();
    }

    private static ClientSecretCredential credential(String secret) {
        return new ClientSecretCredentialBuilder().authorityHost(arm.baseUrl()).tenantId(arm.tenantId())
                .clientId(arm.clientId()).clientSecret(secret).disableInstanceDiscovery().httpClient(transport)
                .build();
    }

    private static HttpPipeline pipeline(TokenCredential credential) {
        RetryOptions retry = new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(2)
                .setBaseDelay(Duration.ofMillis(10)).setMaxDelay(Duration.ofSeconds(2)));
        return new HttpPipelineBuilder().httpClient(transport)
                .policies(new RetryPolicy(retry), new BearerTokenAuthenticationPolicy(credential, SCOPE)).build();
    }

    private static JsonNode get(HttpPipeline pipeline, String path) throws IOException {
        try (HttpResponse r = pipeline.sendSync(new HttpRequest(HttpMethod.GET, arm.baseUrl() + path
                + "?api-version=2025-01-01"), Context.NONE)) {
            JsonNode body = JSON.readTree(r.getBodyAsBinaryData().toString());
            ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("_status", r.getStatusCode());
            return body;
        }
    }

    /** PUT of a server trust certificate, a long-running operation, followed by azure-core-management's poller. */
    private static SyncPoller<PollResult<Map>, Map> putTrustCertificate(HttpPipeline pipeline, String name,
            String publicBlob) {
        String url = arm.baseUrl() + arm.managedInstanceId() + "/serverTrustCertificates/" + name
                + "?api-version=2025-01-01";
        HttpRequest put = new HttpRequest(HttpMethod.PUT, url)
                .setHeader(com.azure.core.http.HttpHeaderName.CONTENT_TYPE, "application/json")
                .setBody("{\"properties\":{\"publicBlob\":\"" + publicBlob + "\"}}");
        Mono<Response<Flux<ByteBuffer>>> init = pipeline.send(put)
                .map(r -> new SimpleResponse<>(put, r.getStatusCode(), r.getHeaders(), r.getBody()));
        return PollerFactory.<Map, Map>create(SerializerFactory.createDefaultManagementSerializerAdapter(), pipeline,
                Map.class, Map.class, Duration.ofMillis(10), init).getSyncPoller();
    }

    @Test
    void clientSecretCredentialGetsTheTokenTheArmRoutesAccept() throws IOException {
        ClientSecretCredential credential = credential(arm.clientSecret());
        AccessToken token = credential.getTokenSync(new TokenRequestContext().addScopes(SCOPE));
        assertThat(token.getToken()).isEqualTo(arm.accessToken());

        JsonNode mi = get(pipeline(credential), arm.managedInstanceId());
        assertThat(mi.path("_status").asInt()).isEqualTo(200);
        assertThat(mi.path("properties").path("fullyQualifiedDomainName").asText())
                .isEqualTo("contoso-mi.abc123.database.windows.net");
        assertThat(arm.requestLog().count("POST", "/" + arm.tenantId() + "/oauth2/v2.0/token$")).isGreaterThan(0);
        assertThat(arm.requestLog().find("POST", "/oauth2/v2.0/token$").getFirst().body()).isEmpty();
    }

    @Test
    void wrongSecretFailsAtTheTokenEndpoint() {
        assertThatThrownBy(() -> credential("wrong").getTokenSync(new TokenRequestContext().addScopes(SCOPE)))
                .hasMessageContaining("AADSTS7000215");
    }

    @Test
    void fixedTokenCredentialWorksToo() throws IOException {
        TokenCredential fixed = ctx -> Mono.just(new AccessToken(arm.accessToken(), OffsetDateTime.now().plusHours(1)));
        assertThat(get(pipeline(fixed), arm.managedInstanceId() + "/databases").path("value").size()).isEqualTo(1);
    }

    @Test
    void retryPolicyWaitsTheStandInsRetryAfterOn429() throws IOException {
        arm.faults().add(ArmFault.throttle("/endpointCertificates$", 1, 1));
        long start = System.nanoTime();
        JsonNode list = get(pipeline(credential(arm.clientSecret())), arm.managedInstanceId()
                + "/endpointCertificates");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(list.path("_status").asInt()).isEqualTo(200);
        assertThat(arm.requestLog().find("GET", "/endpointCertificates$").stream().map(e -> e.status()))
                .containsExactly(429, 200);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void pollerFollowsAzureAsyncOperationToTheFinalResource() throws IOException {
        HttpPipeline pipeline = pipeline(credential(arm.clientSecret()));
        // the scenario already trusts this blob under another name; free it so the PUT is accepted
        arm.state().remove(arm.managedInstanceId() + "/serverTrustCertificates/SQLPROD02-endpoint");
        int pollsBefore = arm.requestLog().count("GET", "/azureAsyncOperations/");
        SyncPoller<PollResult<Map>, Map> poller = putTrustCertificate(pipeline, "from-sdk",
                "0x" + ArmWritesTest.sqlEndpointBlob());
        assertThat(poller.waitForCompletion(Duration.ofSeconds(20)).getStatus())
                .isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
        Map<?, ?> result = poller.getFinalResult();
        assertThat(result.get("name")).isEqualTo("from-sdk");
        // Retry-After: 1 on the 201 and on the InProgress poll, then Succeeded, then one GET of the resource
        assertThat(arm.requestLog().count("GET", "/azureAsyncOperations/")).isEqualTo(pollsBefore + 2);
        assertThat(arm.requestLog().count("GET", "/serverTrustCertificates/from-sdk$")).isEqualTo(1);
    }

    @Test
    void retryAfterZeroLetsThePollerUseItsOwnInterval() throws IOException {
        ArmStandIn.Lro before = arm.lro();
        arm.setLro(new ArmStandIn.Lro(0, 2));
        try {
            HttpPipeline pipeline = pipeline(credential(arm.clientSecret()));
            get(pipeline, arm.managedInstanceId()); // token fetched and cached before the clock starts
            SyncPoller<PollResult<Map>, Map> poller = putTrustCertificate(pipeline, "fast", "3050" + "33".repeat(0x50));
            // two InProgress polls: at the SDK's 30 s default this could not finish within 10 s
            assertThat(poller.waitForCompletion(Duration.ofSeconds(10)).getStatus())
                    .isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
        } finally {
            arm.setLro(before);
        }
    }
}
