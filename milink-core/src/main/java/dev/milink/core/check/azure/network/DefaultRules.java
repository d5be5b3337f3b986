// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure.network;

import dev.milink.core.model.ManagedInstanceFacts.SecurityRule;
import java.util.List;

/** The default rules Azure puts at the end of every NSG, for NSG facts that do not list them. */
final class DefaultRules {

    static final List<SecurityRule> ALL = List.of(
            rule("AllowVnetInBound", 65000, "Inbound", "Allow", "VirtualNetwork", "VirtualNetwork"),
            rule("AllowAzureLoadBalancerInBound", 65001, "Inbound", "Allow", "AzureLoadBalancer", "*"),
            rule("DenyAllInBound", 65500, "Inbound", "Deny", "*", "*"),
            rule("AllowVnetOutBound", 65000, "Outbound", "Allow", "VirtualNetwork", "VirtualNetwork"),
            rule("AllowInternetOutBound", 65001, "Outbound", "Allow", "*", "Internet"),
            rule("DenyAllOutBound", 65500, "Outbound", "Deny", "*", "*"));

    private DefaultRules() {
    }

    private static SecurityRule rule(String name, int priority, String direction, String access, String source,
                                     String destination) {
        return new SecurityRule(name, priority, direction, access, "*", List.of(source), List.of("*"),
                List.of(destination), List.of("*"), List.of(), List.of());
    }
}
