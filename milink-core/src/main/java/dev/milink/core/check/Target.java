// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

/**
 * What a finding is about: an instance, or one database on it.
 *
 * @param instance as the user named it
 * @param database null for instance-level findings
 */
public record Target(String instance, String database) {
    public static Target instance(String instance) {
        return new Target(instance, null);
    }

    public static Target database(String instance, String database) {
        return new Target(instance, database);
    }

    public boolean isDatabase() {
        return database != null;
    }

    @Override
    public String toString() {
        return database == null ? instance : instance + " / " + database;
    }
}
