// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.rules;

import dev.milink.network.probe.PortRange;
import java.util.List;

/**
 * One allow rule on one layer, in that layer's terms.
 *
 * @param name        stable rule name (NSG rule name, firewall rule name), prefixed {@code milink-}
 * @param layer       where the rule goes
 * @param inbound     true for inbound on that layer, false for outbound
 * @param source      source ranges
 * @param destination destination ranges
 * @param ports       destination TCP ports
 * @param purpose     one line for humans
 */
public record Rule(String name, Layer layer, boolean inbound, List<Cidr> source, List<Cidr> destination,
                   List<PortRange> ports, String purpose) {

    public Rule {
        source = List.copyOf(source);
        destination = List.copyOf(destination);
        ports = List.copyOf(ports);
    }

    /** The ranges at the far end, seen from the layer's host. */
    public List<Cidr> remote() {
        return inbound ? source : destination;
    }

    public String directionWord() {
        return inbound ? "Inbound" : "Outbound";
    }

    /** Where a rule lives. */
    public enum Layer {
        MI_NSG("Managed instance subnet NSG"),
        SQL_HOST("SQL Server host firewall");

        private final String label;

        Layer(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
