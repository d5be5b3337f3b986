// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.probe;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * An opt-in control probe for OPEN results: the same port on an address that must never answer (203.0.113.1, from the
 * documentation-only range TEST-NET-3 of RFC 5737). If that connects, something on this machine's path (a
 * transparent proxy, a TCP-terminating firewall) completes every handshake itself, and OPEN proves nothing about
 * the far end. Loopback results need no control: nothing sits between a process and its own loopback.
 *
 * <pre>{@code
 * Optional<String> why = ControlProbe.check(results, Duration.ofSeconds(1));
 * why.ifPresent(w -> report.warn(w));
 * }</pre>
 *
 * @since 0.1
 */
public final class ControlProbe {

    /** RFC 5737 TEST-NET-3: reserved for documentation, never routed to a real host. */
    public static final String ADDRESS = "203.0.113.1";

    private ControlProbe() {
    }

    /**
     * Probes the control address on the port of the first OPEN, non-loopback result.
     *
     * @return a sentence explaining why the OPEN results cannot be trusted, or empty when they can (or there is
     *     nothing to control)
     */
    public static Optional<String> check(Collection<ProbeResult> results, Duration timeout) {
        Optional<ProbeResult> open = results.stream().filter(ControlProbe::needsControl).findFirst();
        if (open.isEmpty() || isLocal(ADDRESS)) {
            return Optional.empty();
        }
        int port = open.get().target().port();
        ProbeResult control = new TcpProber(timeout).probe(new ProbeTarget(ADDRESS, port));
        if (control.outcome() != ProbeOutcome.OPEN) {
            return Optional.empty();
        }
        return Optional.of("a TCP connection to " + ADDRESS + ":" + port + " succeeded, but that address is"
                + " reserved for documentation and never answers: something on this machine's path (a transparent"
                + " proxy or TCP-terminating firewall) accepts every connection itself, so OPEN results from here"
                + " prove nothing about the far end");
    }

    /** An OPEN result to a non-loopback address: something on the path could have answered for the far end. */
    public static boolean needsControl(ProbeResult r) {
        return r.outcome() == ProbeOutcome.OPEN && !isLoopback(r.address());
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isLocal(String address) {
        try {
            return NetworkInterface.getByInetAddress(InetAddress.getByName(address)) != null;
        } catch (UnknownHostException | SocketException e) {
            return false;
        }
    }
}
