// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.rules;

import dev.milink.network.probe.PortRange;

/**
 * One TCP flow the link needs: who opens the connection, from where, to where, on which ports.
 *
 * @param initiator  the side that opens the connection
 * @param source     source address ranges, comma-separated CIDRs
 * @param destination destination address ranges, comma-separated CIDRs
 * @param ports      destination ports
 * @param purpose    one line for humans
 */
public record Flow(Side initiator, String source, String destination, PortRange ports, String purpose) {

    /** The two ends of the link. */
    public enum Side {
        SQL_SERVER("SQL Server"),
        MANAGED_INSTANCE("Managed instance");

        private final String label;

        Side(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
