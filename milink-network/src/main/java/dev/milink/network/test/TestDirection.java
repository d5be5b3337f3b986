// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.test;

/** Who opens the connection. Both directions must work before the link is created (spec §2). */
public enum TestDirection {
    SQL_TO_MI("SQL Server -> managed instance"),
    MI_TO_SQL("Managed instance -> SQL Server");

    private final String label;

    TestDirection(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
