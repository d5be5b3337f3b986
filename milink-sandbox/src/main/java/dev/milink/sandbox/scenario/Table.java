// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

/** A user table, only as far as sys.tables shows it. */
public final class Table {
    public String name;
    public String schema = "dbo";
    public boolean filetable;
    public boolean memoryOptimized;
}
