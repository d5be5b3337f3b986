// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.probe;

import dev.milink.core.model.NetworkFacts;
import java.time.Duration;
import java.util.List;

/**
 * The result of probing one endpoint.
 *
 * @param target  what was probed
 * @param outcome classification
 * @param address the IP address that was tried, or null when the name did not resolve
 * @param elapsed how long the attempt took
 * @param detail  the operating system's words, for the report (never a secret)
 */
public record ProbeResult(ProbeTarget target, ProbeOutcome outcome, String address, Duration elapsed, String detail) {

    public boolean reachable() {
        return outcome == ProbeOutcome.OPEN;
    }

    /** This probe as a path of the network facts: from this machine, which proves nothing about the link's ends. */
    public NetworkFacts.PathResult path(String purpose) {
        NetworkFacts.Outcome o = outcome == ProbeOutcome.OPEN ? NetworkFacts.Outcome.REACHABLE
                : NetworkFacts.Outcome.valueOf(outcome.name());
        return new NetworkFacts.PathResult(NetworkFacts.PathDirection.FROM_HERE, purpose, target.host(),
                target.port(), "TCP connect from this machine", o, outcome.description(), address, detail, List.of());
    }
}
