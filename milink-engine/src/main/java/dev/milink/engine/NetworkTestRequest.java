// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine;

import dev.milink.network.rules.Cidr;
import dev.milink.sqlserver.connect.ConnectionSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Milink#testNetwork} tests: the link's two ends (both reached over T-SQL; temporary SQL Agent jobs
 * probe each path from the end that opens it) and how.
 *
 * @param sqlServer          the SQL Server end
 * @param managedInstance    the managed instance (its public or VNet-local endpoint)
 * @param sqlServerAddress   the SQL Server address the managed instance must reach, when not the one it is named by
 * @param sqlServerRanges    the SQL Server side's address ranges (for the rules in the advice), may be empty
 * @param miSubnet           the managed instance's subnet, or null; a hop reaching an address outside it is wrong
 * @param jobTimeout         how long one Agent job may run
 * @param pollInterval       how often job state is read
 * @param createTestEndpoint whether a temporary TCP listener may stand in on SQL Server when no endpoint listens
 * @param controlProbe       whether open results are cross-checked against a documentation-only address
 * @param testEndpointPort   the port of that temporary listener
 * @since 0.2
 */
public record NetworkTestRequest(ConnectionSettings sqlServer, ConnectionSettings managedInstance,
                                 String sqlServerAddress, List<Cidr> sqlServerRanges, Cidr miSubnet,
                                 Duration jobTimeout, Duration pollInterval, boolean createTestEndpoint,
                                 boolean controlProbe, int testEndpointPort) {

    public NetworkTestRequest {
        Objects.requireNonNull(sqlServer, "sqlServer");
        Objects.requireNonNull(managedInstance, "managedInstance");
        sqlServerRanges = List.copyOf(sqlServerRanges);
        Objects.requireNonNull(jobTimeout, "jobTimeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
    }

    /** Both ends with the defaults: 2-minute jobs polled every 2 s, a temporary endpoint on 5022 if needed. */
    public static NetworkTestRequest of(ConnectionSettings sqlServer, ConnectionSettings managedInstance) {
        return new NetworkTestRequest(sqlServer, managedInstance, null, List.of(), null, Duration.ofMinutes(2),
                Duration.ofSeconds(2), true, false, 5022);
    }

    public NetworkTestRequest withSqlServerAddress(String address) {
        return new NetworkTestRequest(sqlServer, managedInstance, address, sqlServerRanges, miSubnet, jobTimeout,
                pollInterval, createTestEndpoint, controlProbe, testEndpointPort);
    }

    public NetworkTestRequest withNetwork(List<Cidr> ranges, Cidr subnet) {
        return new NetworkTestRequest(sqlServer, managedInstance, sqlServerAddress, ranges, subnet, jobTimeout,
                pollInterval, createTestEndpoint, controlProbe, testEndpointPort);
    }

    public NetworkTestRequest withTimes(Duration job, Duration poll) {
        return new NetworkTestRequest(sqlServer, managedInstance, sqlServerAddress, sqlServerRanges, miSubnet, job,
                poll, createTestEndpoint, controlProbe, testEndpointPort);
    }

    public NetworkTestRequest withTestEndpoint(boolean create, int port) {
        return new NetworkTestRequest(sqlServer, managedInstance, sqlServerAddress, sqlServerRanges, miSubnet,
                jobTimeout, pollInterval, create, controlProbe, port);
    }

    public NetworkTestRequest withControlProbe(boolean on) {
        return new NetworkTestRequest(sqlServer, managedInstance, sqlServerAddress, sqlServerRanges, miSubnet,
                jobTimeout, pollInterval, createTestEndpoint, on, testEndpointPort);
    }
}
