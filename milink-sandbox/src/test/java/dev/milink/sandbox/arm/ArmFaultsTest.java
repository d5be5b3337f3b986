// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import static dev.milink.sandbox.arm.ArmClient.SQL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.sandbox.arm.ArmClient.Answer;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Each fault kind, set at run time and from a scenario. */
class ArmFaultsTest extends FreshStandIn {

    ArmFaultsTest() {
        super("prepared-2022");
    }

    @Test
    void throttleAnswers429WithRetryAfterForTheNextNRequests() {
        arm.faults().add(ArmFault.throttle("/managedInstances/contoso-mi$", 2, 3));
        Answer first = client.get(mi + SQL);
        assertThat(first.status()).isEqualTo(429);
        assertThat(first.header("Retry-After")).isEqualTo("3");
        assertThat(first.errorCode()).isEqualTo("TooManyRequests");
        assertThat(client.get(mi + "/databases" + SQL).status()).as("other paths unaffected").isEqualTo(200);
        assertThat(client.get(mi + SQL).status()).isEqualTo(429);
        assertThat(client.get(mi + SQL).status()).isEqualTo(200);
        assertThat(arm.faults().active()).isEmpty();
        assertThat(arm.requestLog().find("GET", "/managedInstances/contoso-mi$").stream().map(e -> e.status()))
                .containsExactly(429, 429, 200);
    }

    @Test
    void serverErrorsPersistOrCount() {
        arm.faults().add(ArmFault.serverError("/databases$", 503, 0));
        for (int i = 0; i < 3; i++) {
            Answer a = client.get(mi + "/databases" + SQL);
            assertThat(a.status()).isEqualTo(503);
            assertThat(a.errorCode()).isEqualTo("ServiceUnavailable");
        }
        arm.faults().clear();
        arm.faults().add(ArmFault.serverError("/databases$", 500, 1));
        assertThat(client.get(mi + "/databases" + SQL).errorCode()).isEqualTo("InternalServerError");
        assertThat(client.get(mi + "/databases" + SQL).status()).isEqualTo(200);
        assertThatThrownBy(() -> ArmFault.serverError("/x", 404, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forbiddenNamesTheAction() {
        arm.faults().add(ArmFault.forbidden("/managedInstances/contoso-mi$", "Microsoft.Sql/managedInstances/read"));
        Answer a = client.get(mi + SQL);
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.errorCode()).isEqualTo("AuthorizationFailed");
        assertThat(a.errorMessage()).contains("perform action 'Microsoft.Sql/managedInstances/read' over scope '"
                + mi + "'");
        assertThat(client.get(mi + SQL).status()).as("persists").isEqualTo(403);
        arm.faults().add(ArmFault.forbidden("/permissions$", "Microsoft.Authorization/permissions/read"));
        assertThat(client.get(mi + "/providers/Microsoft.Authorization/permissions?api-version=2022-04-01")
                .errorMessage()).contains("'Microsoft.Authorization/permissions/read'");
    }

    @Test
    void notFoundAndParentNotFound() {
        arm.faults().add(ArmFault.notFound("/endpointCertificates/").times(1));
        arm.faults().add(ArmFault.parentNotFound("/serverTrustCertificates$"));
        Answer nf = client.get(mi + "/endpointCertificates/DATABASE_MIRRORING" + SQL);
        assertThat(nf.status()).isEqualTo(404);
        assertThat(nf.errorCode()).isEqualTo("ResourceNotFound");
        assertThat(client.get(mi + "/endpointCertificates/DATABASE_MIRRORING" + SQL).status()).isEqualTo(200);
        Answer pnf = client.get(mi + "/serverTrustCertificates" + SQL);
        assertThat(pnf.errorCode()).isEqualTo("ParentResourceNotFound");
        assertThat(pnf.errorMessage()).contains("'contoso-mi'");
    }

    @Test
    void conflictHitsWritesOnly() throws IOException {
        arm.faults().add(ArmFault.conflict("/serverTrustCertificates/", 1));
        assertThat(client.get(mi + "/serverTrustCertificates/SQLPROD02-endpoint" + SQL).status()).isEqualTo(200);
        String body = "{\"properties\":{\"publicBlob\":\"3050" + "11".repeat(0x50) + "\"}}";
        Answer a = client.put(mi + "/serverTrustCertificates/other" + SQL, body);
        assertThat(a.status()).isEqualTo(409);
        assertThat(a.errorCode()).isEqualTo("ConflictingServerOperation");
        assertThat(client.put(mi + "/serverTrustCertificates/other" + SQL, body).status()).isEqualTo(201);
    }

    @Test
    void asyncFailureAcceptsTheWriteThenFailsTheOperationAndChangesNothing() {
        arm.faults().add(ArmFault.asyncFailure("/serverTrustCertificates/", "InvalidPublicBlob", "Bad blob."));
        Answer put = client.put(mi + "/serverTrustCertificates/doomed" + SQL,
                "{\"properties\":{\"publicBlob\":\"3050" + "22".repeat(0x50) + "\"}}");
        assertThat(put.status()).isEqualTo(201);
        assertThat(client.getUrl(put.header("Azure-AsyncOperation")).json().path("status").asText())
                .isEqualTo("InProgress");
        Answer done = client.getUrl(put.header("Azure-AsyncOperation"));
        assertThat(done.json().path("status").asText()).isEqualTo("Failed");
        assertThat(done.json().path("error").path("code").asText()).isEqualTo("InvalidPublicBlob");
        assertThat(client.get(mi + "/serverTrustCertificates/doomed" + SQL).status()).isEqualTo(404);
    }

    @Test
    void faultsComeFromTheScenarioToo() throws IOException {
        AzureScenario s = AzureScenarios.fromYamlText("""
                base: prepared-2022
                faults:
                  - {kind: throttle, path: '/databases$', times: 1, retryAfterSeconds: 2}
                  - {kind: serverError, status: 502, method: GET, path: '/endpointCertificates$'}
                  - {kind: forbidden, path: '/routeTables/', action: Microsoft.Network/routeTables/read}
                """, "inline");
        try (ArmStandIn faulty = ArmStandIn.start(s)) {
            ArmClient c = new ArmClient(faulty);
            Answer throttled = c.get(mi + "/databases" + SQL);
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.header("Retry-After")).isEqualTo("2");
            assertThat(c.get(mi + "/databases" + SQL).status()).isEqualTo(200);
            assertThat(c.get(mi + "/endpointCertificates" + SQL).status()).isEqualTo(502);
            assertThat(c.get(faulty.resourceGroupId() + "/providers/Microsoft.Network/routeTables/rt-mi"
                    + ArmClient.NET).errorMessage()).contains("Microsoft.Network/routeTables/read");
        }
        assertThatThrownBy(() -> AzureScenarios.fromYamlText("""
                base: prepared-2022
                faults: [{kind: meteor, path: x}]
                """, "bad")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown fault kind");
    }
}
