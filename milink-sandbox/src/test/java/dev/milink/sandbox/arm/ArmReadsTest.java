// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import static dev.milink.sandbox.arm.ArmClient.NET;
import static dev.milink.sandbox.arm.ArmClient.SQL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.milink.sandbox.arm.ArmClient.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads through a real HTTPS client: every route's shape, authentication and api-version checks. */
class ArmReadsTest {
    private static ArmStandIn arm;
    private static ArmClient client;
    private static String mi;

    @BeforeAll
    static void start() throws Exception {
        arm = ArmStandIn.start(AzureScenarios.load("prepared-2022"));
        client = new ArmClient(arm);
        mi = arm.managedInstanceId();
    }

    @AfterAll
    static void stop() {
        arm.close();
    }

    @Test
    void managedInstanceHasTheFieldsMilinkReads() {
        Answer a = client.get(mi + SQL);
        assertThat(a.status()).isEqualTo(200);
        JsonNode p = a.json().path("properties");
        assertThat(a.json().path("id").asText()).isEqualTo(mi);
        assertThat(a.json().path("type").asText()).isEqualTo("Microsoft.Sql/managedInstances");
        assertThat(a.json().path("sku").path("name").asText()).isEqualTo("GP_Gen5");
        assertThat(a.json().path("sku").path("tier").asText()).isEqualTo("GeneralPurpose");
        assertThat(p.path("state").asText()).isEqualTo("Ready");
        assertThat(p.path("fullyQualifiedDomainName").asText()).isEqualTo("contoso-mi.abc123.database.windows.net")
                .isEqualTo(arm.managedInstanceFqdn());
        assertThat(p.path("subnetId").asText()).isEqualTo(arm.subnetId()).endsWith("/virtualNetworks/vnet-mi/subnets/snet-mi");
        assertThat(p.path("vCores").asInt()).isEqualTo(8);
        assertThat(p.path("storageSizeInGB").asInt()).isEqualTo(512);
        assertThat(p.path("collation").asText()).isEqualTo("SQL_Latin1_General_CP1_CI_AS");
        assertThat(p.path("databaseFormat").asText()).isEqualTo("SQLServer2022");
        assertThat(p.path("zoneRedundant").asBoolean()).isFalse();
        assertThat(p.path("minimalTlsVersion").asText()).isEqualTo("1.2");
        assertThat(p.path("administrators").path("login").asText()).isEqualTo("sql-admins");
    }

    @Test
    void databasesAndCertificatesAreListed() {
        Answer dbs = client.get(mi + "/databases" + SQL);
        assertThat(names(dbs.json())).containsExactly("ReportingArchive");
        assertThat(dbs.json().path("value").get(0).path("properties").path("status").asText()).isEqualTo("Online");

        Answer trust = client.get(mi + "/serverTrustCertificates" + SQL);
        assertThat(names(trust.json())).containsExactly("SQLPROD02-endpoint");
        JsonNode cert = client.get(mi + "/serverTrustCertificates/SQLPROD02-endpoint" + SQL).json();
        assertThat(cert.path("properties").path("publicBlob").asText()).startsWith("308202FD");
        assertThat(cert.path("properties").path("thumbprint").asText()).isEqualTo(
                "18D169ECE4C54EBDE0A8EFD027CF1EFD7258BC5E");

        Answer endpoint = client.get(mi + "/endpointCertificates/DATABASE_MIRRORING" + SQL);
        assertThat(endpoint.status()).isEqualTo(200);
        assertThat(endpoint.json().path("properties").path("publicBlob").asText()).startsWith("30820305");
        assertThat(names(client.get(mi + "/endpointCertificates" + SQL).json())).containsExactly("DATABASE_MIRRORING");
        assertThat(client.get(mi + "/distributedAvailabilityGroups" + SQL).json().path("value")).isEmpty();
    }

