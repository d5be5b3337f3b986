// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.link;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.rest.Response;
import com.azure.core.http.rest.SimpleResponse;
import com.azure.core.management.polling.PollResult;
import com.azure.core.management.polling.PollerFactory;
import com.azure.core.management.serializer.SerializerFactory;
import com.azure.core.util.Context;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.SyncPoller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.milink.sandbox.arm.ArmStandIn;
import dev.milink.sandbox.arm.AzureScenarios;
import dev.milink.sandbox.arm.SandboxEstate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Both ends of an estate as a link client sees them: the real mssql-jdbc driver on the sandbox SQL Server and the
 * real azure-core pipeline (bearer policy, retry, azure-core-management's poller) on the ARM stand-in.
 */
final class LinkEnds implements AutoCloseable {
    static final String AG = """
            CREATE AVAILABILITY GROUP [AG_SalesDB] WITH (CLUSTER_TYPE = NONE) FOR DATABASE [SalesDB]
             REPLICA ON N'SQLPROD02' WITH (ENDPOINT_URL = 'TCP://10.20.0.4:5022', FAILOVER_MODE = MANUAL,
             AVAILABILITY_MODE = SYNCHRONOUS_COMMIT, SEEDING_MODE = AUTOMATIC)""";
    static final String DAG = """
            CREATE AVAILABILITY GROUP [DAG_SalesDB] WITH (DISTRIBUTED) AVAILABILITY GROUP ON
             N'AG_SalesDB' WITH (LISTENER_URL = 'TCP://10.20.0.4:5022', AVAILABILITY_MODE = ASYNCHRONOUS_COMMIT,
               FAILOVER_MODE = MANUAL, SEEDING_MODE = AUTOMATIC, SESSION_TIMEOUT = 20),
             N'AG_SalesDB_MI' WITH (LISTENER_URL = 'tcp://contoso-mi.abc123.database.windows.net:5022;Server=[contoso-mi]',
               AVAILABILITY_MODE = ASYNCHRONOUS_COMMIT, FAILOVER_MODE = MANUAL, SEEDING_MODE = AUTOMATIC)""";
    static final String PUT_BODY = """
            {"properties":{"databases":[{"databaseName":"SalesDB"}],"partnerEndpoint":"TCP://10.20.0.4:5022",
             "instanceAvailabilityGroupName":"AG_SalesDB_MI","partnerAvailabilityGroupName":"AG_SalesDB",
             "failoverMode":"Manual","seedingMode":"Automatic","instanceLinkRole":"Secondary"}}""";
    private static final ObjectMapper JSON = new ObjectMapper();

    final SandboxEstate estate;
    final Connection sql;
    private final HttpPipeline pipeline;

    LinkEnds(String scenario) throws IOException, SQLException {
        this.estate = SandboxEstate.start(AzureScenarios.load(scenario));
        estate.arm().setLro(new ArmStandIn.Lro(0, 1));
        this.sql = DriverManager.getConnection(estate.sql().jdbcUrl() + ";user=sa;password=Sandbox#2022sa");
        TokenCredential token = ctx -> Mono.just(new AccessToken(estate.arm().accessToken(),
                OffsetDateTime.now().plusHours(1)));
        this.pipeline = new HttpPipelineBuilder().httpClient(new JdkHttpClientBuilder(java.net.http.HttpClient
                        .newBuilder().sslContext(ArmStandIn.clientSslContext())).build())
                .policies(new RetryPolicy(), new BearerTokenAuthenticationPolicy(token,
                        "https://management.core.windows.net//.default")).build();
    }

    LinkSimulation link() {
        return estate.link();
    }

    String dagPath(String name) {
        return estate.arm().managedInstanceId() + "/distributedAvailabilityGroups/" + name;
    }

    void sql(String statement) throws SQLException {
        try (Statement st = sql.createStatement()) {
            st.execute(statement);
        }
    }

    List<Map<String, Object>> query(String select) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement st = sql.createStatement(); ResultSet rs = st.executeQuery(select)) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    Object scalar(String select) throws SQLException {
        List<Map<String, Object>> rows = query(select);
        return rows.isEmpty() ? null : rows.getFirst().values().iterator().next();
    }

    /** An ARM answer: status and body (null when empty). */
    record Answer(int status, JsonNode body) {
        String errorCode() {
            return body == null ? null : body.path("error").path("code").asText(null);
        }
    }

    Answer send(HttpMethod method, String path, String body) {
        HttpRequest r = new HttpRequest(method, estate.arm().baseUrl() + path + "?api-version=2025-01-01");
        if (body != null) {
            r.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json").setBody(body);
        }
        try (HttpResponse response = pipeline.sendSync(r, Context.NONE)) {
            String text = response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
            return new Answer(response.getStatusCode(), text.isBlank() ? null : JSON.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode get(String path) {
        return send(HttpMethod.GET, path, null).body();
    }

    /** PUT, PATCH, POST or DELETE followed to the end by azure-core-management's poller; returns the final status. */
    LongRunningOperationStatus longRunning(HttpMethod method, String path, String body) {
        HttpRequest r = new HttpRequest(method, estate.arm().baseUrl() + path + "?api-version=2025-01-01");
        if (body != null) {
            r.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json").setBody(body);
        }
        Mono<Response<Flux<ByteBuffer>>> init = pipeline.send(r)
                .map(x -> new SimpleResponse<>(r, x.getStatusCode(), x.getHeaders(), x.getBody()));
        SyncPoller<PollResult<ObjectNode>, ObjectNode> poller = PollerFactory.<ObjectNode, ObjectNode>create(
                SerializerFactory.createDefaultManagementSerializerAdapter(), pipeline, ObjectNode.class,
                ObjectNode.class, Duration.ofMillis(10), init).getSyncPoller();
        return poller.waitForCompletion(Duration.ofSeconds(20)).getStatus();
    }

    /** The DAG's row for one member in sys.dm_hadr_availability_replica_states, by is_local. */
    Map<String, Object> replicaState(boolean local) throws SQLException {
        return query("""
                SELECT ars.role_desc, ars.connected_state_desc, ars.synchronization_health_desc,
                       ars.last_connect_error_number, ar.replica_server_name
                FROM sys.dm_hadr_availability_replica_states AS ars
                JOIN sys.availability_replicas AS ar ON ar.replica_id = ars.replica_id
                JOIN sys.availability_groups AS ag ON ag.group_id = ars.group_id
                WHERE ag.is_distributed = 1 AND ars.is_local = %d""".formatted(local ? 1 : 0)).getFirst();
    }

    @Override
    public void close() throws SQLException {
        sql.close();
        estate.close();
    }
}
