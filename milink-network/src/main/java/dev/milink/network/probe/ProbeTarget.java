// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.probe;

import java.util.Objects;

/** A TCP endpoint to probe: a DNS name or IP literal, and a port. */
public record ProbeTarget(String host, int port) {
    public ProbeTarget {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range 1-65535: " + port);
        }
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
