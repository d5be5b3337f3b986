// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real "filtered" path ({@link FilteredNamespace}: TCP to 11000-11999 dropped in a namespace of our own). Needs
 * root, iproute2 and nftables, as CI has; skipped with the reason otherwise. Only the namespace's own address
 * (10.251.77.2) is ever probed.
 */
class FilteredPortTest {

    private static FilteredNamespace namespace;

    @BeforeAll
    static void createNamespace() throws Exception {
        boolean root = FilteredNamespace.root();
        boolean tools = FilteredNamespace.onPath("ip");
        boolean nft = FilteredNamespace.onPath("nft");
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertThat(root && tools && nft).as("CI must run as root with iproute2 and nftables (.ci/run installs them)")
                    .isTrue();
        }
        Assumptions.assumeTrue(root, "needs root to create a network namespace");
        Assumptions.assumeTrue(tools && nft, "needs iproute2 and nftables (apt-get install iproute2 nftables)");
        namespace = FilteredNamespace.create("probe", "mlkp", 77);
    }

    @AfterAll
    static void deleteNamespace() throws Exception {
        if (namespace != null) {
            namespace.close();
        }
    }

    @Test
    void droppedPortIsFilteredAndOpenPathIsRefused() {
        TcpProber prober = new TcpProber(Duration.ofMillis(300));
        assertThat(prober.probe(new ProbeTarget(namespace.address(), 11_002)).outcome())
                .isEqualTo(ProbeOutcome.FILTERED);
        assertThat(prober.probe(new ProbeTarget(namespace.address(), 5022)).outcome())
                .isEqualTo(ProbeOutcome.REFUSED);
    }

    @Test
    void aThousandFilteredPortsAllComeBackFiltered() {
        List<ProbeResult> results = new TcpProber(Duration.ofMillis(300))
                .probeAll(PortRange.MI_HADR.targets(namespace.address()));
        assertThat(results).hasSize(1000).allMatch(r -> r.outcome() == ProbeOutcome.FILTERED);
    }
}
