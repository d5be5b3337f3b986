// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.model.Fact;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ManagedInstanceFacts.ManagedInstance;
import dev.milink.core.model.ManagedInstanceFacts.NetworkSecurityGroup;
import dev.milink.core.model.ManagedInstanceFacts.SecurityRule;
import dev.milink.sandbox.arm.ArmFault;
import dev.milink.sandbox.arm.ArmRequestLog;
import dev.milink.sandbox.arm.ArmStandIn;
import dev.milink.sandbox.arm.AzureScenarios;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The collector through the real azure-core pipeline and azure-identity credential against the ARM stand-in. */
class AzureCollectorTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private ArmStandIn arm;
    private ArmConnection connection;
    private AzureCollector collector;

    @BeforeEach
    void start() throws Exception {
        arm = ArmStandIn.start(AzureScenarios.load("prepared-2022"));
        connection = ArmConnection.open(StandIns.options(arm));
        collector = new AzureCollector(connection, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        arm.close();
    }

    @Test
    void readsEveryPartOfAPreparedInstance() {
        ManagedInstanceFacts facts = collector.collect(arm.managedInstanceId());

        assertThat(facts.resourceId()).isEqualTo(arm.managedInstanceId());
        assertThat(facts.name()).isEqualTo("contoso-mi");
        assertThat(facts.collectedAt()).isEqualTo(NOW);
        ManagedInstance mi = known(facts.instance());
        assertThat(mi.state()).isEqualTo("Ready");
        assertThat(mi.fullyQualifiedDomainName()).isEqualTo(arm.managedInstanceFqdn());
        assertThat(mi.subnetId()).isEqualTo(arm.subnetId());
        assertThat(mi.skuName()).isEqualTo("GP_Gen5");
        assertThat(mi.skuTier()).isEqualTo("GeneralPurpose");
        assertThat(mi.vCores()).isEqualTo(8);
        assertThat(mi.storageSizeInGb()).isEqualTo(512);
        assertThat(mi.storageUsedGb()).isEqualTo(120);
        assertThat(mi.collation()).isEqualTo("SQL_Latin1_General_CP1_CI_AS");
        assertThat(mi.databaseFormat()).isEqualTo("SQLServer2022");
        assertThat(mi.location()).isEqualTo("westeurope");
        assertThat(mi.minimalTlsVersion()).isEqualTo("1.2");

        assertThat(known(facts.databases())).extracting(ManagedInstanceFacts.MiDatabase::name)
                .containsExactly("ReportingArchive");
        assertThat(known(facts.trustCertificates())).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("SQLPROD02-endpoint");
            assertThat(c.publicBlobHex()).startsWith("308202FD").doesNotStartWith("0x");
            assertThat(c.thumbprint()).isEqualTo("18D169ECE4C54EBDE0A8EFD027CF1EFD7258BC5E");
        });
        assertThat(known(facts.endpointCertificate()).notAfter()).isEqualTo(Instant.parse("2028-06-01T00:00:00Z"));
        assertThat(known(facts.links())).isEmpty();
        assertThat(known(facts.failoverGroups())).isEmpty();
        assertThat(known(facts.encryptionProtector())).isEqualTo("AzureKeyVault");
        assertThat(known(facts.subnet()).addressPrefixes()).containsExactly("10.0.0.0/24");
        assertThat(known(facts.subnet()).delegations()).containsExactly("Microsoft.Sql/managedInstances");
        NetworkSecurityGroup nsg = known(facts.networkSecurityGroup()).orElseThrow();
        assertThat(nsg.id()).endsWith("/networkSecurityGroups/nsg-mi");
        SecurityRule inbound = nsg.securityRules().stream().filter(r -> r.name().equals("allow_mi_link_inbound"))
                .findFirst().orElseThrow();
        assertThat(inbound.priority()).isEqualTo(1000);
        assertThat(inbound.sourcePrefixes()).containsExactly("10.20.0.0/24");
        assertThat(inbound.destinationPorts()).containsExactly("5022", "11000-11999");
        assertThat(nsg.defaultSecurityRules()).extracting(SecurityRule::name).contains("DenyAllInBound");
        assertThat(known(facts.routeTable()).orElseThrow().routes()).extracting(r -> r.nextHopType())
                .contains("VnetLocal", "Internet");
        assertThat(known(facts.permissions()).entries()).singleElement()
                .satisfies(p -> assertThat(p.actions()).containsExactly("*"));
    }

    @Test
    void readsTheSubnetsVirtualNetworkBesideTheSubnet() {
        ManagedInstanceFacts facts = collector.collect(arm.managedInstanceId());

        ManagedInstanceFacts.VirtualNetwork vnet = known(facts.virtualNetwork());
        assertThat(vnet.id()).isEqualTo(arm.subnetId().substring(0, arm.subnetId().indexOf("/subnets/")));
        assertThat(vnet.addressPrefixes()).containsExactly("10.0.0.0/16");
        assertThat(vnet.subnetNames()).containsExactly("snet-mi", "GatewaySubnet");
        assertThat(vnet.peerings()).isEmpty();
        assertThat(arm.requestLog().find("GET", "/virtualNetworks/vnet-mi$")).singleElement()
                .satisfies(e -> assertThat(e.query()).contains("api-version=2024-05-01"));
    }

    @Test
    void peeringsAndGatewaySubnetsOfTheVirtualNetworkAreRead() throws Exception {
        arm.close();
        arm = ArmStandIn.start(dev.milink.sandbox.arm.AzureScenarios.fromYamlText("""
                name: peered
                base: prepared-2022
                virtualNetworks:
                  - name: vnet-mi
                    addressPrefixes: [10.0.0.0/16]
                    subnets:
                      - {name: snet-mi, addressPrefix: 10.0.0.0/24, networkSecurityGroup: nsg-mi, routeTable: rt-mi,
                         delegations: [Microsoft.Sql/managedInstances]}
                      - {name: GatewaySubnet, addressPrefix: 10.0.255.0/27}
                    peerings:
                      - {name: to-hub, remoteVirtualNetwork: vnet-hub, remoteAddressPrefixes: [192.168.0.0/16],
                         useRemoteGateways: true}
                      - {name: to-old, remoteVirtualNetwork: vnet-old, remoteAddressPrefixes: [172.16.0.0/16],
                         peeringState: Disconnected}
                """, "peered"));
        connection = ArmConnection.open(StandIns.options(arm));
        collector = new AzureCollector(connection, Clock.fixed(NOW, ZoneOffset.UTC));

        ManagedInstanceFacts.VirtualNetwork vnet = known(collector.collect(arm.managedInstanceId()).virtualNetwork());

        assertThat(vnet.subnetNames()).containsExactly("snet-mi", "GatewaySubnet");
        assertThat(vnet.peerings()).extracting(ManagedInstanceFacts.Peering::name, ManagedInstanceFacts.Peering::state,
                ManagedInstanceFacts.Peering::useRemoteGateways).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("to-hub", "Connected", true),
                        org.assertj.core.groups.Tuple.tuple("to-old", "Disconnected", false));
        assertThat(vnet.peerings().getFirst().remoteAddressPrefixes()).containsExactly("192.168.0.0/16");
        assertThat(vnet.peerings().getFirst().remoteNetworkId()).endsWith("/virtualNetworks/vnet-hub");
    }

    @Test
    void aForbiddenVirtualNetworkReadIsUnknownNamingTheActionAndTheSubnetIsStillRead() {
        arm.faults().add(ArmFault.forbidden("/virtualNetworks/vnet-mi$", "Microsoft.Network/virtualNetworks/read"));

        ManagedInstanceFacts facts = collector.collect(arm.managedInstanceId());

        assertThat(facts.virtualNetwork().reason()).contains("the caller lacks the action "
                + "Microsoft.Network/virtualNetworks/read", "403 AuthorizationFailed");
        assertThat(facts.subnet().isKnown()).isTrue();
        assertThat(facts.networkSecurityGroup().isKnown()).isTrue();
    }

    @Test
    void aForbiddenReadBecomesUnknownNamingTheActionAndTheRestIsRead() {
        String action = "Microsoft.Sql/managedInstances/serverTrustCertificates/read";
        arm.faults().add(ArmFault.forbidden("/serverTrustCertificates", action));

        ManagedInstanceFacts facts = collector.collect(arm.managedInstanceId());

        assertThat(facts.trustCertificates().isKnown()).isFalse();
        assertThat(facts.trustCertificates().reason()).contains(action).contains("403 AuthorizationFailed");
        assertThat(facts.instance().isKnown()).isTrue();
        assertThat(facts.networkSecurityGroup().isKnown()).isTrue();
        assertThat(facts.permissions().isKnown()).isTrue();
    }

    @Test
    void aForbiddenInstanceReadLeavesItsDependentsUnknownWithTheReason() {
        arm.faults().add(ArmFault.forbidden("/managedInstances/contoso-mi$", "Microsoft.Sql/managedInstances/read"));

        ManagedInstanceFacts facts = collector.collect(arm.managedInstanceId());

        assertThat(facts.instance().reason()).contains("Microsoft.Sql/managedInstances/read");
        assertThat(facts.subnet().reason()).contains("could not be read").contains("managedInstances/read");
        assertThat(facts.networkSecurityGroup().reason()).contains("subnet");
        assertThat(facts.failoverGroups().reason()).contains("region");
        assertThat(facts.databases().isKnown()).isTrue();
    }

    @Test
    void aThrottledReadIsRetriedAfterRetryAfter() {
        arm.faults().add(ArmFault.throttle("/managedInstances/contoso-mi$", 1, 1));

        long started = System.nanoTime();
        ManagedInstanceFacts facts = collector.collect(arm.managedInstanceId());
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(known(facts.instance()).state()).isEqualTo("Ready");
        List<ArmRequestLog.Entry> gets = arm.requestLog().find("GET", "/managedInstances/contoso-mi$");
        assertThat(gets).extracting(ArmRequestLog.Entry::status).containsExactly(429, 200);
        // the pipeline's own back-off is 5 ms here: only Retry-After: 1 explains a full second
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void aServerErrorThatPersistsBecomesUnknownAndTheCollectionCompletes() {
        arm.faults().add(ArmFault.serverError("/databases$", 503, 0));

        ManagedInstanceFacts facts = collector.collect(arm.managedInstanceId());

        assertThat(facts.databases().reason()).contains("503").contains("after the retries");
        assertThat(arm.requestLog().count("GET", "/databases$")).isEqualTo(3);
        assertThat(facts.instance().isKnown()).isTrue();
        assertThat(facts.trustCertificates().isKnown()).isTrue();
    }

    @Test
    void storageInUseThatCannotBeReadLeavesTheInstanceKnown() {
        arm.faults().add(ArmFault.forbidden("/Microsoft.Insights/metrics", "Microsoft.Insights/metrics/read"));

        ManagedInstance mi = known(collector.collect(arm.managedInstanceId()).instance());

        assertThat(mi.storageUsedGb()).isNull();
        assertThat(mi.storageSizeInGb()).isEqualTo(512);
    }

    @Test
    void aMissingResourceBecomesUnknownSayingWhatIsMissing() {
        arm.faults().add(ArmFault.notFound("/endpointCertificates/"));

        ManagedInstanceFacts facts = collector.collect(arm.managedInstanceId());

        assertThat(facts.endpointCertificate().reason()).contains("DATABASE_MIRRORING endpoint certificate")
                .contains("does not exist").contains("404 ResourceNotFound");
    }

    @Test
    void aFleetSharesOneCredentialAndSignsInOnce() {
        connection.signIn();
        collector.collect(arm.managedInstanceId());
        collector.collect(ManagedInstanceId.parse(arm.managedInstanceId()));

        assertThat(arm.requestLog().count("POST", "/oauth2/v2.0/token$")).isEqualTo(1);
        assertThat(arm.requestLog().count("GET", "/managedInstances/contoso-mi$")).isEqualTo(2);
    }

    @Test
    void theTokenIsNeverSentOutsideArm() {
        ArmResponse r = connection.send("GET", "https://attacker.example/subscriptions/x?api-version=1", null);

        assertThat(r.status()).isZero();
        assertThat(r.transportError()).contains("refused to send the ARM token");
        assertThat(connection.send("GET", arm.baseUrl() + arm.managedInstanceId() + "?api-version=2025-01-01", null)
                .status()).isEqualTo(200);
    }

    private static <T> T known(Fact<T> fact) {
        assertThat(fact.isKnown()).as(fact.reason()).isTrue();
        return fact.orElse(null);
    }
}
