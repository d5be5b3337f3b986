// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import static dev.milink.sandbox.arm.ArmClient.NET;
import static dev.milink.sandbox.arm.ArmClient.SQL;
import static dev.milink.sandbox.arm.ArmReadsTest.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shipped Azure scenarios, their pairing with the SQL Server scenarios, and users' own files. */
class AzureScenarioTest {

    @Test
    void everyShippedScenarioLoadsAndStarts() throws Exception {
        for (String name : AzureScenarios.names()) {
            AzureScenario s = AzureScenarios.load(name);
            assertThat(s.name).isEqualTo(name);
            assertThat(s.sqlScenario).as(name).isNotNull();
            assertThat(s.sqlScenario.name).isEqualTo(name);
            assertThat(AzureScenarios.load(name)).isSameAs(s);
            try (ArmStandIn arm = ArmStandIn.start(s)) {
                ArmClient c = new ArmClient(arm);
                assertThat(c.get(arm.managedInstanceId() + SQL).status()).isEqualTo(200);
                assertThat(c.get(arm.subnetId() + NET).status()).isEqualTo(200);
            }
        }
        assertThatThrownBy(() -> AzureScenarios.load("nope")).hasMessageContaining("prepared-2022");
    }

    /** The prepared pair: each end holds the other's endpoint certificate, as the real SQL Server shows it. */
    @Test
    void preparedPairExchangedCertificatesBothWays() throws Exception {
        try (SandboxEstate estate = SandboxEstate.start(AzureScenarios.load("prepared-2022"));
                Connection c = DriverManager.getConnection(estate.sql().jdbcUrl() + ";user=sa;password=Sandbox#2022sa")) {
            ArmStandIn arm = estate.arm();
            ArmClient client = new ArmClient(arm);
            String trusted = client.get(arm.managedInstanceId() + "/serverTrustCertificates/SQLPROD02-endpoint" + SQL)
                    .json().path("properties").path("publicBlob").asText();
            String miEndpoint = client.get(arm.managedInstanceId() + "/endpointCertificates/DATABASE_MIRRORING" + SQL)
                    .json().path("properties").path("publicBlob").asText();
            ResultSet rs = c.createStatement().executeQuery("SELECT CERTENCODED(CERT_ID(N'Cert_SQLPROD02_endpoint')),"
                    + " CERTENCODED(CERT_ID(N'" + arm.managedInstanceFqdn() + "'))");
            assertThat(rs.next()).isTrue();
            assertThat(HexFormat.of().withUpperCase().formatHex(rs.getBytes(1))).isEqualTo(trusted);
            assertThat(HexFormat.of().withUpperCase().formatHex(rs.getBytes(2))).isEqualTo(miEndpoint);
            X509Certificate mi = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(HexFormat.of().parseHex(miEndpoint)));
            assertThat(mi.getSubjectX500Principal().getName()).isEqualTo("CN=" + arm.managedInstanceFqdn());
        }
    }

    @Test
    void unpreparedPairHasTheDocumentedGaps() throws Exception {
        AzureScenario s = AzureScenarios.load("unprepared-2019");
        assertThat(s.sqlScenario.majorVersion()).isEqualTo(15);
        try (ArmStandIn arm = ArmStandIn.start(s)) {
            ArmClient c = new ArmClient(arm);
            JsonNode mi = c.get(arm.managedInstanceId() + SQL).json();
            assertThat(mi.path("properties").path("databaseFormat").asText()).isEqualTo("AlwaysUpToDate");
            assertThat(c.get(arm.managedInstanceId() + "/serverTrustCertificates" + SQL).json().path("value")).isEmpty();
            assertThat(names(c.get(arm.managedInstanceId() + "/databases" + SQL).json())).contains("SalesDB");
            String nsg = arm.resourceGroupId() + "/providers/Microsoft.Network/networkSecurityGroups/nsg-mi";
            JsonNode deny = c.get(nsg + "/securityRules/deny_5022_inbound" + NET).json().path("properties");
            assertThat(deny.path("access").asText()).isEqualTo("Deny");
            assertThat(deny.path("priority").asInt()).isLessThan(c.get(nsg + "/securityRules/allow_mi_link_inbound"
                    + NET).json().path("properties").path("priority").asInt());
            assertThat(s.link.sqlServerHost).startsWith(s.sqlScenario.server.machineName);
            assertThat(c.get(arm.managedInstanceId() + "/encryptionProtector/current" + SQL).json().path("properties")
                    .path("serverKeyType").asText()).isEqualTo("ServiceManaged");
            arm.setStorageUsedGB(null);
            assertThat(c.get(arm.managedInstanceId() + "/providers/Microsoft.Insights/metrics?api-version=2023-10-01"
                    + "&metricnames=storage_space_used_mb").json().path("value").get(0).path("timeseries").get(0)
                    .path("data")).isEmpty();
        }
    }

    @Test
    void usersOwnFileWithBothEnds(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("my-sql.yaml"), """
                name: my-sql
                base: prepared-2022
                server: {machineName: SQLHQ01}
                """);
        Path azure = dir.resolve("estate.yaml");
        Files.writeString(azure, """
                name: my-estate
                base: prepared-2022
                sqlServer: my-sql.yaml
                subscriptionId: 12345678-0000-0000-0000-000000000000
                managedInstance:
                  name: hq-mi
                  dnsZone: f00d42
                  vCores: 16
                  sku: {name: BC_Gen5, tier: BusinessCritical}
                permissions:
                  - {actions: ['Microsoft.Sql/managedInstances/read'], notActions: []}
                lro: {retryAfterSeconds: 0, inProgressPolls: 0}
                """);
        AzureScenario s = AzureScenarios.fromYaml(azure);
        assertThat(s.sqlScenario.server.machineName).isEqualTo("SQLHQ01");
        assertThat(s.managedInstance.serverTrustCertificates).hasSize(1);
        try (ArmStandIn arm = ArmStandIn.start(s)) {
            assertThat(arm.managedInstanceId()).isEqualTo("/subscriptions/12345678-0000-0000-0000-000000000000"
                    + "/resourceGroups/rg-data/providers/Microsoft.Sql/managedInstances/hq-mi");
            ArmClient c = new ArmClient(arm);
            JsonNode mi = c.get(arm.managedInstanceId() + SQL).json();
            assertThat(mi.path("properties").path("fullyQualifiedDomainName").asText())
                    .isEqualTo("hq-mi.f00d42.database.windows.net");
            assertThat(mi.path("sku").path("capacity").asInt()).isEqualTo(16);
            assertThat(mi.path("sku").path("tier").asText()).isEqualTo("BusinessCritical");
            assertThat(c.get(arm.managedInstanceId() + "/databases" + SQL).errorCode()).isEqualTo("AuthorizationFailed");
            assertThat(arm.environment()).containsEntry("AZURE_AUTHORITY_HOST", arm.baseUrl() + "/")
                    .containsEntry("AZURE_TENANT_ID", arm.tenantId());
        }

        AzureScenario inline = AzureScenarios.fromYamlText("""
                name: inline
                sqlServer: {name: inline-sql, base: unprepared-2019, server: {machineName: BOX7}}
                managedInstance:
                  name: mi7
                  endpointCertificate: {sqlCertificate: '##MS_SQLResourceSigningCertificate##'}
                """, "inline");
        assertThat(inline.sqlScenario.server.machineName).isEqualTo("BOX7");
        try (ArmStandIn arm = ArmStandIn.start(inline)) {
            assertThat(new ArmClient(arm).get(arm.managedInstanceId() + "/endpointCertificates/DATABASE_MIRRORING"
                    + SQL).status()).isEqualTo(200);
        }
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> AzureScenarios.fromYamlText("managedInstnce: {}\n", "typo"))
                .hasMessageContaining("managedInstnce");
        assertThatThrownBy(() -> AzureScenarios.fromYamlText("""
                base: prepared-2022
                managedInstance:
                  serverTrustCertificates: [{name: x, publicBlob: 'not hex'}]
                """, "blob")).hasMessageContaining("serverTrustCertificates x");
        assertThatThrownBy(() -> AzureScenarios.fromYamlText("""
                base: prepared-2022
                managedInstance:
                  serverTrustCertificates: [{name: x, sqlCertificate: NoSuchCert}]
                """, "ref")).hasMessageContaining("NoSuchCert");
        assertThatThrownBy(() -> AzureScenarios.fromYamlText("""
                base: prepared-2022
                networkSecurityGroups: [{name: n, securityRules: [{name: r, priority: 5}]}]
                """, "prio")).hasMessageContaining("priority from 100 to 4096");
    }
}
