// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.probe;

/** What a TCP connect attempt showed about the path to an endpoint. */
public enum ProbeOutcome {
    /** The TCP handshake completed: something listens and nothing in the path dropped the SYN. */
    OPEN("TCP reachable"),
    /** The host answered with a reset: the path works, but nothing listens on the port. */
    REFUSED("refused (nothing listening)"),
    /** No answer before the timeout: a firewall or NSG most likely drops the traffic. */
    FILTERED("filtered (no answer before the timeout)"),
    /** The name did not resolve. */
    DNS_FAILURE("name did not resolve"),
    /** The network stack reported no route to the host or network. */
    UNREACHABLE("no route to host");

    private final String description;

    ProbeOutcome(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
