// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.core.error.ExitStatus;
import dev.milink.core.error.MilinkException;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ManagedInstanceFacts.Permission;
import dev.milink.core.model.ManagedInstanceFacts.SecurityRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved az / REST output judged with no connection: recognition by type, missing parts, clean errors. */
class AzureOfflineFactsTest {
    private static final Path AZ = Path.of("src/test/resources/az");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    private static ManagedInstanceFacts read(String... files) {
        return AzureOfflineFacts.read(Arrays.stream(files).map(AZ::resolve).toList(), CLOCK);
    }

    @Test
    void azOutputBuildsTheSameFactsAsTheCollector() {
        ManagedInstanceFacts f = read("nsg.json", "mi.json", "subnet.json", "route-table.json", "permissions.json",
                "trust-certificates.json");

        assertThat(f.resourceId())
                .endsWith("/resourceGroups/rg-data/providers/Microsoft.Sql/managedInstances/contoso-mi");
        assertThat(f.collectedAt()).isEqualTo(CLOCK.instant());
        ManagedInstanceFacts.ManagedInstance mi = f.instance().orElse(null);
        assertThat(mi.state()).isEqualTo("Ready");
        assertThat(mi.vCores()).isEqualTo(8);
        assertThat(mi.storageSizeInGb()).isEqualTo(512);
        assertThat(mi.skuName()).isEqualTo("GP_Gen5");
        assertThat(mi.databaseFormat()).isEqualTo("SQLServer2022");
        assertThat(mi.hybridSecondaryUsage()).isEqualTo("Active");
        assertThat(f.subnet().orElse(null).delegations()).containsExactly("Microsoft.Sql/managedInstances");
        SecurityRule link = f.networkSecurityGroup().orElse(null).orElseThrow().securityRules().get(1);
        assertThat(link.name()).isEqualTo("allow_mi_link_inbound");
        assertThat(link.sourcePrefixes()).containsExactly("10.20.0.0/24", "10.21.0.5");
        assertThat(link.destinationPorts()).containsExactly("5022", "11000-11999");
        assertThat(link.sourceAsgs()).singleElement().asString().endsWith("/asg-sql");
        assertThat(f.networkSecurityGroup().orElse(null).orElseThrow().defaultSecurityRules()).hasSize(6);
        assertThat(f.routeTable().orElse(null).orElseThrow().routes()).extracting(r -> r.nextHopIpAddress())
                .containsExactly(null, "10.0.254.4");
        assertThat(f.permissions().orElse(null).entries()).hasSize(2);
        assertThat(f.trustCertificates().orElse(null)).singleElement().satisfies(c -> {
            assertThat(c.publicBlobHex()).isEqualTo("308201F2308201");
            assertThat(c.name()).isEqualTo("SQLPROD02-endpoint");
        });
    }

