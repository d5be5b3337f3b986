// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user says about the link itself, as opposed to what was read from its ends.
 *
 * @param direction            which end is the initial primary
 * @param databases            the databases the link carries; empty means every user database
 * @param managedInstanceFqdn  the MI's host name when given ({@code --mi-fqdn}) or read from Azure
 * @param sqlServerAddresses   the SQL Server side's addresses or CIDR ranges as the MI sees them (NSG and overlap
 *                             checks); empty when not given
 * @param linkName             the distributed availability group's name, when given
 * @since 0.2
 */
public record LinkSettings(Direction direction, List<String> databases, Optional<String> managedInstanceFqdn,
                           List<String> sqlServerAddresses, Optional<String> linkName) {

    public LinkSettings {
        Objects.requireNonNull(direction, "direction");
        databases = List.copyOf(databases);
        Objects.requireNonNull(managedInstanceFqdn, "managedInstanceFqdn");
        sqlServerAddresses = List.copyOf(sqlServerAddresses);
        Objects.requireNonNull(linkName, "linkName");
    }

    /** A link in {@code direction} over every user database, nothing else named. */
    public static LinkSettings of(Direction direction) {
        return new LinkSettings(direction, List.of(), Optional.empty(), List.of(), Optional.empty());
    }

    public LinkSettings withDirection(Direction d) {
        return new LinkSettings(d, databases, managedInstanceFqdn, sqlServerAddresses, linkName);
    }

    public LinkSettings withDatabases(List<String> names) {
        return new LinkSettings(direction, names, managedInstanceFqdn, sqlServerAddresses, linkName);
    }

    public LinkSettings withManagedInstanceFqdn(String fqdn) {
        return new LinkSettings(direction, databases, Optional.ofNullable(fqdn), sqlServerAddresses, linkName);
    }

    public LinkSettings withSqlServerAddresses(List<String> addresses) {
        return new LinkSettings(direction, databases, managedInstanceFqdn, addresses, linkName);
    }

    public LinkSettings withLinkName(String name) {
        return new LinkSettings(direction, databases, managedInstanceFqdn, sqlServerAddresses,
                Optional.ofNullable(name));
    }
}
