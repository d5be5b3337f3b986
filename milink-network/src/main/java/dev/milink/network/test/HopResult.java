// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.test;

import java.util.List;

/**
 * The result of testing one hop of the link.
 *
 * @param direction     who opens the connection
 * @param purpose       what the hop is for, one line
 * @param host          the name or address probed
 * @param port          the TCP port probed
 * @param method        where the probe ran
 * @param status        what it showed
 * @param remoteAddress the address the name resolved to, when known
 * @param detail        the probe's own words (Test-NetConnection output, the OS error), never a secret
 * @param advice        what to do, one item per line (rules to add, commands to run); empty when reachable
 * @since 0.1
 */
public record HopResult(TestDirection direction, String purpose, String host, int port, TestMethod method,
                        HopStatus status, String remoteAddress, String detail, List<String> advice) {

    public HopResult {
        advice = List.copyOf(advice);
    }

    /** {@code host:port}, brackets around IPv6 literals. */
    public String endpoint() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
