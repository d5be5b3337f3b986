// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.test;

import dev.milink.network.probe.PortRange;
import dev.milink.network.rules.Cidr;
import dev.milink.network.rules.LinkNetwork;
import dev.milink.network.rules.Rule;
import dev.milink.network.rules.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The remedy for a blocked hop: the allow rules of {@link RuleSet} that the hop needs, spelled out with real
 * addresses when the SQL Server range and the MI subnet are known, with placeholders otherwise, plus the command
 * that writes them as scripts.
 */
final class Advice {

    private final RuleSet rules;
    private final String sqlText;
    private final String miText;

    Advice(List<Cidr> sqlRanges, Cidr miSubnet, int sqlEndpointPort) {
        RuleSet set = null;
        if (!sqlRanges.isEmpty() && miSubnet != null) {
            try {
                set = RuleSet.of(new LinkNetwork(sqlRanges, miSubnet, sqlEndpointPort));
            } catch (IllegalArgumentException e) {
                set = null; // mixed families: fall back to placeholders; 'network rules' explains the error
            }
        }
        this.rules = set;
        this.sqlText = sqlRanges.isEmpty() ? "<sql-server-ip>"
                : sqlRanges.stream().map(Cidr::toString).collect(Collectors.joining(" --sql-server "));
        this.miText = miSubnet == null ? "<mi-subnet-cidr>" : miSubnet.toString();
    }

    /** Allow rules (by {@link RuleSet} name) for a hop that a firewall or NSG blocks. */
    List<String> forBlockedPath(TestDirection direction, int port) {
        List<String> names = switch (direction) {
            case SQL_TO_MI -> List.of(port == LinkNetwork.MI_ENDPOINT_PORT ? "milink-in-from-sql-5022"
                    : "milink-in-from-sql-hadr", "milink-out-to-mi");
            case MI_TO_SQL -> List.of("milink-out-to-sql-endpoint", "milink-in-from-mi");
        };
        List<String> out = new ArrayList<>();
        for (String name : names) {
            out.add(describe(name));
        }
        out.add("allow the same flow on every firewall, VPN or ExpressRoute gateway in between (and, for SQL Server on"
                + " an Azure VM, on the VM's NSG); check the path exists (VNet peering, VPN or ExpressRoute)");
        out.add("scripts for every layer: milink network rules --sql-server " + sqlText + " --mi-subnet " + miText
                + " --format all");
        return out;
    }

    private String describe(String name) {
        if (rules != null) {
            Rule r = rules.rules().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            String ports = r.ports().stream().map(PortRange::toString).collect(Collectors.joining(", "));
            String remote = r.remote().stream().map(Cidr::toString).collect(Collectors.joining(", "));
            return r.layer().label() + ": allow " + r.directionWord().toLowerCase(java.util.Locale.ROOT) + " TCP "
                    + ports
                    + (r.inbound() ? " from " : " to ") + remote + " (rule " + name + ")";
        }
        return switch (name) {
            case "milink-in-from-sql-5022" -> "Managed instance subnet NSG: allow inbound TCP 5022 from the SQL Server"
                    + " address (rule " + name + ")";
            case "milink-in-from-sql-hadr" -> "Managed instance subnet NSG: allow inbound TCP 11000-11999 from the SQL"
                    + " Server address (rule " + name + ")";
            case "milink-out-to-mi" -> "SQL Server host firewall: allow outbound TCP 5022, 11000-11999 to the whole"
                    + " managed instance subnet (rule " + name + ")";
            case "milink-out-to-sql-endpoint" -> "Managed instance subnet NSG: allow outbound TCP to the SQL Server"
                    + " endpoint port (rule " + name + ")";
            case "milink-in-from-mi" -> "SQL Server host firewall: allow inbound TCP to the endpoint port from the whole"
                    + " managed instance subnet (rule " + name + ")";
            default -> name;
        };
    }
}
