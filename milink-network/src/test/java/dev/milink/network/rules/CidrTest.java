// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void parsesNetworksAndSingleHosts() {
        assertThat(Cidr.parse("10.0.0.0/24")).hasToString("10.0.0.0/24");
        assertThat(Cidr.parse(" 192.0.2.10 ")).hasToString("192.0.2.10/32");
        assertThat(Cidr.parse("fd00:1::/64").isIpv4()).isFalse();
        assertThat(Cidr.parse("2001:db8::10")).hasToString("2001:db8::10/128");
        assertThat(Cidr.parse("2001:db8:0:1:0:0:0:0/64")).hasToString("2001:db8:0:1::/64");
        assertThat(Cidr.parse("::1")).hasToString("::1/128");
        assertThat(Cidr.parse("10.0.0.0/24").size()).isEqualTo(BigInteger.valueOf(256));
    }

    @Test
    void rejectsHostBitsWithTheLikelyIntendedNetwork() {
        assertThatThrownBy(() -> Cidr.parse("10.0.0.1/24")).hasMessageContaining("did you mean 10.0.0.0/24");
    }

    @Test
    void rejectsNamesAndGarbageWithoutDnsLookups() {
        assertThatThrownBy(() -> Cidr.parse("sql01.contoso.local")).hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("/33");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/x")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> Cidr.parse("300.1.1.1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void detectsOverlapInBothDirectionsAndNotAcrossFamilies() {
        Cidr mi = Cidr.parse("10.0.0.0/24");
        assertThat(mi.overlaps(Cidr.parse("10.0.0.128/25"))).isTrue();
        assertThat(Cidr.parse("10.0.0.0/16").overlaps(mi)).isTrue();
        assertThat(mi.overlaps(Cidr.parse("10.0.1.0/24"))).isFalse();
        assertThat(mi.overlaps(Cidr.parse("fd00::/8"))).isFalse();
    }

    @Test
    void linkNetworkReportsOverlapsAndNeedsBothDirections() {
        LinkNetwork n = new LinkNetwork(List.of(Cidr.parse("10.0.0.7"), Cidr.parse("192.0.2.0/28")),
                Cidr.parse("10.0.0.0/24"), 5022);
        assertThat(n.overlaps()).containsExactly("10.0.0.7/32 overlaps the managed instance subnet 10.0.0.0/24");
        assertThat(n.flows()).extracting(f -> f.initiator() + " " + f.ports())
                .containsExactly("SQL_SERVER 5022", "SQL_SERVER 11000-11999", "MANAGED_INSTANCE 5022");
        assertThatThrownBy(() -> new LinkNetwork(List.of(), Cidr.parse("10.0.0.0/24"), 5022))
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> new LinkNetwork(List.of(Cidr.parse("2001:db8::10")), Cidr.parse("10.0.0.0/24"), 5022))
                .hasMessageContaining("different address families");
    }
}
