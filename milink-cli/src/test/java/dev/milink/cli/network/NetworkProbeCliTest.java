// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.network;

import dev.milink.cli.Cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Black-box tests of {@code milink network probe} against real loopback sockets. */
class NetworkProbeCliTest {

    @Test
    void openAndRefusedPortsAndTheExitCode() throws Exception {
        try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int closed = closedPort();
            Cli ok = Cli.run("network", "probe", "127.0.0.1:" + open.getLocalPort());
            assertThat(ok.exit()).as(ok.toString()).isZero();
            assertThat(ok.out()).contains("OPEN").contains("127.0.0.1:" + open.getLocalPort())
                    .contains("1 probe(s)").contains("TCP reachable proves the handshake only");
            Cli mixed = Cli.run("network", "probe", "127.0.0.1:" + open.getLocalPort(), "127.0.0.1:" + closed);
            assertThat(mixed.exit()).as(mixed.toString()).isEqualTo(1);
            assertThat(mixed.out()).contains("REFUSED     127.0.0.1:" + closed).contains("1 open, 1 refused");
        }
    }

    @Test
    void dnsFailureIsReported() {
        Cli r = Cli.run("network", "probe", "no-such-host.invalid:5022", "--timeout", "500ms");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("DNS_FAILURE").contains("name did not resolve");
    }

    @Test
    void rangesAreSummarised() throws Exception {
        int base = closedPort();
        Cli r = Cli.run("network", "probe", "127.0.0.1", "--ports", base + "-" + (base + 29) , "--timeout", "1s");
        assertThat(r.out()).contains("30 probe(s)");
    }

    @Test
    void badTargetsAreUsageErrors() {
        assertThat(Cli.run("network", "probe", "host").err()).contains("no port; write HOST:PORT or give --ports");
        assertThat(Cli.run("network", "probe", "host:70000").exit()).isEqualTo(2);
        assertThat(Cli.run("network", "probe", "fd00::1:5022").err()).contains("write IPv6 addresses in brackets");
        Cli t = Cli.run("network", "probe", "h:1", "--timeout", "soon");
        assertThat(t.exit()).isEqualTo(2);
        assertThat(t.err()).contains("not a duration");
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort(); // closed again when this returns: connecting is refused
        }
    }
}
