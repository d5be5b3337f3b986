// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.test;

import dev.milink.network.rules.Cidr;
import dev.milink.network.rules.LinkNetwork;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a network test. {@link #defaults()} suits real servers; tests shorten the waits.
 *
 * @param sqlServerAddress the address the managed instance must reach SQL Server at (an IP, as the link's
 *                         {@code ENDPOINT_URL} should use); null = the host milink connected to
 * @param sqlServerRanges  SQL Server address ranges for the rules in the advice; empty = derived from the address
 * @param miSubnet         the managed instance subnet, or null; when given, RemoteAddress must lie inside it
 * @param miEndpointPort   the managed instance's endpoint port (5022, fixed by the service)
 * @param testEndpointPort the port of the temporary test endpoint when SQL Server has no mirroring endpoint
 * @param jobTimeout       how long to wait for an Agent job (Test-NetConnection takes ~21 s per filtered port)
 * @param pollInterval     how often to read the job history
 * @param probeTimeout     timeout of a local TCP probe
 * @param createTestEndpoint whether a temporary endpoint may be created when none exists
 * @param hostDetector     decides whether this machine is the SQL Server host
 * @param controlProbe     after an OPEN local probe, also connect to a documentation-only address to detect a
 *                         TCP-intercepting middlebox (opt-in: it sends traffic to an address the user did not name)
 * @since 0.1
 */
public record LinkTestOptions(String sqlServerAddress, List<Cidr> sqlServerRanges, Cidr miSubnet, int miEndpointPort,
                              int testEndpointPort, Duration jobTimeout, Duration pollInterval, Duration probeTimeout,
                              boolean createTestEndpoint, HostDetector hostDetector, boolean controlProbe) {

    public LinkTestOptions {
        sqlServerRanges = List.copyOf(sqlServerRanges);
        Objects.requireNonNull(jobTimeout, "jobTimeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(probeTimeout, "probeTimeout");
        Objects.requireNonNull(hostDetector, "hostDetector");
    }

    /** 5022, 2 minutes per job, history read every 2 s, 5 s local probes, test endpoint allowed, no control probe. */
    public static LinkTestOptions defaults() {
        return new LinkTestOptions(null, List.of(), null, LinkNetwork.MI_ENDPOINT_PORT, 5022, Duration.ofMinutes(2),
                Duration.ofSeconds(2), Duration.ofSeconds(5), true, HostDetector.LOCAL, false);
    }

    public LinkTestOptions withSqlServerAddress(String v) {
        return new LinkTestOptions(v, sqlServerRanges, miSubnet, miEndpointPort, testEndpointPort, jobTimeout,
                pollInterval, probeTimeout, createTestEndpoint, hostDetector, controlProbe);
    }

    public LinkTestOptions withNetwork(List<Cidr> sqlRanges, Cidr subnet) {
        return new LinkTestOptions(sqlServerAddress, sqlRanges, subnet, miEndpointPort, testEndpointPort, jobTimeout,
                pollInterval, probeTimeout, createTestEndpoint, hostDetector, controlProbe);
    }

    public LinkTestOptions withMiEndpointPort(int v) {
        return new LinkTestOptions(sqlServerAddress, sqlServerRanges, miSubnet, v, testEndpointPort, jobTimeout,
                pollInterval, probeTimeout, createTestEndpoint, hostDetector, controlProbe);
    }

    public LinkTestOptions withTestEndpointPort(int v) {
        return new LinkTestOptions(sqlServerAddress, sqlServerRanges, miSubnet, miEndpointPort, v, jobTimeout,
                pollInterval, probeTimeout, createTestEndpoint, hostDetector, controlProbe);
    }

    public LinkTestOptions withTimes(Duration job, Duration poll, Duration probe) {
        return new LinkTestOptions(sqlServerAddress, sqlServerRanges, miSubnet, miEndpointPort, testEndpointPort, job,
                poll, probe, createTestEndpoint, hostDetector, controlProbe);
    }

    public LinkTestOptions withCreateTestEndpoint(boolean v) {
        return new LinkTestOptions(sqlServerAddress, sqlServerRanges, miSubnet, miEndpointPort, testEndpointPort,
                jobTimeout, pollInterval, probeTimeout, v, hostDetector, controlProbe);
    }

    public LinkTestOptions withHostDetector(HostDetector v) {
        return new LinkTestOptions(sqlServerAddress, sqlServerRanges, miSubnet, miEndpointPort, testEndpointPort,
                jobTimeout, pollInterval, probeTimeout, createTestEndpoint, v, controlProbe);
    }

    public LinkTestOptions withControlProbe(boolean v) {
        return new LinkTestOptions(sqlServerAddress, sqlServerRanges, miSubnet, miEndpointPort, testEndpointPort,
                jobTimeout, pollInterval, probeTimeout, createTestEndpoint, hostDetector, v);
    }
}
