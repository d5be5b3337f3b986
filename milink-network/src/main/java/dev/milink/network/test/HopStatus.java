// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.test;

/** What the network test showed for one hop. */
public enum HopStatus {
    /** The TCP handshake completed (and, when the MI subnet is known, to an address inside it). */
    REACHABLE("TCP reachable"),
    /** Reached, but at an address outside the managed instance subnet: the name resolves to another endpoint. */
    WRONG_ADDRESS("reached an address outside the managed instance subnet"),
    /** The far host answered with a reset: the path works, nothing listens on the port. */
    REFUSED("refused (nothing listening)"),
    /** No answer before the timeout: a firewall or NSG most likely drops the traffic. */
    FILTERED("filtered (no answer before the timeout)"),
    /** Test-NetConnection reported failure; it does not tell a refused port from a filtered one. */
    NOT_REACHABLE("TCP connect failed (refused or filtered; Test-NetConnection does not tell them apart)"),
    /** The name did not resolve where the probe ran. */
    DNS_FAILURE("name did not resolve"),
    /** The network stack had no route. */
    UNREACHABLE("no route to host"),
    /** The hop could not be tested from where it matters; the report says how to prove it. */
    NOT_PROVEN("not proven"),
    /** The test of this hop failed to run (permission, Agent, a statement error). */
    ERROR("could not test");

    private final String description;

    HopStatus(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** True when the hop is known not to work for the link. */
    public boolean blocked() {
        return switch (this) {
            case REACHABLE, NOT_PROVEN, ERROR -> false;
            case WRONG_ADDRESS, REFUSED, FILTERED, NOT_REACHABLE, DNS_FAILURE, UNREACHABLE -> true;
        };
    }
}
