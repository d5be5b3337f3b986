// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.rules;

import dev.milink.core.script.Syntax;
import dev.milink.network.probe.PortRange;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The formats {@code milink network rules} writes. Each renders the rules of its layer; the table covers every
 * flow for the firewalls in between. Output is deterministic (golden-file tested) and idempotent where the tool
 * allows it (re-running the Windows script does not duplicate rules).
 */
public enum RuleFormat {
    AZURE_CLI("azure-cli", Rule.Layer.MI_NSG) {
        @Override
        String renderRules(RuleSet set, Options o) {
            StringBuilder b = new StringBuilder("# Azure CLI: allow rules on the managed instance subnet NSG\n");
            int priority = o.basePriority();
            for (Rule r : set.rules(Rule.Layer.MI_NSG)) {
                b.append("# ").append(r.purpose()).append('\n')
                        .append("az network nsg rule create --resource-group ").append(sh(o.resourceGroup()))
                        .append(" --nsg-name ").append(sh(o.nsgName())).append(" --name ").append(r.name())
                        .append(" --priority ").append(priority++).append(" --direction ").append(r.directionWord())
                        .append(" --access Allow --protocol Tcp --source-address-prefixes ").append(spaced(r.source()))
                        .append(" --source-port-ranges '*' --destination-address-prefixes ")
                        .append(spaced(r.destination())).append(" --destination-port-ranges ")
                        .append(ports(r.ports(), " ", "-")).append("\n");
            }
            return b.toString();
        }
    },
    AZURE_POWERSHELL("azure-powershell", Rule.Layer.MI_NSG) {
        @Override
        String renderRules(RuleSet set, Options o) {
            StringBuilder b = new StringBuilder("# Azure PowerShell: allow rules on the managed instance subnet NSG\n")
                    .append("$nsg = Get-AzNetworkSecurityGroup -ResourceGroupName ").append(ps(o.resourceGroup()))
                    .append(" -Name ").append(ps(o.nsgName())).append('\n');
            int priority = o.basePriority();
            for (Rule r : set.rules(Rule.Layer.MI_NSG)) {
                b.append("# ").append(r.purpose()).append('\n')
                        .append("if (-not ($nsg.SecurityRules | Where-Object Name -eq ").append(ps(r.name()))
                        .append(")) {\n")
                        .append("  $nsg = $nsg | Add-AzNetworkSecurityRuleConfig -Name ").append(ps(r.name()))
                        .append(" -Access Allow -Protocol Tcp -Direction ").append(r.directionWord())
                        .append(" -Priority ").append(priority++).append(" -SourceAddressPrefix ")
                        .append(psList(r.source())).append(" -SourcePortRange '*' -DestinationAddressPrefix ")
                        .append(psList(r.destination())).append(" -DestinationPortRange ")
                        .append(list(r.ports(), Syntax.POWERSHELL, ",", "", ""))
                        .append("\n}\n");
            }
            return b.append("$nsg | Set-AzNetworkSecurityGroup | Out-Null\n").toString();
        }
    },
    BICEP("bicep", Rule.Layer.MI_NSG) {
        @Override
        String renderRules(RuleSet set, Options o) {
            StringBuilder b = new StringBuilder("// Bicep: allow rules on the managed instance subnet NSG\n")
                    .append("param nsgName string = ").append(Syntax.BICEP.quote(o.nsgName())).append("\n\n")
                    .append("resource nsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' existing = {\n")
                    .append("  name: nsgName\n}\n");
            int priority = o.basePriority();
            for (Rule r : set.rules(Rule.Layer.MI_NSG)) {
                b.append("\n// ").append(r.purpose()).append('\n')
                        .append("resource ").append(r.name().replace("-", "_"))
                        .append(" 'Microsoft.Network/networkSecurityGroups/securityRules@2024-05-01' = {\n")
                        .append("  parent: nsg\n  name: ").append(Syntax.BICEP.quote(r.name()))
                        .append("\n  properties: {\n")
                        .append("    priority: ").append(priority++).append('\n')
                        .append("    direction: '").append(r.directionWord()).append("'\n")
                        .append("    access: 'Allow'\n    protocol: 'Tcp'\n")
                        .append("    sourceAddressPrefixes: ").append(bicepList(r.source())).append('\n')
                        .append("    sourcePortRange: '*'\n")
                        .append("    destinationAddressPrefixes: ").append(bicepList(r.destination())).append('\n')
                        .append("    destinationPortRanges: ").append(list(r.ports(), Syntax.BICEP, ", ", "[ ", " ]"))
                        .append("\n  }\n}\n");
            }
            return b.toString();
        }
    },
    WINDOWS_FIREWALL("windows", Rule.Layer.SQL_HOST) {
        @Override
        String renderRules(RuleSet set, Options o) {
            return hostRules(set, "# Windows PowerShell (as Administrator) on the SQL Server host; re-running is "
                    + "harmless\n", (b, r) -> {
                String portParam = r.inbound() ? "-LocalPort" : "-RemotePort";
                b.append("if (-not (Get-NetFirewallRule -Name ").append(ps(r.name()))
                        .append(" -ErrorAction SilentlyContinue)) {\n")
                        .append("  New-NetFirewallRule -Name ").append(ps(r.name())).append(" -DisplayName ")
                        .append(ps("milink: " + r.purpose())).append(" -Direction ")
                        .append(r.directionWord())
                        .append(" -Profile Any -Action Allow -Protocol TCP ").append(portParam).append(' ')
                        .append(ports(r.ports(), ",", "-")).append(" -RemoteAddress ").append(psList(r.remote()))
                        .append("\n}\n");
            }).toString();
        }
    },
    FIREWALLD("firewalld", Rule.Layer.SQL_HOST) {
        @Override
        String renderRules(RuleSet set, Options o) {
            return hostRules(set, "# firewalld on the SQL Server host (run as root)\n", (b, r) -> {
                if (!r.inbound()) {
                    b.append("# firewalld allows outbound traffic unless an egress policy filters it; if yours does:\n")
                            .append("firewall-cmd --permanent --new-policy ").append(r.name())
                            .append(" 2>/dev/null || true\n")
                            .append("firewall-cmd --permanent --policy ").append(r.name())
                            .append(" --add-ingress-zone HOST --add-egress-zone ANY\n");
                }
                for (Cidr c : r.remote()) {
                    for (PortRange p : r.ports()) {
                        b.append("firewall-cmd --permanent ")
                                .append(r.inbound() ? "--zone public" : "--policy " + r.name())
                                .append(" --add-rich-rule='rule family=\"").append(c.isIpv4() ? "ipv4" : "ipv6")
                                .append("\" ").append(r.inbound() ? "source" : "destination").append(" address=\"")
                                .append(c).append("\" port port=\"").append(p).append("\" protocol=\"tcp\" accept'\n");
                    }
                }
            }).append("firewall-cmd --reload\n").toString();
        }
    },
    UFW("ufw", Rule.Layer.SQL_HOST) {
        @Override
        String renderRules(RuleSet set, Options o) {
            return hostRules(set, "# ufw on the SQL Server host (run as root)\n", (b, r) -> {
                for (Cidr c : r.remote()) {
                    b.append("ufw allow ").append(r.inbound() ? "in" : "out").append(" proto tcp ")
                            .append(r.inbound() ? "from " + c + " to any" : "to " + c).append(" port ")
                            .append(ports(r.ports(), ",", ":")).append(" comment ")
                            .append(Syntax.POSIX_SHELL.quote(r.name())).append('\n');
                }
            }).toString();
        }
    },
    NFTABLES("nftables", Rule.Layer.SQL_HOST) {
        @Override
        String renderRules(RuleSet set, Options o) {
            return hostRules(set, "# nftables on the SQL Server host (run as root); assumes the usual 'inet "
                    + "filter' table with\n# 'input' and 'output' chains - adapt the table and chain names to your "
                    + "rule set\n", (b, r) -> {
                for (Cidr c : r.remote()) {
                    b.append("nft add rule inet filter ").append(r.inbound() ? "input " : "output ")
                            .append(c.isIpv4() ? "ip " : "ip6 ").append(r.inbound() ? "saddr " : "daddr ").append(c)
                            .append(" tcp dport { ").append(ports(r.ports(), ", ", "-")).append(" } accept comment \"")
                            .append(r.name()).append("\"\n");
                }
            }).toString();
        }
    },
    TABLE("table", null) {
        @Override
        String renderRules(RuleSet set, Options o) {
            StringBuilder b = new StringBuilder("| From | Source | Destination | Protocol | Ports | Purpose |\n")
                    .append("|---|---|---|---|---|---|\n");
            for (Flow f : set.network().flows()) {
                b.append("| ").append(f.initiator().label()).append(" | ").append(f.source()).append(" | ")
                        .append(f.destination()).append(" | TCP | ").append(f.ports()).append(" | ").append(f.purpose())
                        .append(" |\n");
            }
            b.append("\nEvery firewall between the two sides must allow these flows (and their replies). ")
                    .append("Layer rules:\n\n| Layer | Direction | Remote | Ports | Rule |\n|---|---|---|---|---|\n");
            for (Rule r : set.rules()) {
                b.append("| ").append(r.layer().label()).append(" | ").append(r.directionWord()).append(" | ")
                        .append(spaced(r.remote()).replace(' ', ',')).append(" | ").append(ports(r.ports(), ", ", "-"))
                        .append(" | ").append(r.name()).append(" |\n");
            }
            return b.toString();
        }
    };

