// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure.network;

import static dev.milink.core.testing.TestMi.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.azure.network.NsgEvaluator.Flow;
import dev.milink.core.check.azure.network.NsgEvaluator.Verdict;
import dev.milink.core.model.ManagedInstanceFacts.NetworkSecurityGroup;
import dev.milink.core.model.ManagedInstanceFacts.SecurityRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class NsgEvaluatorTest {

    private static final String SUBNET = "10.0.0.0/24";
    private static final NsgEvaluator EVAL = new NsgEvaluator(List.of(ip(SUBNET)));

    private static IpRange ip(String s) {
        return IpRange.parse(s).orElseThrow();
    }

    private static NetworkSecurityGroup nsg(SecurityRule... rules) {
        return new NetworkSecurityGroup("/nsg", List.of(rules), List.of());
    }

    private static Verdict in(NetworkSecurityGroup nsg, String from, int first, int last) {
        return EVAL.evaluate(nsg, new Flow(true, ip(from), ip(SUBNET), first, last));
    }

    private static Verdict out(NetworkSecurityGroup nsg, String to, int port) {
        return EVAL.evaluate(nsg, new Flow(false, ip(SUBNET), ip(to), port, port));
    }

    private static SecurityRule in(String name, int priority, String access, String source, String... ports) {
        return rule(name, priority, "Inbound", access, List.of(source), List.of("*"), List.of(ports));
    }

    @Test
    void anAllowFromTheAddressPasses() {
        Verdict v = in(nsg(in("allow", 200, "Allow", "10.1.0.4", "5022")), "10.1.0.4", 5022, 5022);
        assertThat(v).isInstanceOf(Verdict.Allowed.class);
        assertThat(((Verdict.Allowed) v).rule().name()).isEqualTo("allow");
    }

    @Test
    void aHigherPriorityDenyShadowsALowerAllowAndBothAreNamed() {
        Verdict v = in(nsg(in("allow", 300, "Allow", "10.1.0.4", "5022"),
                in("deny", 200, "Deny", "*", "*")), "10.1.0.4", 5022, 5022);
        assertThat(v).isInstanceOf(Verdict.Denied.class);
        Verdict.Denied d = (Verdict.Denied) v;
        assertThat(d.rule().name()).isEqualTo("deny");
        assertThat(d.shadowedAllow()).map(SecurityRule::name).contains("allow");
        assertThat(d.partly()).isFalse();
    }

    @Test
    void priorityNotListOrderDecides() {
        Verdict v = in(nsg(in("deny", 500, "Deny", "*", "*"), in("allow", 400, "Allow", "10.1.0.0/16", "5022")),
                "10.1.0.4", 5022, 5022);
        assertThat(v).isInstanceOf(Verdict.Allowed.class);
    }

    @Test
    void withoutCustomRulesTheDefaultDenyAllInboundDecidesForAPublicAddress() {
        Verdict v = in(nsg(), "203.0.113.9", 5022, 5022);
        assertThat(v).isInstanceOf(Verdict.Denied.class);
        assertThat(((Verdict.Denied) v).rule().name()).isEqualTo("DenyAllInBound");
        assertThat(((Verdict.Denied) v).rule().priority()).isEqualTo(65500);
    }

    @Test
    void defaultRulesGivenByAzureAreUsedAndComeAfterCustomOnes() {
        SecurityRule denyAll = new SecurityRule("DenyAllInBound", 65500, "Inbound", "Deny", "*", List.of("*"),
                List.of("*"), List.of("*"), List.of("*"), List.of(), List.of());
        NetworkSecurityGroup g = new NetworkSecurityGroup("/nsg", List.of(in("allow", 4096, "Allow", "10.1.0.4",
                "5022")), List.of(denyAll));
        assertThat(in(g, "10.1.0.4", 5022, 5022)).isInstanceOf(Verdict.Allowed.class);
        assertThat(in(g, "10.1.0.5", 5022, 5022)).isInstanceOf(Verdict.Denied.class);
    }

    @Test
    void virtualNetworkTagMatchesTheKnownSpaceAndIsUnknownForAnotherPrivateAddress() {
        // AllowVnetInBound: inside the subnet certainly VirtualNetwork; on-premises private ranges may be too
        assertThat(in(nsg(), "10.0.0.7", 5022, 5022)).isInstanceOf(Verdict.Allowed.class);
        Verdict onPrem = in(nsg(), "192.168.5.4", 5022, 5022);
        assertThat(onPrem).isInstanceOf(Verdict.Unknown.class);
        assertThat(((Verdict.Unknown) onPrem).uncertain()).extracting(SecurityRule::name)
                .containsExactly("AllowVnetInBound");
    }

    @Test
    void aCompleteVirtualNetworkTagSettlesAnAddressOutsideIt() {
        NsgEvaluator complete = new NsgEvaluator(VirtualNetworkTag.complete(List.of(ip("10.0.0.0/16"),
                ip("192.168.0.0/16"))));
        Verdict peered = complete.evaluate(nsg(), new Flow(true, ip("192.168.5.4"), ip(SUBNET), 5022, 5022));
        assertThat(peered).isInstanceOf(Verdict.Allowed.class);
        assertThat(((Verdict.Allowed) peered).rule().name()).isEqualTo("AllowVnetInBound");
        Verdict outside = complete.evaluate(nsg(), new Flow(true, ip("172.16.5.4"), ip(SUBNET), 5022, 5022));
        assertThat(outside).isInstanceOf(Verdict.Denied.class);
        assertThat(((Verdict.Denied) outside).rule().name()).isEqualTo("DenyAllInBound");
        // a range only partly inside the tag is partly allowed, and the rest is denied
        Verdict straddling = complete.evaluate(nsg(), new Flow(true, ip("192.168.0.0/15"), ip(SUBNET), 5022, 5022));
        assertThat(straddling).isInstanceOf(Verdict.Denied.class);
        assertThat(((Verdict.Denied) straddling).partly()).isTrue();
    }

    @Test
    void anIncompleteVirtualNetworkTagSaysWhyInTheVerdict() {
        NsgEvaluator gateway = new NsgEvaluator(VirtualNetworkTag.partial(List.of(ip("10.0.0.0/16")),
                "virtual network 'vnet-mi' has a GatewaySubnet"));
        Verdict v = gateway.evaluate(nsg(), new Flow(true, ip("192.168.5.4"), ip(SUBNET), 5022, 5022));
        assertThat(v).isInstanceOf(Verdict.Unknown.class);
        assertThat(((Verdict.Unknown) v).why()).contains("AllowVnetInBound", "VirtualNetwork may hold 192.168.5.4",
                "has a GatewaySubnet", "would allow what 'DenyAllInBound'");
        // a deny on VirtualNetwork before an explicit allow is in doubt the same way
        Verdict denyFirst = gateway.evaluate(nsg(in("deny-vnet", 100, "Deny", "VirtualNetwork", "5022"),
                in("allow", 200, "Allow", "192.168.5.4", "5022")), new Flow(true, ip("192.168.5.4"), ip(SUBNET), 5022,
                5022));
        assertThat(denyFirst).isInstanceOf(Verdict.Unknown.class);
        assertThat(((Verdict.Unknown) denyFirst).uncertain()).extracting(SecurityRule::name).containsExactly(
                "deny-vnet");
        // an unknown service tag is named as such
        Verdict tag = gateway.evaluate(nsg(in("deny-sql", 100, "Deny", "Sql.WestEurope", "5022"),
                in("allow", 200, "Allow", "10.0.0.7", "5022")), new Flow(true, ip("10.0.0.7"), ip(SUBNET), 5022, 5022));
        assertThat(((Verdict.Unknown) tag).why()).contains("service tag Sql.WestEurope, which milink cannot resolve");
    }

    @Test
    void internetTagNeverHoldsAPrivateAddressButHoldsAPublicOne() {
        NetworkSecurityGroup g = nsg(in("deny-internet", 100, "Deny", "Internet", "*"),
                in("allow", 200, "Allow", "*", "5022"));
        assertThat(in(g, "10.1.0.4", 5022, 5022)).isInstanceOf(Verdict.Allowed.class);
        assertThat(in(g, "198.51.100.7", 5022, 5022)).isInstanceOf(Verdict.Denied.class);
    }

    @Test
    void azureLoadBalancerTagIsOnlyItsOwnAddress() {
        NetworkSecurityGroup g = nsg(in("allow-lb", 100, "Allow", "AzureLoadBalancer", "*"));
        assertThat(in(g, "168.63.129.16", 5022, 5022)).isInstanceOf(Verdict.Allowed.class);
        assertThat(in(g, "203.0.113.9", 5022, 5022)).isInstanceOf(Verdict.Denied.class);
    }

    @Test
    void anApplicationSecurityGroupNeverAllowsAndAMaybeDenyBeforeAnAllowIsUnknown() {
        SecurityRule asgDeny = new SecurityRule("deny-asg", 100, "Inbound", "Deny", "Tcp", List.of(), List.of("*"),
                List.of("*"), List.of("*"), List.of("/asg/sql-servers"), List.of());
        SecurityRule asgAllow = new SecurityRule("allow-asg", 100, "Inbound", "Allow", "Tcp", List.of(),
                List.of("*"), List.of("*"), List.of("5022"), List.of("/asg/sql-servers"), List.of());
        Verdict maybeDenied = in(nsg(asgDeny, in("allow", 200, "Allow", "10.1.0.4", "5022")), "10.1.0.4", 5022,
                5022);
        assertThat(maybeDenied).isInstanceOf(Verdict.Unknown.class);
        assertThat(((Verdict.Unknown) maybeDenied).why()).contains("'deny-asg'", "application security group");
        Verdict maybeAllowed = in(nsg(asgAllow), "203.0.113.9", 5022, 5022);
        assertThat(maybeAllowed).isInstanceOf(Verdict.Unknown.class);
        // a maybe-allow before an allow that decides anyway is still a sound pass
        assertThat(in(nsg(asgAllow, in("allow", 200, "Allow", "*", "5022")), "203.0.113.9", 5022, 5022))
                .isInstanceOf(Verdict.Allowed.class);
    }

    @Test
    void anUnresolvableServiceTagIsAMaybe() {
        Verdict v = in(nsg(in("allow-sql-tag", 100, "Allow", "Sql.WestEurope", "5022")), "203.0.113.9", 5022, 5022);
        assertThat(v).isInstanceOf(Verdict.Unknown.class);
    }

    @Test
    void portRangesAndListsSplitAndTogetherCoverTheHadrRange() {
        NetworkSecurityGroup split = nsg(in("low", 100, "Allow", "10.1.0.4", "11000-11499"),
                in("high", 110, "Allow", "10.1.0.4", "11500-11999"));
        assertThat(in(split, "10.1.0.4", 11000, 11999)).isInstanceOf(Verdict.Allowed.class);
        // a public address, so the default AllowVnetInBound surely does not hold it
        NetworkSecurityGroup gap = nsg(in("low", 100, "Allow", "203.0.113.9", "11000-11499", "11600-11999"));
        Verdict v = in(gap, "203.0.113.9", 11000, 11999);
        assertThat(v).isInstanceOf(Verdict.Denied.class);
        assertThat(v.flow().ports()).isEqualTo("11500-11599");
    }

    @Test
    void aDenyOnPartOfTheRangeDeniesThatPart() {
        NetworkSecurityGroup g = nsg(in("deny-11002", 100, "Deny", "*", "11002"),
                in("allow", 200, "Allow", "10.1.0.4", "11000-11999"));
        Verdict v = in(g, "10.1.0.4", 11000, 11999);
        assertThat(v).isInstanceOf(Verdict.Denied.class);
        assertThat(v.flow().ports()).isEqualTo("11002");
        assertThat(((Verdict.Denied) v).shadowedAllow()).map(SecurityRule::name).contains("allow");
    }

    @Test
    void prefixListsAndCidrContainment() {
        SecurityRule list = rule("allow", 100, "Inbound", "Allow", List.of("172.16.0.0/16", "10.1.0.0/25"),
                List.of(SUBNET), List.of("5022"));
        assertThat(in(nsg(list), "10.1.0.4", 5022, 5022)).isInstanceOf(Verdict.Allowed.class);
        assertThat(in(nsg(list), "10.1.0.200", 5022, 5022)).isInstanceOf(Verdict.Unknown.class); // VirtualNetwork
        // a /24 only half covered: the other half falls through to the default deny
        Verdict half = EVAL.evaluate(nsg(list), new Flow(true, ip("10.1.0.0/24"), ip(SUBNET), 5022, 5022));
        assertThat(half).isNotInstanceOf(Verdict.Allowed.class);
        SecurityRule two = rule("allow", 100, "Inbound", "Allow", List.of("10.1.0.0/25", "10.1.0.128/25"),
                List.of(SUBNET), List.of("5022"));
        assertThat(EVAL.evaluate(nsg(two), new Flow(true, ip("10.1.0.0/24"), ip(SUBNET), 5022, 5022)))
                .isInstanceOf(Verdict.Allowed.class);
    }

    @Test
    void aDestinationThatCoversOnlyPartOfTheSubnetIsPartial() {
        SecurityRule oneHost = rule("allow-one-node", 100, "Inbound", "Allow", List.of("*"), List.of("10.0.0.4"),
                List.of("5022"));
        Verdict v = in(nsg(oneHost, in("deny", 200, "Deny", "*", "*")), "10.1.0.4", 5022, 5022);
        assertThat(v).isInstanceOf(Verdict.Denied.class);
        assertThat(((Verdict.Denied) v).partly()).isTrue();
        assertThat(((Verdict.Denied) v).partialAllows()).extracting(SecurityRule::name)
                .containsExactly("allow-one-node");
    }

    @Test
    void protocolsOtherThanTcpDoNotMatchAndAnyDoes() {
        SecurityRule udpDeny = new SecurityRule("deny-udp", 100, "Inbound", "Deny", "Udp", List.of("*"),
                List.of("*"), List.of("*"), List.of("*"), List.of(), List.of());
        SecurityRule anyAllow = new SecurityRule("allow-any", 200, "Inbound", "Allow", "*", List.of("10.1.0.4"),
                List.of("*"), List.of("*"), List.of("5022"), List.of(), List.of());
        assertThat(in(nsg(udpDeny, anyAllow), "10.1.0.4", 5022, 5022)).isInstanceOf(Verdict.Allowed.class);
    }

    @Test
    void aSourcePortRestrictionCoversOnlyPartOfTheEphemeralPorts() {
        SecurityRule restricted = new SecurityRule("allow-src", 100, "Inbound", "Allow", "Tcp", List.of("*"),
                List.of("1024-2000"), List.of("*"), List.of("5022"), List.of(), List.of());
        Verdict v = in(nsg(restricted), "203.0.113.9", 5022, 5022);
        assertThat(v).isInstanceOf(Verdict.Denied.class);
        assertThat(((Verdict.Denied) v).partialAllows()).extracting(SecurityRule::name).containsExactly("allow-src");
    }

    @Test
    void outboundRulesAreSeparateFromInboundOnes() {
        SecurityRule inboundAllow = in("allow-in", 100, "Allow", "*", "5022");
        SecurityRule outDeny = rule("deny-out", 100, "Outbound", "Deny", List.of("*"), List.of("10.1.0.0/24"),
                List.of("5022"));
        assertThat(out(nsg(inboundAllow), "10.1.0.4", 5022)).isInstanceOf(Verdict.Unknown.class); // AllowVnetOutBound
        Verdict denied = out(nsg(inboundAllow, outDeny), "10.1.0.4", 5022);
        assertThat(denied).isInstanceOf(Verdict.Denied.class);
        assertThat(((Verdict.Denied) denied).rule().name()).isEqualTo("deny-out");
        assertThat(out(nsg(), "203.0.113.9", 5022)).isInstanceOf(Verdict.Allowed.class); // AllowInternetOutBound
    }

    @Test
    void ipv6FlowsDoNotMatchIpv4Rules() {
        NsgEvaluator v6 = new NsgEvaluator(List.of(ip("fd00::/64")));
        Verdict v = v6.evaluate(nsg(in("allow", 100, "Allow", "10.1.0.0/16", "5022")),
                new Flow(true, ip("2001:db8::4"), ip("fd00::/64"), 5022, 5022));
        assertThat(v).isInstanceOf(Verdict.Denied.class);
    }

    @Test
    void aRuleWithoutPortsOrPrefixesInTheFactsIsNeverReadAsAny() {
        SecurityRule noPorts = rule("allow-no-ports", 100, "Inbound", "Allow", List.of("*"), List.of("*"), List.of());
        SecurityRule noSource = rule("allow-no-source", 100, "Inbound", "Allow", List.of(), List.of("*"),
                List.of("5022"));
        assertThat(in(nsg(noPorts), "203.0.113.9", 5022, 5022)).isInstanceOf(Verdict.Unknown.class);
        assertThat(in(nsg(noSource), "203.0.113.9", 5022, 5022)).isInstanceOf(Verdict.Unknown.class);
    }

    @Test
    void ipRangesParseWithoutDnsAndIgnoreHostBits() {
        assertThat(IpRange.parse("sqlhost.contoso.local")).isEmpty();
        assertThat(IpRange.parse("10.0.0.5/24").orElseThrow().contains(ip("10.0.0.0/24"))).isTrue();
        assertThat(IpRange.parse("10.0.0.0/33")).isEmpty();
        assertThat(ip("10.1.0.4").isPrivate()).isTrue();
        assertThat(ip("8.8.8.8").isPrivate()).isFalse();
    }
}
