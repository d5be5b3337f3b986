// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.buildref;

/**
 * What kind of release a known SQL Server build is.
 *
 * @since 0.1
 */
public enum BuildKind {
    /** The first generally available build of a major version. */
    RTM,
    /** A service pack (SQL Server 2016 and older). */
    SP,
    /** A cumulative update. */
    CU,
    /** A security or critical-fix update (general distribution release) on RTM, an SP or a CU. */
    GDR,
    /** An Azure Connect pack, which SQL Server 2016 and 2017 need for the Managed Instance link. */
    AZURE_CONNECT;

    /** Whether the build starts a servicing level (RTM, SP, CU, Azure Connect pack) rather than patching one. */
    public boolean isServicingLevel() {
        return this != GDR;
    }
}
