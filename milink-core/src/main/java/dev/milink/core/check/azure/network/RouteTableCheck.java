// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure.network;

import dev.milink.core.check.Area;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Part;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Severity;
import dev.milink.core.check.azure.support.AzureMeta;
import dev.milink.core.check.azure.support.MiFacts;
import dev.milink.core.check.azure.support.MiPartCheck;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ManagedInstanceFacts.Route;
import dev.milink.core.model.ManagedInstanceFacts.RouteTable;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * MIL-N1: the route table on the managed instance's subnet, reported for the network team: where traffic to SQL
 * Server leaves the subnet (a virtual appliance, a gateway, the internet). A note, never a failure.
 */
public final class RouteTableCheck extends MiPartCheck<Optional<RouteTable>> {

    public static final CheckMetadata META = AzureMeta.of("N1", "Routes from the managed instance's subnet (for "
            + "the network team)", Area.NETWORK, Severity.INFO, AzureMeta.BOTH, false, AzureMeta.CONNECTIVITY, """
                    The link needs a path between the two ends: the same virtual network, peering, a VPN or \
                    ExpressRoute. A user-defined route on the managed instance's subnet can send the link's \
                    traffic through a firewall appliance, which must then allow TCP 5022 and 11000-11999 too. \
                    Lists the routes of the route table on the subnet with their next hops, marking those whose \
                    prefix holds a SQL Server address (--sql-address). Effective routes (peering, gateway, BGP) \
                    are not read; the network test (milink network test) proves the path.""",
            Part.MANAGED_INSTANCE);

    public RouteTableCheck() {
        super(META, "the subnet's route table", ManagedInstanceFacts::routeTable);
    }

    @Override
    protected Finding judge(Facts facts, ManagedInstanceFacts mi, Optional<RouteTable> table, Finding.Builder finding) {
        if (table.isEmpty()) {
            return finding.info("No route table is attached to the managed instance's subnet: traffic "
                    + "to SQL Server follows the system routes (virtual network, peering, gateway).",
                    Evidence.of("no route table", "a path to SQL Server"), Remediation.NONE);
        }
        List<IpRange> sql = facts.link().sqlServerAddresses().stream().flatMap(a -> IpRange.parse(a).stream())
                .toList();
        String routes = table.get().routes().isEmpty() ? "no routes" : table.get().routes().stream()
                .map(r -> describe(r, sql)).collect(Collectors.joining("; "));
        return finding.info("Route table '" + MiFacts.lastSegment(table.get().id()) + "' on the managed "
                        + "instance's subnet: " + routes + ". Any firewall a route leads through must allow the "
                        + "link's ports.", Evidence.of(routes, "a path to SQL Server"), Remediation.NONE);
    }

    private static String describe(Route r, List<IpRange> sql) {
        String hop = r.nextHopType() + (r.nextHopIpAddress() == null || r.nextHopIpAddress().isBlank() ? ""
                : " " + r.nextHopIpAddress());
        boolean carriesSql = IpRange.parse(r.addressPrefix())
                .map(p -> sql.stream().anyMatch(p::overlaps)).orElse(false);
        return r.name() + " " + r.addressPrefix() + " -> " + hop + (carriesSql ? " (SQL Server traffic)" : "");
    }
}
