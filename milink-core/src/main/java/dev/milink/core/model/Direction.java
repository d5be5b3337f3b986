// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.model;

import java.util.Locale;

/**
 * Which side is the link's initial primary.
 *
 * @since 0.1
 */
public enum Direction {
    /** SQL Server is the initial primary; data flows to the managed instance (migration, DR in Azure). */
    SQL_TO_MI("SQL Server → MI"),
    /** The managed instance is the initial primary, or a failback to SQL Server is planned. */
    MI_TO_SQL("MI → SQL Server");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    /** The name {@code --direction} takes: the constant's name in lower case with dashes ({@code sql-to-mi}). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String label() {
        return label;
    }

    public static Direction fromCliName(String name) {
        for (Direction d : values()) {
            if (d.cliName().equalsIgnoreCase(name) || d.name().equalsIgnoreCase(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown direction '" + name + "' (expected sql-to-mi or mi-to-sql)");
    }
}
