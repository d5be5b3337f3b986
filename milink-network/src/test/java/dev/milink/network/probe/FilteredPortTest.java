// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real "filtered" path: a network namespace of our own, joined by a veth pair, whose input chain drops TCP to
 * 11000-11999 (as an NSG without the HADR rule would). Needs root, iproute2 and nftables, as CI has; skipped
 * with the reason otherwise. Only the namespace's own address (10.251.77.2) is ever probed.
 */
class FilteredPortTest {

    private static final String NS = "milink-probe-" + ProcessHandle.current().pid();
    private static final String HOST_IF = "mlkp" + (ProcessHandle.current().pid() % 100_000) + "a";
    private static final String NS_IF = "mlkp" + (ProcessHandle.current().pid() % 100_000) + "b";
    private static final String NS_ADDR = "10.251.77.2";
    private static boolean created;

    @BeforeAll
    static void createNamespace() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean tools = onPath("ip");
        boolean nft = onPath("nft");
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertThat(root && tools && nft).as("CI must run as root with iproute2 and nftables (.ci/run installs them)")
                    .isTrue();
        }
        Assumptions.assumeTrue(root, "needs root to create a network namespace");
        Assumptions.assumeTrue(tools && nft, "needs iproute2 and nftables (apt-get install iproute2 nftables)");
        run("ip", "netns", "add", NS);
        created = true;
        run("ip", "link", "add", HOST_IF, "type", "veth", "peer", "name", NS_IF);
        run("ip", "link", "set", NS_IF, "netns", NS);
        run("ip", "addr", "add", "10.251.77.1/30", "dev", HOST_IF);
        run("ip", "link", "set", HOST_IF, "up");
        run("ip", "netns", "exec", NS, "ip", "addr", "add", NS_ADDR + "/30", "dev", NS_IF);
        run("ip", "netns", "exec", NS, "ip", "link", "set", NS_IF, "up");
        run("ip", "netns", "exec", NS, "ip", "link", "set", "lo", "up");
        run("ip", "netns", "exec", NS, "nft", "add", "table", "inet", "milink");
        run("ip", "netns", "exec", NS, "nft", "add", "chain", "inet", "milink", "in",
                "{ type filter hook input priority 0; policy accept; }");
        run("ip", "netns", "exec", NS, "nft", "add", "rule", "inet", "milink", "in", "tcp", "dport", "11000-11999",
                "drop");
    }

    @AfterAll
    static void deleteNamespace() throws Exception {
        if (created) {
            run("ip", "netns", "del", NS); // removes the veth pair with it
        }
    }

    @Test
    void droppedPortIsFilteredAndOpenPathIsRefused() {
        TcpProber prober = new TcpProber(Duration.ofMillis(300));
        assertThat(prober.probe(new ProbeTarget(NS_ADDR, 11_002)).outcome()).isEqualTo(ProbeOutcome.FILTERED);
        assertThat(prober.probe(new ProbeTarget(NS_ADDR, 5022)).outcome()).isEqualTo(ProbeOutcome.REFUSED);
    }

    @Test
    void aThousandFilteredPortsAllComeBackFiltered() {
        List<ProbeResult> results = new TcpProber(Duration.ofMillis(300)).probeAll(PortRange.MI_HADR.targets(NS_ADDR));
        assertThat(results).hasSize(1000).allMatch(r -> r.outcome() == ProbeOutcome.FILTERED);
    }

    /** On the PATH, or in the sbin directories a non-login shell's PATH may lack. */
    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "") + java.io.File.pathSeparator + "/usr/sbin:/sbin";
        return java.util.Arrays.stream(path.split(java.io.File.pathSeparator)).filter(d -> !d.isBlank())
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("command failed: " + String.join(" ", command));
        }
    }
}
