// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure.network;

import dev.milink.core.check.azure.support.MiFacts;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ManagedInstanceFacts.Peering;
import dev.milink.core.model.ManagedInstanceFacts.Route;
import dev.milink.core.model.ManagedInstanceFacts.RouteTable;
import dev.milink.core.model.ManagedInstanceFacts.VirtualNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the NSG service tag {@code VirtualNetwork} stands for on the managed instance's subnet, as far as ARM
 * shows it. Azure puts in it the virtual network's address space, the address spaces of connected peerings, the
 * prefixes of the subnet's user-defined routes, and the on-premises ranges a VPN or ExpressRoute gateway (its own,
 * a peer's through {@code useRemoteGateways}, or a route server) learns. Those learned ranges cannot be read
 * through ARM for a managed instance subnet, so when a gateway may exist the tag is incomplete and an address
 * outside {@link #known()} may or may not be in it.
 *
 * @param known       ranges certainly in the tag
 * @param incomplete  why other ranges may be in it too; empty when {@link #known()} is all of it
 */
public record VirtualNetworkTag(List<IpRange> known, List<String> incomplete) {

    public VirtualNetworkTag {
        known = List.copyOf(known);
        incomplete = List.copyOf(incomplete);
    }

    /** Only {@code known} is in the tag. */
    public static VirtualNetworkTag complete(List<IpRange> known) {
        return new VirtualNetworkTag(known, List.of());
    }

    /** {@code known} is in the tag, and more may be, for the reason {@code why}. */
    public static VirtualNetworkTag partial(List<IpRange> known, String why) {
        return new VirtualNetworkTag(known, List.of(why));
    }

    public boolean isComplete() {
        return incomplete.isEmpty();
    }

    /** Why addresses outside the known space may be in the tag: one sentence, without a final period. */
    public String why() {
        return String.join("; ", incomplete);
    }

    /** The tag of the MI subnet: its virtual network, connected peerings, user-defined routes and gateways. */
    public static VirtualNetworkTag of(ManagedInstanceFacts mi, List<IpRange> subnet) {
        List<IpRange> known = new ArrayList<>(subnet);
        List<String> open = new ArrayList<>();
        if (!(mi.virtualNetwork() instanceof Fact.Known<VirtualNetwork> k)) {
            open.add("only the subnet's own prefixes are known to be in VirtualNetwork, because the virtual network "
                    + "could not be read: " + trimmed(mi.virtualNetwork().reason()));
            return new VirtualNetworkTag(known, open);
        }
        VirtualNetwork vnet = k.value();
        addAll(known, vnet.addressPrefixes());
        for (Peering p : vnet.peerings()) {
            if (p.connected()) {
                addAll(known, p.remoteAddressPrefixes());
            }
            if (p.connected() && p.useRemoteGateways()) {
                open.add("peering '" + p.name() + "' uses the gateway of " + named(p.remoteNetworkId())
                        + ", whose on-premises ranges are in VirtualNetwork and cannot be read through ARM");
            }
        }
        for (String s : vnet.subnetNames()) {
            if (s.equalsIgnoreCase("GatewaySubnet") || s.equalsIgnoreCase("RouteServerSubnet")) {
                open.add("virtual network " + named(vnet.id()) + " has a " + s + " (a "
                        + (s.equalsIgnoreCase("GatewaySubnet") ? "VPN or ExpressRoute gateway" : "route server")
                        + "): the on-premises ranges it learns are in VirtualNetwork and cannot be read through ARM");
            }
        }
        if (mi.routeTable() instanceof Fact.Known<Optional<RouteTable>> rt) {
            rt.value().ifPresent(t -> addAll(known, t.routes().stream().map(Route::addressPrefix).toList()));
        } else {
            open.add("the subnet's route table, whose route prefixes are in VirtualNetwork, could not be read: "
                    + trimmed(mi.routeTable().reason()));
        }
        return new VirtualNetworkTag(known, open);
    }

    /** Adds the prefixes that are addresses (a route's prefix may be a service tag such as AzureCloud.westeurope). */
    private static void addAll(List<IpRange> into, List<String> prefixes) {
        for (String p : prefixes) {
            IpRange.parse(p == null ? "" : p.trim()).filter(r -> !into.contains(r)).ifPresent(into::add);
        }
    }

    private static String trimmed(String reason) {
        String r = reason == null ? "" : reason.strip();
        return r.endsWith(".") ? r.substring(0, r.length() - 1) : r;
    }

    /** "'name'" of a resource id. */
    private static String named(String id) {
        return id == null || id.isBlank() ? "the peered network" : "'" + MiFacts.lastSegment(id) + "'";
    }
}
