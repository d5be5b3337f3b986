// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

/**
 * A part of the link's facts a check reads. When a part a check needs was not given, the engine reports the check
 * SKIPPED with the reason; when it could not be read, UNKNOWN; the check itself is not called.
 *
 * @since 0.2
 */
public enum Part {
    /** The SQL Server end ({@code Facts.server()}); always present. */
    SQL_SERVER,
    /** The managed-instance end read from Azure ({@code Facts.managedInstance()}). */
    MANAGED_INSTANCE,
    /** The network test's results ({@code Facts.network()}). */
    NETWORK
}
