// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure.network;

import static dev.milink.core.check.azure.support.AzureFixture.one;
import static dev.milink.core.check.azure.support.AzureFixture.onlyStep;
import static dev.milink.core.check.azure.support.AzureFixture.scripts;
import static dev.milink.core.testing.TestMi.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ManagedInstanceFacts.Peering;
import dev.milink.core.model.ManagedInstanceFacts.Route;
import dev.milink.core.model.ManagedInstanceFacts.RouteTable;
import dev.milink.core.model.ManagedInstanceFacts.SecurityRule;
import dev.milink.core.model.ServerFacts.MirroringEndpoint;
import dev.milink.core.testing.TestFacts;
import dev.milink.core.testing.TestMi;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MilNetworkChecksTest {

    private static final NsgInboundCheck N2 = new NsgInboundCheck();
    private static final NsgOutboundCheck N3 = new NsgOutboundCheck();
    private static final SubnetOverlapCheck N6 = new SubnetOverlapCheck();
    private static final RouteTableCheck N1 = new RouteTableCheck();

    private static final SecurityRule ALLOW_IN = rule("allow-link-in", 1000, "Inbound", "Allow",
            List.of(TestMi.SQL_NETWORK), List.of(TestMi.SUBNET_PREFIX), List.of("5022", "11000-11999"));
    private static final SecurityRule ALLOW_OUT = rule("allow-link-out", 1000, "Outbound", "Allow",
            List.of(TestMi.SUBNET_PREFIX), List.of(TestMi.SQL_NETWORK), List.of("5022"));

    private static TestFacts withRules(SecurityRule... rules) {
        return TestFacts.linked().mi(TestMi.ready().nsgRules(rules));
    }

    @Test
    void readyNsgAllowsBothDirectionsNamingTheRules() {
        Finding in = one(N2, TestFacts.linked());
        assertThat(in.status()).isEqualTo(Status.PASS);
        assertThat(in.message()).contains("'allow-link-in' (priority 1000, Allow)");
        Finding out = one(N3, TestFacts.linked());
        assertThat(out.status()).isEqualTo(Status.PASS);
        assertThat(out.message()).contains("'allow-link-out'");
    }

    @Test
    void aDenyBeforeTheAllowFailsNamingBothAndTheFixGoesJustBeforeTheDeny() {
        SecurityRule deny = rule("deny-all-in", 900, "Inbound", "Deny", List.of("*"), List.of("*"), List.of("*"));
        SecurityRule taken = rule("other", 899, "Inbound", "Allow", List.of("192.0.2.1"), List.of("*"),
                List.of("80"));
        Finding f = one(N2, withRules(ALLOW_IN, deny, taken, ALLOW_OUT));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("'deny-all-in' (priority 900, Deny)", "'allow-link-in' (priority 1000, "
                + "Allow)", "TCP 5022", "TCP 11000-11999");
        FixStep step = onlyStep(f);
        assertThat(step.appliable()).isTrue();
        assertThat(step.phase()).isEqualTo(FixStep.Phase.AZURE);
        String arm = scripts(f, ScriptKind.ARM_REQUEST);
        assertThat(arm).contains("\"method\": \"PUT\"", "\"path\": \"" + TestMi.NSG_ID
                        + "/securityRules/milink-link-inbound?api-version=2024-05-01\"", "\"priority\": 898",
                "\"direction\": \"Inbound\"", "\"sourceAddressPrefixes\": [\"10.1.0.4\"]",
                "\"destinationAddressPrefixes\": [\"10.0.0.0/24\"]",
                "\"destinationPortRanges\": [\"5022\", \"11000-11999\"]");
        assertThat(scripts(f, ScriptKind.AZURE_CLI)).contains("az network nsg rule create --resource-group "
                + "'rg-net' --nsg-name 'nsg-mi' --name 'milink-link-inbound' --priority 898 --direction Inbound");
        assertThat(scripts(f, ScriptKind.AZURE_POWERSHELL)).contains("Add-AzNetworkSecurityRuleConfig",
                "-Priority 898", "-DestinationPortRange '5022','11000-11999'");
        assertThat(scripts(f, ScriptKind.BICEP)).contains("priority: 898", "parent: nsg",
                "destinationPortRanges: [ '5022', '11000-11999' ]");
    }

    @Test
    void noCustomRulesAndAPublicSqlAddressFailsOnTheDefaultDenyWithAFixAtPriority4096() {
        Finding f = one(N2, withRules().sqlAddresses("203.0.113.9"));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("DenyAllInBound");
        assertThat(scripts(f, ScriptKind.ARM_REQUEST)).contains("\"priority\": 4096");
    }

    @Test
    void anOnPremisesAddressOutsideAVirtualNetworkWithoutGatewayIsNotInTheVirtualNetworkTag() {
        // vnet-mi is 10.0.0.0/16 with no gateway and no peering: AllowVnetInBound does not cover 192.168.10.4
        Finding f = one(N2, withRules().sqlAddresses("192.168.10.4"));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("DenyAllInBound");
    }

    @Test
    void aPeeredNetworksAddressIsInTheVirtualNetworkTagAndADisconnectedPeeringsIsNot() {
        TestMi peered = TestMi.ready().nsgRules().virtualNetwork(List.of(TestMi.VNET_PREFIX), List.of("mi-subnet"),
                new Peering("to-hub", "Connected", TestMi.NETWORK + "/virtualNetworks/vnet-hub",
                        List.of("192.168.0.0/16"), false),
                new Peering("to-old", "Disconnected", TestMi.NETWORK + "/virtualNetworks/vnet-old",
                        List.of("172.16.0.0/16"), false));
        Finding in = one(N2, TestFacts.linked().mi(peered).sqlAddresses("192.168.10.4"));
        assertThat(in.status()).as(in.message()).isEqualTo(Status.PASS);
        assertThat(in.message()).contains("AllowVnetInBound");
        assertThat(one(N2, TestFacts.linked().mi(peered).sqlAddresses("172.16.0.4")).status())
                .isEqualTo(Status.FAIL);
    }

    @Test
    void aGatewayMakesAnOnPremisesAddressUnderVirtualNetworkUnknownNamingIt() {
        Finding f = one(N2, TestFacts.linked().mi(TestMi.ready().nsgRules().virtualNetwork(
                List.of(TestMi.VNET_PREFIX), List.of("mi-subnet", "GatewaySubnet"))).sqlAddresses("192.168.10.4"));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.message()).contains("AllowVnetInBound", "cannot resolve", "VirtualNetwork may hold 192.168.10.4",
                "has a GatewaySubnet", "on-premises ranges it learns");
        // an explicit allow settles it: offered before the rule in doubt
        assertThat(scripts(f, ScriptKind.ARM_REQUEST)).contains("\"priority\": 4096",
                "\"sourceAddressPrefixes\": [\"192.168.10.4\"]");
        assertThat(f.remediation().summary()).contains("before rule 'AllowVnetInBound' (priority 65000, Allow)");
        // a peering through the remote gateway does the same
        Finding remote = one(N2, TestFacts.linked().mi(TestMi.ready().nsgRules().virtualNetwork(
                List.of(TestMi.VNET_PREFIX), List.of("mi-subnet"), new Peering("to-hub", "Connected",
                        TestMi.NETWORK + "/virtualNetworks/vnet-hub", List.of("10.100.0.0/16"), true)))
                .sqlAddresses("192.168.10.4"));
        assertThat(remote.status()).isEqualTo(Status.UNKNOWN);
        assertThat(remote.message()).contains("peering 'to-hub' uses the gateway of 'vnet-hub'");
        // a public address is not taken for an on-premises range: the default deny decides
        assertThat(one(N2, TestFacts.linked().mi(TestMi.ready().nsgRules().virtualNetwork(
                List.of(TestMi.VNET_PREFIX), List.of("GatewaySubnet"))).sqlAddresses("203.0.113.9")).status())
                .isEqualTo(Status.FAIL);
    }

    @Test
    void anUnreadableVirtualNetworkIsUnknownNamingTheMissingAction() {
        Finding f = one(N2, TestFacts.linked().mi(TestMi.ready().nsgRules().set("virtualNetwork", Fact.unknown(
                "permission denied reading the virtual network: the caller lacks the action "
                        + "Microsoft.Network/virtualNetworks/read (403 AuthorizationFailed)")))
                .sqlAddresses("192.168.10.4"));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.message()).contains("the virtual network could not be read",
                "Microsoft.Network/virtualNetworks/read");
        // an address inside the subnet needs no virtual network to be judged
        assertThat(one(N2, TestFacts.linked().mi(TestMi.ready().set("virtualNetwork", Fact.unknown("403")))).status())
                .isEqualTo(Status.PASS);
    }

    @Test
    void aUserDefinedRoutesPrefixIsInTheVirtualNetworkTag() {
        TestMi routed = TestMi.ready().nsgRules().set("routeTable", Fact.of(Optional.of(new RouteTable(
                TestMi.NETWORK + "/routeTables/rt", List.of(new Route("to-onprem", "192.168.0.0/16",
                        "VirtualAppliance", "10.0.1.4"))))));
        assertThat(one(N2, TestFacts.linked().mi(routed).sqlAddresses("192.168.10.4")).status())
                .isEqualTo(Status.PASS);
        Finding unread = one(N2, TestFacts.linked().mi(TestMi.ready().nsgRules().set("routeTable",
                Fact.unknown("403 routeTables/read"))).sqlAddresses("192.168.10.4"));
        assertThat(unread.status()).isEqualTo(Status.UNKNOWN);
        assertThat(unread.message()).contains("route table, whose route prefixes are in VirtualNetwork");
    }

    @Test
    void withoutSqlAddressesItIsUnknownAskingForThem() {
        Finding f = one(N2, TestFacts.ready().mi(TestMi.ready()));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("--sql-address");
        Finding name = one(N3, TestFacts.ready().mi(TestMi.ready()).sqlAddresses("sql01.contoso.local"));
        assertThat(name.status()).isEqualTo(Status.UNKNOWN);
        assertThat(name.message()).contains("sql01.contoso.local", "--sql-address");
    }

    @Test
    void anAddressOfAnotherFamilyThanTheSubnetIsUnknownNotDenied() {
        Finding f = one(N2, TestFacts.linked().sqlAddresses(TestMi.SQL_ADDRESS, "2001:db8::4"));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.message()).contains("2001:db8::4", "address family");
    }

    @Test
    void noNsgOnTheSubnetIsAWarning() {
        Finding f = one(N2, TestFacts.linked().mi(TestMi.ready().set("networkSecurityGroup",
                Fact.of(Optional.empty()))));
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("No network security group", "requires one");
    }

    @Test
    void unreadableSubnetOrNsgIsUnknownWithTheReason() {
        assertThat(one(N2, TestFacts.linked().mi(TestMi.ready().set("networkSecurityGroup",
                Fact.unknown("403 AuthorizationFailed: Microsoft.Network/networkSecurityGroups/read")))).message())
                .contains("could not be read", "networkSecurityGroups/read");
        assertThat(one(N3, TestFacts.linked().mi(TestMi.ready().set("subnet", Fact.unknown("404")))).status())
                .isEqualTo(Status.UNKNOWN);
    }

    @Test
    void outboundUsesSqlServersEndpointPort() {
        TestFacts custom = withRules(ALLOW_IN, ALLOW_OUT).mirroringEndpoint(Fact.of(List.of(new MirroringEndpoint(
                "Hadr_endpoint", "STARTED", "ALL", "CERTIFICATE", "Cert_SQL01_endpoint", true, "AES", 5023, "ALL"))));
        Finding f = one(N3, custom.sqlAddresses("203.0.113.9"));
        // AllowInternetOutBound lets a public address through on any port
        assertThat(f.status()).isEqualTo(Status.PASS);
        SecurityRule denyOut = rule("deny-out", 500, "Outbound", "Deny", List.of("*"), List.of("*"),
                List.of("5023"));
        Finding denied = one(N3, withRules(ALLOW_IN, ALLOW_OUT, denyOut).mirroringEndpoint(custom.buildServer()
                .mirroringEndpoint()));
        assertThat(denied.status()).isEqualTo(Status.FAIL);
        assertThat(denied.message()).contains("TCP 5023", "'deny-out'");
        assertThat(scripts(denied, ScriptKind.ARM_REQUEST)).contains("milink-link-outbound", "\"priority\": 499",
                "\"destinationPortRanges\": [\"5023\"]", "\"sourceAddressPrefixes\": [\"10.0.0.0/24\"]");
    }

    @Test
    void noFreePriorityBeforeTheDenyGivesInstructionsInstead() {
        SecurityRule deny = rule("deny", 100, "Inbound", "Deny", List.of("*"), List.of("*"), List.of("*"));
        Finding f = one(N2, withRules(deny));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.remediation().steps()).isEmpty();
        assertThat(f.remediation().summary()).contains("No free priority", "'deny'");
    }

    @Test
    void overlapWithSqlServersNetworkFails() {
        assertThat(one(N6, TestFacts.linked()).status()).isEqualTo(Status.PASS);
        Finding f = one(N6, TestFacts.linked().sqlAddresses("10.1.0.4", "10.0.0.128/25"));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("10.0.0.128/25 overlaps 10.0.0.0/24");
        assertThat(one(N6, TestFacts.ready().mi(TestMi.ready())).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void routeTableIsReportedForTheNetworkTeam() {
        Finding none = one(N1, TestFacts.linked());
        assertThat(none.status()).isEqualTo(Status.INFO);
        assertThat(none.message()).contains("No route table");
        Finding f = one(N1, TestFacts.linked().mi(TestMi.ready().set("routeTable", Fact.of(Optional.of(
                new RouteTable(TestMi.NETWORK + "/routeTables/rt-mi", List.of(
                        new Route("to-onprem", "10.1.0.0/16", "VirtualAppliance", "10.0.1.4"),
                        new Route("default", "0.0.0.0/0", "Internet", null))))))));
        assertThat(f.status()).isEqualTo(Status.INFO);
        assertThat(f.message()).contains("'rt-mi'", "to-onprem 10.1.0.0/16 -> VirtualAppliance 10.0.1.4 (SQL Server "
                + "traffic)", "default 0.0.0.0/0 -> Internet");
        assertThat(one(N1, TestFacts.linked().mi(TestMi.ready().set("routeTable", Fact.unknown("403")))).status())
                .isEqualTo(Status.UNKNOWN);
    }

    @Test
    void bicepStringsEscapeQuotesAndInterpolation() {
        assertThat(NsgRuleScripts.bicepString("a'b${x}\\")).isEqualTo("'a\\'b\\${x}\\\\'");
    }
}
