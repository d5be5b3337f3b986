// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.test;

import java.sql.Connection;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One server of the test and how to connect to it.
 *
 * @param host      the host milink connects to (for messages and the same-host check)
 * @param endpoint  host and port for messages, e.g. {@code sql01:1433}
 * @param connector opens a new signed-in connection; throws {@link dev.milink.core.error.MilinkException} on failure
 * @since 0.1
 */
public record TestTarget(String host, String endpoint, Supplier<Connection> connector) {
    public TestTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(connector, "connector");
    }
}
