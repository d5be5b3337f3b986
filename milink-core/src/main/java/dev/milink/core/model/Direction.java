// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.model;

/**
 * Which side is the link's initial primary.
 *
 * @since 0.1
 */
public enum Direction {
    /** SQL Server is the initial primary; data flows to the managed instance (migration, DR in Azure). */
    SQL_TO_MI("sql-to-mi", "SQL Server → MI"),
    /** The managed instance is the initial primary, or a failback to SQL Server is planned. */
    MI_TO_SQL("mi-to-sql", "MI → SQL Server");

    private final String cliName;
    private final String label;

    Direction(String cliName, String label) {
        this.cliName = cliName;
        this.label = label;
    }

    public String cliName() {
        return cliName;
    }

    public String label() {
        return label;
    }

    public static Direction fromCliName(String name) {
        for (Direction d : values()) {
            if (d.cliName.equalsIgnoreCase(name) || d.name().equalsIgnoreCase(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown direction '" + name + "' (expected sql-to-mi or mi-to-sql)");
    }
}
