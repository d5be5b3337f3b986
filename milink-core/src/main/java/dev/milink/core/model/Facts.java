// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.model;

import java.util.Objects;

/**
 * The input of every check: one link. Its SQL Server end, its managed-instance end, what the network test showed
 * between them, and the link's own settings. Checks read only this; a part that was not given or could not be read
 * says why ({@link Input}), and the engine turns that into SKIPPED or UNKNOWN for the checks that need it.
 *
 * @param server          the SQL Server instance
 * @param managedInstance the managed instance as read from Azure Resource Manager (or saved {@code az} output)
 * @param network         results of the network test and probes
 * @param link            direction, databases, names
 * @since 0.1
 */
public record Facts(ServerFacts server, Input<ManagedInstanceFacts> managedInstance, Input<NetworkFacts> network,
                    LinkSettings link) {

    /** Why the MI end is empty when nobody named one. */
    public static final String NO_MANAGED_INSTANCE = "No managed instance was given (--mi RESOURCE-ID or --mi-facts"
            + " FILE…), so its side was not read.";
    /** Why the network part is empty when no test ran. */
    public static final String NO_NETWORK_TEST = "The network was not tested in this run ('milink network test'"
            + " proves both directions).";

    public Facts {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(managedInstance, "managedInstance");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(link, "link");
    }

    /** The SQL Server end alone, in {@code direction}, over every user database. */
    public static Facts of(ServerFacts server, Direction direction) {
        return of(server, LinkSettings.of(direction));
    }

    /** The SQL Server end alone with the given link settings; the MI end and the network are not given. */
    public static Facts of(ServerFacts server, LinkSettings link) {
        return new Facts(server, Input.notGiven(NO_MANAGED_INSTANCE), Input.notGiven(NO_NETWORK_TEST), link);
    }

    public Facts withManagedInstance(Input<ManagedInstanceFacts> mi) {
        return new Facts(server, mi, network, link);
    }

    public Facts withNetwork(Input<NetworkFacts> net) {
        return new Facts(server, managedInstance, net, link);
    }

    public Facts withLink(LinkSettings settings) {
        return new Facts(server, managedInstance, network, settings);
    }

    /** Shorthand for {@code link().direction()}. */
    public Direction direction() {
        return link.direction();
    }
}
