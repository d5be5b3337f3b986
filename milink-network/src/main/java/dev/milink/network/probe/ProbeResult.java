// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.probe;

import dev.milink.core.assess.Verdict;
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

    /**
     * The verdict of a probe run, whose {@link Verdict#exitStatus()} is its exit status by the one rule: NOT_READY
     * (1) when a target did not connect, INCOMPLETE (5) when every one did but the open results cannot be trusted (a
     * middlebox answered the control probe), else READY (0).
     *
     * @param trusted false when the control probe showed something on the path accepting every connection
     */
    public static Verdict verdict(List<ProbeResult> results, boolean trusted) {
        if (!results.stream().allMatch(ProbeResult::reachable)) {
            return Verdict.NOT_READY;
        }
        return trusted ? Verdict.READY : Verdict.INCOMPLETE;
    }
}
