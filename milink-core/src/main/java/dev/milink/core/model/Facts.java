// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.model;

import java.util.Objects;

/**
 * The input of every check: what was collected about one link's SQL Server side (and, later, its managed
 * instance and network). Checks read only this.
 *
 * @param server the SQL Server instance
 * @since 0.1
 */
public record Facts(ServerFacts server) {
    public Facts {
        Objects.requireNonNull(server, "server");
    }
}
