// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.buildref;

/**
 * What a minimum build is needed for.
 *
 * @since 0.1
 */
public enum LinkPurpose {
    /** Creating (and running) the link at all. */
    CREATE_LINK,
    /** Failing over with T-SQL ({@code ALTER AVAILABILITY GROUP … FAILOVER}) instead of the portal or PowerShell. */
    TSQL_FAILOVER
}
