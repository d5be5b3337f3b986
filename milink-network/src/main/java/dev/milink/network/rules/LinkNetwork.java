// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.rules;

import dev.milink.network.probe.PortRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The two sides of a link as the network sees them: the SQL Server address(es) and the managed instance's
 * subnet, plus the SQL Server mirroring endpoint port (5022 unless customised; the MI side's ports are fixed).
 */
public record LinkNetwork(List<Cidr> sqlServer, Cidr miSubnet, int sqlEndpointPort) {

    /** The port the managed instance's endpoint listens on; fixed by the service. */
    public static final int MI_ENDPOINT_PORT = 5022;

    public LinkNetwork {
        sqlServer = List.copyOf(sqlServer);
        Objects.requireNonNull(miSubnet, "miSubnet");
        if (sqlServer.isEmpty()) {
            throw new IllegalArgumentException("at least one SQL Server address is needed");
        }
        for (Cidr c : sqlServer) {
            if (c.isIpv4() != miSubnet.isIpv4()) {
                throw new IllegalArgumentException("SQL Server range " + c + " and the managed instance subnet "
                        + miSubnet + " are of different address families; the link needs both sides in one family");
            }
        }
        if (sqlEndpointPort < 1 || sqlEndpointPort > 65_535) {
            throw new IllegalArgumentException("SQL Server endpoint port out of range: " + sqlEndpointPort);
        }
    }

    /** SQL Server ranges that overlap the MI subnet: such a network can't be routed and must be re-addressed. */
    public List<String> overlaps() {
        List<String> out = new ArrayList<>();
        for (Cidr c : sqlServer) {
            if (c.overlaps(miSubnet)) {
                out.add(c + " overlaps the managed instance subnet " + miSubnet);
            }
        }
        return out;
    }

    /**
     * Every flow the link needs, in both directions (spec N2–N4): SQL Server opens connections to the MI on 5022
     * and on the HADR range 11000-11999; the MI opens connections to SQL Server's endpoint port.
     */
    public List<Flow> flows() {
        String sql = joined(sqlServer);
        String mi = miSubnet.toString();
        return List.of(
                new Flow(Flow.Side.SQL_SERVER, sql, mi, new PortRange(MI_ENDPOINT_PORT, MI_ENDPOINT_PORT),
                        "SQL Server to the managed instance's endpoint"),
                new Flow(Flow.Side.SQL_SERVER, sql, mi, PortRange.MI_HADR,
                        "SQL Server to the managed instance's HADR ports (the primary node's port changes on failover)"),
                new Flow(Flow.Side.MANAGED_INSTANCE, mi, sql, new PortRange(sqlEndpointPort, sqlEndpointPort),
                        "managed instance to the SQL Server mirroring endpoint"));
    }

    private static String joined(List<Cidr> cidrs) {
        return String.join(",", cidrs.stream().map(Cidr::toString).toList());
    }
}
