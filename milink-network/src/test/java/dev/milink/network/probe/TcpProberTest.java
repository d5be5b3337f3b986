// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcpProberTest {

    private final TcpProber prober = new TcpProber(Duration.ofMillis(500));

    @Test
    void loopbackListenerIsOpen() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ProbeResult r = prober.probe(new ProbeTarget("127.0.0.1", server.getLocalPort()));
            assertThat(r.outcome()).isEqualTo(ProbeOutcome.OPEN);
            assertThat(r.reachable()).isTrue();
            assertThat(r.address()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void closedLoopbackPortIsRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProbeResult r = prober.probe(new ProbeTarget("127.0.0.1", port));
        assertThat(r.outcome()).isEqualTo(ProbeOutcome.REFUSED);
        assertThat(r.reachable()).isFalse();
    }

    @Test
    void unresolvableNameIsDnsFailure() {
        ProbeResult r = prober.probe(new ProbeTarget("no-such-host.invalid", 5022));
        assertThat(r.outcome()).isEqualTo(ProbeOutcome.DNS_FAILURE);
        assertThat(r.address()).isNull();
        assertThat(r.detail()).contains("no-such-host.invalid");
    }

    @Test
    void resultsKeepTheOrderOfTargetsAcrossManyProbes() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress())) {
            int open = server.getLocalPort();
            List<ProbeTarget> targets = List.of(new ProbeTarget("127.0.0.1", open),
                    new ProbeTarget("no-such-host.invalid", 1), new ProbeTarget("127.0.0.1", open));
            List<ProbeResult> results = new TcpProber(Duration.ofMillis(500), 2).probeAll(targets);
            assertThat(results).extracting(ProbeResult::outcome)
                    .containsExactly(ProbeOutcome.OPEN, ProbeOutcome.DNS_FAILURE, ProbeOutcome.OPEN);
            assertThat(results).extracting(ProbeResult::target).containsExactlyElementsOf(targets);
        }
    }

    @Test
    void connectExceptionsAreClassifiedByTheirMeaning() {
        assertThat(TcpProber.classify(new ConnectException("Connection refused"))).isEqualTo(ProbeOutcome.REFUSED);
        assertThat(TcpProber.classify(new ConnectException("Network is unreachable")))
                .isEqualTo(ProbeOutcome.UNREACHABLE);
        assertThat(TcpProber.classify(new ConnectException("No route to host"))).isEqualTo(ProbeOutcome.UNREACHABLE);
        assertThat(TcpProber.classify(new ConnectException("Connection timed out"))).isEqualTo(ProbeOutcome.FILTERED);
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatThrownBy(() -> new TcpProber(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TcpProber(Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProbeTarget("h", 0)).hasMessageContaining("1-65535");
        assertThatThrownBy(() -> PortRange.parse("11999-11000")).hasMessageContaining("invalid port range");
        assertThatThrownBy(() -> PortRange.parse("abc")).hasMessageContaining("'abc'");
    }

    @Test
    void portRangesParseAndExpand() {
        assertThat(PortRange.parse("5022")).isEqualTo(new PortRange(5022, 5022));
        assertThat(PortRange.parse(" 11000 - 11999 ").size()).isEqualTo(1000);
        assertThat(PortRange.MI_HADR.targets("mi").getLast()).isEqualTo(new ProbeTarget("mi", 11_999));
        assertThat(PortRange.MI_HADR.toString()).isEqualTo("11000-11999");
    }
}
