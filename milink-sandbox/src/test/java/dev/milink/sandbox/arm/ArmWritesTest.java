// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import static dev.milink.sandbox.arm.ArmClient.NET;
import static dev.milink.sandbox.arm.ArmClient.SQL;
import static dev.milink.sandbox.arm.ArmReadsTest.names;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.milink.sandbox.arm.ArmClient.Answer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Writes: long-running operations (counted, no sleeps), state changes, validation of what was written. */
class ArmWritesTest extends FreshStandIn {

    ArmWritesTest() {
        super("unprepared-2019");
    }

    @Test
    void trustCertificatePutRunsAsLongRunningOperationThenReadsBack() throws IOException {
        String blob = "0x" + sqlEndpointBlob();
        Answer put = client.put(mi + "/serverTrustCertificates/SQLPROD02" + SQL,
                "{\"properties\":{\"publicBlob\":\"" + blob + "\"}}");
        assertThat(put.status()).isEqualTo(201);
        assertThat(put.header("Retry-After")).isEqualTo("1");
        String op = put.header("Azure-AsyncOperation");
        assertThat(op).startsWith(arm.baseUrl() + "/subscriptions/" + arm.subscriptionId()
                + "/providers/Microsoft.Sql/locations/westeurope/azureAsyncOperations/").endsWith("?api-version=2025-01-01");
        assertThat(put.json().path("properties").has("provisioningState")).isFalse();

        Answer first = client.getUrl(op);
        assertThat(first.json().path("status").asText()).isEqualTo("InProgress");
        assertThat(first.header("Retry-After")).isEqualTo("1");
        assertThat(client.getUrl(op).json().path("status").asText()).isEqualTo("Succeeded");
        assertThat(client.getUrl(op).json().path("status").asText()).isEqualTo("Succeeded");

        JsonNode cert = client.get(mi + "/serverTrustCertificates/SQLPROD02" + SQL).json();
        assertThat(cert.path("properties").path("publicBlob").asText()).isEqualTo(blob.substring(2).toUpperCase());
        assertThat(cert.path("properties").path("certificateName").asText()).isEqualTo("SQLPROD02");
        assertThat(arm.requestLog().find("PUT", "/serverTrustCertificates/SQLPROD02$").getFirst().body())
                .contains(blob);

        Answer again = client.put(mi + "/serverTrustCertificates/SQLPROD02" + SQL,
                "{\"properties\":{\"publicBlob\":\"" + blob.substring(2).toLowerCase() + "\"}}");
        assertThat(again.status()).as("same name, same blob: an update").isEqualTo(202);
        assertThat(again.json()).isNull();
    }