    @Test
    void networkResourcesFoldInTheirChildren() {
        JsonNode subnet = client.get(arm.subnetId() + NET).json();
        assertThat(subnet.path("properties").path("addressPrefix").asText()).isEqualTo("10.0.0.0/24");
        String nsgId = subnet.path("properties").path("networkSecurityGroup").path("id").asText();
        assertThat(subnet.path("properties").path("delegations").get(0).path("properties").path("serviceName")
                .asText()).isEqualTo("Microsoft.Sql/managedInstances");

        JsonNode nsg = client.get(nsgId + NET).json();
        assertThat(nsg.path("etag").asText()).startsWith("W/\"");
        assertThat(names(nsg.path("properties").path("securityRules"))).contains("allow_mi_link_inbound",
                "allow_mi_link_outbound", "Microsoft.Sql-managedInstances_UseOnly_mi-healthprobe-in");
        assertThat(names(nsg.path("properties").path("defaultSecurityRules"))).containsExactly("AllowVnetInBound",
                "AllowAzureLoadBalancerInBound", "DenyAllInBound", "AllowVnetOutBound", "AllowInternetOutBound",
                "DenyAllOutBound");
        assertThat(nsg.path("properties").path("subnets").get(0).path("id").asText()).isEqualTo(arm.subnetId());
        JsonNode rule = client.get(nsgId + "/securityRules/allow_mi_link_inbound" + NET).json().path("properties");
        assertThat(rule.path("priority").asInt()).isEqualTo(1000);
        assertThat(rule.path("destinationPortRanges").toString()).isEqualTo("[\"5022\",\"11000-11999\"]");
        assertThat(rule.path("sourceAddressPrefix").asText()).isEqualTo("10.20.0.0/24");
        assertThat(client.get(nsgId + "/defaultSecurityRules/DenyAllInBound" + NET).json().path("properties")
                .path("priority").asInt()).isEqualTo(65500);

        String rtId = subnet.path("properties").path("routeTable").path("id").asText();
        JsonNode rt = client.get(rtId + NET).json();
        assertThat(rt.path("properties").path("routes").size()).isEqualTo(2);
        JsonNode vnet = client.get(arm.resourceGroupId() + "/providers/Microsoft.Network/virtualNetworks/vnet-mi"
                + NET).json().path("properties");
        assertThat(names(vnet.path("subnets"))).containsExactly("snet-mi", "GatewaySubnet");
        assertThat(vnet.path("addressSpace").path("addressPrefixes").toString()).isEqualTo("[\"10.0.0.0/16\"]");
        assertThat(vnet.path("virtualNetworkPeerings").isArray()).isTrue();
    }

    @Test
    void resourceGroupListings() {
        assertThat(names(client.get(arm.resourceGroupId() + "/providers/Microsoft.Sql/managedInstances" + SQL).json()))
                .containsExactly("contoso-mi");
        JsonNode nsgs = client.get(arm.resourceGroupId() + "/providers/Microsoft.Network/networkSecurityGroups" + NET)
                .json();
        assertThat(names(nsgs)).containsExactly("nsg-mi");
        assertThat(nsgs.path("value").get(0).path("properties").path("defaultSecurityRules").size()).isEqualTo(6);
    }

    @Test
    void permissionsAndFailoverGroups() {
        Answer perms = client.get(mi + "/providers/Microsoft.Authorization/permissions?api-version=2022-04-01");
        assertThat(perms.status()).isEqualTo(200);
        assertThat(perms.json().path("value").get(0).path("actions").toString()).isEqualTo("[\"*\"]");
        assertThat(perms.json().path("value").get(0).path("notActions")).isEmpty();
        Answer fogs = client.get(arm.resourceGroupId()
                + "/providers/Microsoft.Sql/locations/westeurope/instanceFailoverGroups" + SQL);
        assertThat(fogs.status()).isEqualTo(200);
        assertThat(fogs.json().path("value")).isEmpty();
    }