    private final String cliName;
    private final Rule.Layer layer;

    RuleFormat(String cliName, Rule.Layer layer) {
        this.cliName = cliName;
        this.layer = layer;
    }

    public String cliName() {
        return cliName;
    }

    /** The layer this format configures, or null for the all-flows table. */
    public Rule.Layer layer() {
        return layer;
    }

    public String render(RuleSet set, Options options) {
        return renderRules(set, options);
    }

    abstract String renderRules(RuleSet set, Options options);

    public static RuleFormat fromCliName(String name) {
        for (RuleFormat f : values()) {
            if (f.cliName.equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown rule format '" + name + "'; expected one of "
                + java.util.Arrays.stream(values()).map(RuleFormat::cliName).collect(Collectors.joining(", ")));
    }

    /**
     * Names for the Azure formats.
     *
     * @param resourceGroup the NSG's resource group
     * @param nsgName       the NSG attached to the managed instance subnet
     * @param basePriority  priority of the first rule; the others follow
     */
    public record Options(String resourceGroup, String nsgName, int basePriority) {
        public static final Options DEFAULT = new Options("<resource-group>", "<mi-subnet-nsg>", 1000);

        public Options {
            if (basePriority < 100 || basePriority > 4090) {
                throw new IllegalArgumentException("NSG priority must be between 100 and 4090: " + basePriority);
            }
        }
    }

    private static String ports(List<PortRange> ports, String sep, String rangeSep) {
        return ports.stream().map(p -> p.toString().replace("-", rangeSep)).collect(Collectors.joining(sep));
    }

    private static String spaced(List<Cidr> cidrs) {
        return cidrs.stream().map(Cidr::toString).collect(Collectors.joining(" "));
    }

    /** {@code header}, then for each rule on the SQL Server host a "# purpose" line and what {@code rule} writes. */
    private static StringBuilder hostRules(RuleSet set, String header, BiConsumer<StringBuilder, Rule> rule) {
        StringBuilder b = new StringBuilder(header);
        for (Rule r : set.rules(Rule.Layer.SQL_HOST)) {
            b.append("# ").append(r.purpose()).append('\n');
            rule.accept(b, r);
        }
        return b;
    }

    private static String psList(List<Cidr> cidrs) {
        return list(cidrs, Syntax.POWERSHELL, ",", "", "");
    }

    private static String bicepList(List<Cidr> cidrs) {
        return list(cidrs, Syntax.BICEP, ", ", "[ ", " ]");
    }

    /** Each value quoted in {@code syntax}, joined. */
    private static String list(List<?> values, Syntax syntax, String sep, String open, String close) {
        return values.stream().map(v -> syntax.quote(v.toString())).collect(Collectors.joining(sep, open, close));
    }

    /** Quotes for POSIX shells unless the value is a plain word (placeholders stay readable). */
    private static String sh(String s) {
        return s.matches("[A-Za-z0-9._-]+") ? s : Syntax.POSIX_SHELL.quote(s);
    }

    private static String ps(String s) {
        return Syntax.POWERSHELL.quote(s);
    }
}
