// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.rules;

import dev.milink.network.probe.PortRange;
import java.util.List;

/**
 * The complete allow rules for a link, for both layers milink can script (the MI subnet NSG and the SQL Server
 * host firewall). Every firewall in between needs the same flows ({@link LinkNetwork#flows()}).
 */
public final class RuleSet {

    private final LinkNetwork network;
    private final List<Rule> rules;

    private RuleSet(LinkNetwork network, List<Rule> rules) {
        this.network = network;
        this.rules = rules;
    }

    public static RuleSet of(LinkNetwork n) {
        List<Cidr> sql = n.sqlServer();
        List<Cidr> mi = List.of(n.miSubnet());
        PortRange miEndpoint = new PortRange(LinkNetwork.MI_ENDPOINT_PORT, LinkNetwork.MI_ENDPOINT_PORT);
        PortRange sqlEndpoint = new PortRange(n.sqlEndpointPort(), n.sqlEndpointPort());
        return new RuleSet(n, List.of(
                new Rule("milink-in-from-sql-5022", Rule.Layer.MI_NSG, true, sql, mi, List.of(miEndpoint),
                        "SQL Server connects to the managed instance's endpoint"),
                new Rule("milink-in-from-sql-hadr", Rule.Layer.MI_NSG, true, sql, mi, List.of(PortRange.MI_HADR),
                        "SQL Server connects to the managed instance's HADR ports"),
                new Rule("milink-out-to-sql-endpoint", Rule.Layer.MI_NSG, false, mi, sql, List.of(sqlEndpoint),
                        "The managed instance connects to the SQL Server mirroring endpoint"),
                new Rule("milink-in-from-mi", Rule.Layer.SQL_HOST, true, mi, sql, List.of(sqlEndpoint),
                        "The managed instance connects to this SQL Server's mirroring endpoint"),
                new Rule("milink-out-to-mi", Rule.Layer.SQL_HOST, false, sql, mi, List.of(miEndpoint, PortRange.MI_HADR),
                        "This SQL Server connects to the managed instance's endpoint and HADR ports")));
    }

    public LinkNetwork network() {
        return network;
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<Rule> rules(Rule.Layer layer) {
        return rules.stream().filter(r -> r.layer() == layer).toList();
    }
}