    @Test
    void tdeProtectorAndStorageMetrics() {
        JsonNode tde = client.get(mi + "/encryptionProtector/current" + SQL).json();
        assertThat(tde.path("kind").asText()).isEqualTo("azurekeyvault");
        assertThat(tde.path("properties").path("serverKeyType").asText()).isEqualTo("AzureKeyVault");
        assertThat(tde.path("properties").path("uri").asText()).startsWith("https://contoso-kv.vault.azure.net/keys/");
        assertThat(names(client.get(mi + "/encryptionProtector" + SQL).json())).containsExactly("current");

        Answer m = client.get(mi + "/providers/Microsoft.Insights/metrics?api-version=2023-10-01"
                + "&metricnames=storage_space_used_mb,reserved_storage_mb&aggregation=Average");
        assertThat(m.status()).isEqualTo(200);
        assertThat(m.json().path("value").get(0).path("name").path("value").asText()).isEqualTo("storage_space_used_mb");
        assertThat(m.json().path("value").get(0).path("timeseries").get(0).path("data").get(0).path("average")
                .asDouble()).isEqualTo(120 * 1024.0);
        assertThat(m.json().path("value").get(1).path("timeseries").get(0).path("data").get(0).path("average")
                .asDouble()).isEqualTo(512 * 1024.0);
        Answer bad = client.get(mi + "/providers/Microsoft.Insights/metrics?api-version=2023-10-01&metricnames=cpu");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorMessage()).contains("metric: cpu");
    }

    @Test
    void withoutBearerTokenTheAnswerIs401() {
        ArmClient anonymous = new ArmClient(arm).withToken(null);
        Answer a = anonymous.get(mi + SQL);
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.errorCode()).isEqualTo("AuthenticationFailed");
        assertThat(a.header("WWW-Authenticate")).startsWith("Bearer authorization_uri=");
        Answer wrong = new ArmClient(arm).withToken("not-the-token").get(mi + SQL);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.errorCode()).isEqualTo("InvalidAuthenticationToken");
    }

    @Test
    void apiVersionIsChecked() {
        Answer missing = client.get(mi);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("MissingApiVersionParameter");
        Answer old = client.get(mi + "?api-version=2021-11-01");
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.errorCode()).isEqualTo("NoRegisteredProviderFound");
        assertThat(old.errorMessage()).contains("'2021-11-01'", "2025-01-01");
        assertThat(client.get(arm.subnetId() + "?api-version=2025-08-01-preview").errorCode()).isEqualTo("NoRegisteredProviderFound");
    }

    @Test
    void unknownThingsAre404WithArmCodes() {
        assertThat(client.get(arm.resourceGroupId() + "/providers/Microsoft.Sql/managedInstances/nope" + SQL)
                .errorCode()).isEqualTo("ResourceNotFound");
        assertThat(client.get(arm.resourceGroupId() + "/providers/Microsoft.Sql/managedInstances/nope/databases" + SQL)
                .errorCode()).isEqualTo("ParentResourceNotFound");
        assertThat(client.get(mi + "/serverTrustCertificates/nope" + SQL).status()).isEqualTo(404);
        assertThat(client.get("/subscriptions/99999999-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/"
                + "Microsoft.Sql/managedInstances/contoso-mi" + SQL).errorCode()).isEqualTo("SubscriptionNotFound");
        assertThat(client.get(mi.replace("rg-data", "rg-other") + SQL).errorCode())
                .isEqualTo("ResourceGroupNotFound");
    }

    @Test
    void requestLogRecordsEveryRoundTrip() {
        int before = arm.requestLog().count("GET", "/databases$");
        client.get(mi + "/databases" + SQL);
        client.get(mi + "/databases" + SQL);
        assertThat(arm.requestLog().count("GET", "/databases$")).isEqualTo(before + 2);
        ArmRequestLog.Entry last = arm.requestLog().find("GET", "/databases$").getLast();
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.query()).isEqualTo("api-version=2025-01-01");
    }

    @Test
    void concurrentReadsAreAllServed() throws Exception {
        int before = arm.requestLog().count("GET", "/routeTables/rt-mi$");
        String rt = arm.resourceGroupId() + "/providers/Microsoft.Network/routeTables/rt-mi" + NET;
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                answers.add(pool.submit(() -> client.get(rt).status()));
            }
            for (var a : answers) {
                assertThat(a.get()).isEqualTo(200);
            }
        }
        assertThat(arm.requestLog().count("GET", "/routeTables/rt-mi$")).isEqualTo(before + 24);
    }

    static List<String> names(JsonNode listOrArray) {
        JsonNode items = listOrArray.has("value") ? listOrArray.get("value") : listOrArray;
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.path("name").asText()));
        return out;
    }
}