    @Test
    void azNetworkVnetShowGivesTheVirtualNetworkTagsSpace() {
        ManagedInstanceFacts f = read("mi.json", "subnet.json", "vnet.json");

        ManagedInstanceFacts.VirtualNetwork vnet = f.virtualNetwork().orElse(null);
        assertThat(vnet.id()).endsWith("/virtualNetworks/vnet-mi");
        assertThat(vnet.addressPrefixes()).containsExactly("10.0.0.0/16");
        assertThat(vnet.subnetNames()).containsExactly("snet-mi", "GatewaySubnet");
        assertThat(vnet.peerings()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("to-apps");
            assertThat(p.connected()).isTrue();
            assertThat(p.remoteAddressPrefixes()).containsExactly("10.100.0.0/16");
            assertThat(p.remoteNetworkId()).endsWith("/virtualNetworks/vnet-apps");
            assertThat(p.useRemoteGateways()).isFalse();
        });
        // without it the reason names the command, with the network's id taken from the subnet id
        assertThat(read("mi.json").virtualNetwork().reason()).contains("az network vnet show --ids /subscriptions/",
                "/virtualNetworks/vnet-mi'");
    }

    @Test
    void partsNotProvidedAreUnknownNamingTheCommand() {
        ManagedInstanceFacts f = read("mi.json");

        assertThat(f.instance().isKnown()).isTrue();
        assertThat(f.databases().reason()).contains("not in the given files").contains("az sql midb list");
        assertThat(f.subnet().reason()).contains("az network vnet subnet show");
        assertThat(f.networkSecurityGroup().reason()).contains("not in the given files");
        assertThat(f.permissions().reason()).contains("Microsoft.Authorization/permissions")
                .contains("az role assignment list");
        assertThat(f.endpointCertificate().reason()).contains("az sql mi endpoint-cert show");
    }

    @Test
    void theSubnetsNsgMissingFromTheFilesIsUnknownNamingIt() {
        ManagedInstanceFacts f = read("mi.json", "subnet.json");

        assertThat(f.networkSecurityGroup().reason()).contains("nsg-mi is not in the given files")
                .contains("az network nsg show --ids /subscriptions/");
    }

    @Test
    void restBodiesWithNestedPropertiesReadLikeAzOutput() {
        ManagedInstanceFacts.ManagedInstance mi = read("mi-rest.json").instance().orElse(null);

        assertThat(mi.skuTier()).isEqualTo("BusinessCritical");
        assertThat(mi.vCores()).isEqualTo(16);
        assertThat(mi.storageSizeInGb()).isEqualTo(1024);
        assertThat(mi.databaseFormat()).isEqualTo("AlwaysUpToDate");
        assertThat(mi.zoneRedundant()).isTrue();
    }

    @Test
    void roleAssignmentsResolveThroughGivenAndBuiltInDefinitionsAtTheMiScope() {
        ManagedInstanceFacts f = read("mi.json", "role-assignments.json", "role-definition.json");

        List<Permission> entries = f.permissions().orElse(null).entries();
        // the SQL MI Contributor definition from the file, Reader built in; rg-other's custom role does not apply
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).actions()).contains("Microsoft.Sql/managedInstances/*");
        assertThat(entries.get(1).actions()).containsExactly("*/read");
    }

    @Test
    void aRoleWithoutItsDefinitionLeavesPermissionsUnknownNamingTheRole() {
        ManagedInstanceFacts f = read("mi.json", "role-assignments.json");

        assertThat(f.permissions().reason()).contains("SQL Managed Instance Contributor")
                .contains("az role definition list --name ROLE").doesNotContain("Custom Unrelated");
    }

    @Test
    void anEmptyListIsRecognisedByItsFileName() {
        ManagedInstanceFacts f = read("mi.json", "trust-certificates-none.json");

        assertThat(f.trustCertificates().orElse(null)).isEmpty();
    }

    @Test
    void unreadableOrUnrecognisedFilesAreUsageErrors(@TempDir Path dir) throws IOException {
        assertInvalid(AZ.resolve("broken.json"), "is not JSON");
        assertInvalid(AZ.resolve("webapp.json"), "type Microsoft.Web/sites");
        assertInvalid(AZ.resolve("empty.json"), "empty list");
        Path twice = Files.writeString(dir.resolve("twice.json"), "{\"type\":\"Microsoft.Sql/managedInstances\","
                + "\"state\":\"Ready\",\"state\":\"Stopped\"}");
        assertInvalid(twice, "Duplicate field 'state'");
        assertInvalid(dir.resolve("missing.json"), "is not a file");
        Path big = dir.resolve("big.json");
        try (var out = Files.newOutputStream(big)) {
            byte[] chunk = new byte[1024 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            for (int i = 0; i <= AzureOfflineFacts.MAX_FILE_BYTES / chunk.length; i++) {
                out.write(chunk);
            }
        }
        assertInvalid(big, "larger than 16 MiB");
    }

    @Test
    void twoManagedInstancesInOneRunAreRefused(@TempDir Path dir) throws IOException {
        Path other = dir.resolve("other-mi.json");
        Files.writeString(other, Files.readString(AZ.resolve("mi.json")).replace("contoso-mi\"", "fabrikam-mi\""));

        assertThatThrownBy(() -> AzureOfflineFacts.read(List.of(AZ.resolve("mi.json"), other), CLOCK))
                .isInstanceOf(MilinkException.class).hasMessageContaining("several managed instances");
    }

    private static void assertInvalid(Path file, String expected) {
        assertThatThrownBy(() -> AzureOfflineFacts.read(List.of(file), CLOCK))
                .isInstanceOfSatisfying(MilinkException.class, e -> {
                    assertThat(e.code()).isEqualTo(AzureError.AZURE_FACTS_FILE_INVALID);
                    assertThat(e.code().exitStatus()).isEqualTo(ExitStatus.USAGE);
                    assertThat(e.getMessage()).contains(expected).doesNotContain("\n");
                });
    }
}
