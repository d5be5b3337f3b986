// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.engine;

/** A result column as SQL Server describes it: name (may be empty), type and nullability. */
public record Column(String name, SqlType type, boolean nullable) {
    public static Column of(String name, SqlType type) { return new Column(name, type, true); }
}
