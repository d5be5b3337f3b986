// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import java.util.Objects;

/**
 * The names of one database's link, following the documentation's convention: {@code AG_<db>} on SQL Server,
 * {@code AG_<db>_MI} on the managed instance, and the DAG (the link's name) {@code DAG_<db>} unless given.
 *
 * @since 0.3
 */
public record LinkNames(String database, String linkName, String sqlAvailabilityGroup, String miAvailabilityGroup) {

    public LinkNames {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(linkName, "linkName");
        Objects.requireNonNull(sqlAvailabilityGroup, "sqlAvailabilityGroup");
        Objects.requireNonNull(miAvailabilityGroup, "miAvailabilityGroup");
    }

    /**
     * The default names for {@code database}; {@code linkName} when given names the link of a single database,
     * and is the prefix {@code <linkName>_<db>} when the link carries several.
     */
    public static LinkNames of(String database, String linkName, boolean several) {
        String dag = linkName == null || linkName.isBlank() ? "DAG_" + database
                : several ? linkName + "_" + database : linkName;
        return new LinkNames(database, dag, "AG_" + database, "AG_" + database + "_MI");
    }
}