    @Test
    void sameBlobUnderAnotherNameIsCertificateAlreadyExists() throws IOException {
        String body = "{\"properties\":{\"publicBlob\":\"" + sqlEndpointBlob() + "\"}}";
        assertThat(client.put(mi + "/serverTrustCertificates/first" + SQL, body).status()).isEqualTo(201);
        Answer dup = client.put(mi + "/serverTrustCertificates/second" + SQL, body);
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.errorCode()).isEqualTo("CertificateAlreadyExists");
        assertThat(dup.errorMessage()).contains("'first'");
        assertThat(names(client.get(mi + "/serverTrustCertificates" + SQL).json())).containsExactly("first");
    }

    @Test
    void publicBlobMustBeHexOfDer() {
        for (String bad : new String[] {"18D169ECE4C54EBDE0A8EFD027CF1EFD7258BC5E", "MIIC/TCCAeWgAwIBAgII",
                "0x30820305ZZ", "0x3082030", "", "0x308202FD3082"}) {
            Answer a = client.put(mi + "/serverTrustCertificates/bad" + SQL,
                    "{\"properties\":{\"publicBlob\":\"" + bad + "\"}}");
            assertThat(a.status()).as(bad).isEqualTo(400);
            assertThat(a.errorCode()).as(bad).isEqualTo("InvalidPublicBlob");
        }
        // a sandbox-made certificate (CREATE CERTIFICATE … WITH SUBJECT) has a DER-framed stand-in blob: accepted
        dev.milink.sandbox.scenario.Certificate made = new dev.milink.sandbox.scenario.Certificate();
        made.name = "SQLPROD01_endpoint";
        made.subject = "SQLPROD01 endpoint";
        made.expiryDate = "2027-01-01T00:00:00";
        String sandboxBlob = HexFormat.of().formatHex(dev.milink.sandbox.catalog.view.SecurityViews.blob(made));
        assertThat(client.put(mi + "/serverTrustCertificates/made" + SQL, "{\"properties\":{\"publicBlob\":\"0X"
                + sandboxBlob + "\"}}").status()).isEqualTo(201);
        assertThat(client.get(mi + "/serverTrustCertificates/bad" + SQL).status()).isEqualTo(404);
    }

    @Test
    void deleteIsLongRunningWithLocationAndRemovesTheResource() throws IOException {
        client.put(mi + "/serverTrustCertificates/gone" + SQL, "{\"properties\":{\"publicBlob\":\""
                + sqlEndpointBlob() + "\"}}");
        Answer del = client.delete(mi + "/serverTrustCertificates/gone" + SQL);
        assertThat(del.status()).isEqualTo(202);
        assertThat(del.header("Azure-AsyncOperation")).contains("/azureAsyncOperations/");
        String location = del.header("Location");
        assertThat(location).contains("/operationResults/");
        assertThat(client.getUrl(location).status()).isEqualTo(202);
        assertThat(client.getUrl(location).status()).isEqualTo(204);
        assertThat(client.get(mi + "/serverTrustCertificates/gone" + SQL).status()).isEqualTo(404);
        assertThat(client.delete(mi + "/serverTrustCertificates/gone" + SQL).status()).isEqualTo(204);
    }

    @Test
    void linkLifecycleCreatePatchFailoverDelete() {
        arm.setEnforcePermissions(false);
        arm.setLro(new ArmStandIn.Lro(0, 0));
        String dag = mi + "/distributedAvailabilityGroups/SalesLink";
        String create = """
                {"properties":{"instanceLinkRole":"Secondary","instanceAvailabilityGroupName":"contoso-mi-ag",
                 "partnerAvailabilityGroupName":"AG_SalesDB","partnerEndpoint":"TCP://SQLPROD01.contoso.local:5022",
                 "failoverMode":"None","seedingMode":"Automatic","databases":[{"databaseName":"SalesDB"}]}}""";
        Answer put = client.put(dag + SQL, create);
        assertThat(put.status()).isEqualTo(201);
        assertThat(put.header("Retry-After")).isEqualTo("0");
        assertThat(client.getUrl(put.header("Azure-AsyncOperation")).json().path("status").asText())
                .isEqualTo("Succeeded");
        JsonNode p = client.get(dag + SQL).json().path("properties");
        assertThat(p.path("distributedAvailabilityGroupName").asText()).isEqualTo("SalesLink");
        assertThat(p.path("partnerEndpoint").asText()).isEqualTo("TCP://SQLPROD01.contoso.local:5022");
        assertThat(p.path("replicationMode").asText()).isEqualTo("Async");
        assertThat(p.path("databases").get(0).path("databaseName").asText()).isEqualTo("SalesDB");
        assertThat(p.path("databases").get(0).path("synchronizationHealth").asText()).isEqualTo("HEALTHY");

        assertThat(client.patch(dag + SQL, "{\"properties\":{\"replicationMode\":\"Sync\"}}").status())
                .isEqualTo(202);
        assertThat(client.get(dag + SQL).json().path("properties").path("replicationMode").asText()).isEqualTo("Sync");

        Answer failover = client.post(dag + "/failover" + SQL, "{\"failoverType\":\"Planned\"}");
        assertThat(failover.status()).isEqualTo(202);
        JsonNode result = client.getUrl(failover.header("Location")).json();
        assertThat(result.path("properties").path("instanceLinkRole").asText()).isEqualTo("Primary");
        assertThat(client.post(dag + "/setRole" + SQL, "{\"instanceRole\":\"Secondary\",\"roleChangeType\":\"Forced\"}")
                .status()).isEqualTo(202);
        assertThat(client.get(dag + SQL).json().path("properties").path("instanceLinkRole").asText())
                .isEqualTo("Secondary");
        assertThat(names(client.get(mi + "/distributedAvailabilityGroups" + SQL).json())).containsExactly("SalesLink");

        assertThat(client.delete(dag + SQL).status()).isEqualTo(202);
        assertThat(client.get(dag + SQL).status()).isEqualTo(404);
    }

    @Test
    void linkCreateBodyIsValidated() {
        arm.setEnforcePermissions(false);
        Answer a = client.put(mi + "/distributedAvailabilityGroups/x" + SQL, "{\"properties\":{"
                + "\"instanceAvailabilityGroupName\":\"a\",\"partnerAvailabilityGroupName\":\"b\","
                + "\"partnerEndpoint\":\"SQLPROD01:5022\",\"databases\":[{\"databaseName\":\"d\"}]}}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errorMessage()).contains("partnerEndpoint");
        assertThat(client.put(mi + "/distributedAvailabilityGroups/x" + SQL, "not json").errorCode())
                .isEqualTo("InvalidRequestContent");
    }

    @Test
    void callerWithoutTheActionGetsAuthorizationFailedNamingIt() {
        Answer a = client.put(mi + "/distributedAvailabilityGroups/SalesLink" + SQL, "{\"properties\":{}}");
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.errorCode()).isEqualTo("AuthorizationFailed");
        assertThat(a.errorMessage()).contains("'Microsoft.Sql/managedInstances/distributedAvailabilityGroups/write'",
                "over scope '" + mi + "/distributedAvailabilityGroups/SalesLink'", arm.clientId());
        assertThat(client.get(mi + "/distributedAvailabilityGroups" + SQL).status()).isEqualTo(200);
        JsonNode perms = client.get(mi + "/providers/Microsoft.Authorization/permissions?api-version=2022-04-01")
                .json().path("value").get(0);
        assertThat(perms.path("notActions").toString()).contains(
                "Microsoft.Sql/managedInstances/distributedAvailabilityGroups/write");
    }

    @Test
    void securityRulePutAndDeleteChangeTheNsg() {
        String nsg = arm.resourceGroupId() + "/providers/Microsoft.Network/networkSecurityGroups/nsg-mi";
        String rule = """
                {"properties":{"priority":150,"direction":"Inbound","access":"Allow","protocol":"Tcp",
                 "sourceAddressPrefix":"10.20.0.5","sourcePortRange":"*","destinationAddressPrefix":"10.0.0.0/24",
                 "destinationPortRanges":["5022","11000-11999"]}}""";
        Answer put = client.put(nsg + "/securityRules/allow_link_5022" + NET, rule);
        assertThat(put.status()).isEqualTo(201);
        assertThat(put.json().path("properties").path("provisioningState").asText()).isEqualTo("Updating");
        assertThat(put.header("Azure-AsyncOperation")).contains("/providers/Microsoft.Network/locations/westeurope/");
        JsonNode stored = client.get(nsg + "/securityRules/allow_link_5022" + NET).json();
        assertThat(stored.path("properties").path("provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(names(client.get(nsg + NET).json().path("properties").path("securityRules")))
                .contains("allow_link_5022", "deny_5022_inbound");

        Answer clash = client.put(nsg + "/securityRules/other" + NET, rule);
        assertThat(clash.status()).isEqualTo(400);
        assertThat(clash.errorCode()).isEqualTo("SecurityRuleConflict");
        Answer badPriority = client.put(nsg + "/securityRules/other" + NET, rule.replace("150", "99"));
        assertThat(badPriority.errorCode()).isEqualTo("SecurityRuleInvalidPriority");

        assertThat(client.delete(nsg + "/securityRules/deny_5022_inbound" + NET).status()).isEqualTo(202);
        assertThat(names(client.get(nsg + NET).json().path("properties").path("securityRules")))
                .doesNotContain("deny_5022_inbound");
    }

    @Test
    void subnetPutReplacesItsProperties() {
        arm.setEnforcePermissions(false);
        JsonNode subnet = client.get(arm.subnetId() + NET).json();
        String body = "{\"properties\":{\"addressPrefix\":\"10.0.0.0/24\",\"networkSecurityGroup\":"
                + subnet.path("properties").path("networkSecurityGroup") + "}}";
        Answer put = client.put(arm.subnetId() + NET, body);
        assertThat(put.status()).isEqualTo(200);
        JsonNode after = client.get(arm.subnetId() + NET).json().path("properties");
        assertThat(after.has("routeTable")).isFalse();
        assertThat(after.path("networkSecurityGroup").path("id").asText()).endsWith("/nsg-mi");
        assertThat(arm.state().get(arm.subnetId()).path("etag").asText())
                .isNotEqualTo(subnet.path("etag").asText());
    }

    @Test
    void tdeCertificateUploadKeepsWhatWasUploadedAndLogsNoSecret() throws IOException {
        String pfx = java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(arm.trustStore()));
        String url = mi + "/tdeCertificates" + SQL;
        Answer wrong = client.post(url, "{\"properties\":{\"privateBlob\":\"" + pfx + "\",\"certPassword\":\"nope\"}}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.errorCode()).isEqualTo("InvalidTdeCertificate");
        Answer ok = client.post(url, "{\"properties\":{\"privateBlob\":\"" + pfx + "\",\"certPassword\":\""
                + arm.trustStorePassword() + "\"}}");
        assertThat(ok.status()).isEqualTo(202);
        assertThat(ok.header("Location")).contains("/operationResults/");
        assertThat(arm.state().children(mi, "tdeCertificates")).singleElement()
                .satisfies(c -> assertThat(c.path("properties").path("subject").asText()).isEqualTo("CN=localhost"));
        assertThat(arm.requestLog().find("POST", "/tdeCertificates$")).allSatisfy(e -> assertThat(e.body())
                .contains("(redacted)").doesNotContain(arm.trustStorePassword()).doesNotContain(pfx.substring(0, 40)));
        assertThat(client.get(url).status()).isEqualTo(405);
    }

    @Test
    void stateIsReadableAndChangeableFromTests() {
        arm.state().update(mi, n -> ((com.fasterxml.jackson.databind.node.ObjectNode) n.get("properties"))
                .put("state", "Updating"));
        assertThat(client.get(mi + SQL).json().path("properties").path("state").asText()).isEqualTo("Updating");
        assertThat(arm.state().children(mi, "databases")).hasSize(2);
    }

    @Test
    void standInsAreIndependent() throws IOException {
        try (ArmStandIn other = ArmStandIn.start(AzureScenarios.load("unprepared-2019"))) {
            assertThat(other.port()).isNotEqualTo(arm.port());
            assertThat(other.accessToken()).isNotEqualTo(arm.accessToken());
            other.state().remove(other.managedInstanceId() + "/databases/SalesDB");
            assertThat(names(client.get(mi + "/databases" + SQL).json())).contains("SalesDB");
            assertThat(new ArmClient(other).get(mi + SQL).status()).isEqualTo(200);
            assertThat(new ArmClient(other).withToken(arm.accessToken()).get(mi + SQL).status()).isEqualTo(401);
        }
    }

    /** SQLPROD02's endpoint certificate as prepared-2022 holds it (a real DER certificate). */
    static String sqlEndpointBlob() throws IOException {
        Path yaml = Path.of("src/main/resources/scenarios/prepared-2022.yaml");
        for (String line : Files.readAllLines(yaml)) {
            if (line.strip().startsWith("blob: 308202FD")) {
                String hex = line.strip().substring("blob: ".length());
                HexFormat.of().parseHex(hex);
                return hex;
            }
        }
        throw new IllegalStateException("no endpoint certificate blob in " + yaml);
    }
}
