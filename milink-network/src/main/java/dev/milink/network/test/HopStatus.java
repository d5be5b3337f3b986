// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.test;

/** What the network test showed for one hop. */
public enum HopStatus {
    /** The TCP handshake completed (and, when the MI subnet is known, to an address inside it). */
    REACHABLE("TCP reachable", false),
    /** Reached, but at an address outside the managed instance subnet: the name resolves to another endpoint. */
    WRONG_ADDRESS("reached an address outside the managed instance subnet", true),
    /** The far host answered with a reset: the path works, nothing listens on the port. */
    REFUSED("refused (nothing listening)", true),
    /** No answer before the timeout: a firewall or NSG most likely drops the traffic. */
    FILTERED("filtered (no answer before the timeout)", true),
    /** Test-NetConnection reported failure; it does not tell a refused port from a filtered one. */
    NOT_REACHABLE("TCP connect failed (refused or filtered; Test-NetConnection does not tell them apart)", true),
    /** The name did not resolve where the probe ran. */
    DNS_FAILURE("name did not resolve", true),
    /** The network stack had no route. */
    UNREACHABLE("no route to host", true),
    /** The hop could not be tested from where it matters; the report says how to prove it. */
    NOT_PROVEN("not proven", false),
    /** The test of this hop failed to run (permission, Agent, a statement error). */
    ERROR("could not test", false);

    private final String description;
    private final boolean blocked;

    HopStatus(String description, boolean blocked) {
        this.description = description;
        this.blocked = blocked;
    }

    public String description() {
        return description;
    }

    /** True when the hop is known not to work for the link. */
    public boolean blocked() {
        return blocked;
    }
}
