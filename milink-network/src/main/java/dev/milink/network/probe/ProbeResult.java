// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.probe;

import java.time.Duration;

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
}
