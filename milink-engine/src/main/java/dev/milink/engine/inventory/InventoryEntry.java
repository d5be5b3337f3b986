// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.inventory;

import dev.milink.core.model.Direction;
import dev.milink.sqlserver.connect.SqlTarget;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One row of an inventory: a SQL Server instance and what to assess on it.
 *
 * @param target          the SQL Server instance
 * @param managedInstance the link's managed instance (an ARM resource id), when the row names one
 * @param databases       the databases to assess; empty = every user database (or the run's {@code --database})
 * @param direction       the link's direction, when the row gives one (else the run's {@code --direction})
 * @param tags            labels {@code --tag} selects on, lower case
 * @param credential      how to sign in, by reference; {@link CredentialRef#NONE} = the run's sign-in
 * @param origin          where the row came from, {@code inventory.csv:12} or {@code cms://cms01/Prod}
 * @since 0.2
 */
public record InventoryEntry(SqlTarget target, Optional<String> managedInstance, List<String> databases,
                             Optional<Direction> direction, Set<String> tags, CredentialRef credential,
                             String origin) {

    public InventoryEntry {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(managedInstance, "managedInstance");
        databases = List.copyOf(databases);
        Objects.requireNonNull(direction, "direction");
        tags = Set.copyOf(tags.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList());
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(origin, "origin");
    }

    /** A target with nothing else said about it. */
    public static InventoryEntry of(SqlTarget target, String origin) {
        return new InventoryEntry(target, Optional.empty(), List.of(), Optional.empty(), Set.of(),
                CredentialRef.NONE, origin);
    }

    /**
     * The identity duplicates are found by: host and instance name case-insensitive, and the port as the driver
     * would use it (a default instance without a port is port 1433; a named instance without one asks SQL Browser).
     */
    public String key() {
        Integer port = target.port() != null ? target.port()
                : target.instanceName() == null ? SqlTarget.DEFAULT_PORT : null;
        return target.host().toLowerCase(Locale.ROOT) + "\\"
                + (target.instanceName() == null ? "" : target.instanceName().toLowerCase(Locale.ROOT))
                + "," + (port == null ? "browser" : port);
    }
}
