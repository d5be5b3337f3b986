// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.bench;

import dev.milink.network.probe.FilteredNamespace;
import dev.milink.network.probe.PortRange;
import dev.milink.network.probe.ProbeOutcome;
import dev.milink.network.probe.ProbeResult;
import dev.milink.network.probe.ProbeTarget;
import dev.milink.network.probe.TcpProber;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * How long {@link TcpProber} takes for the sweeps the link cares about; run on demand, never by {@code verify}
 * (the class name does not end in {@code Test}). Numbers go to {@code docs/benchmarks.md}.
 *
 * <ul>
 *   <li>1,000 open loopback ports (1,000 listening sockets), default concurrency;</li>
 *   <li>1,000 refused loopback ports;</li>
 *   <li>the MI HADR range 11000-11999 dropped by nftables in a network namespace of our own (as in
 *       {@code FilteredPortTest}), at several timeouts and concurrency bounds. Needs root, iproute2 and nftables;
 *       skipped with the reason otherwise.</li>
 * </ul>
 * Run from the repository root:
 * <pre>
 * ./mvnw -q -o test-compile -pl milink-network
 * java -cp milink-network/target/classes:milink-network/target/test-classes dev.milink.network.bench.ProbeSweepBenchmark
 * </pre>
 */
public final class ProbeSweepBenchmark {

    private static final PrintStream OUT = System.out;

    private ProbeSweepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        OUT.printf("Java %s, %d CPUs, %s %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.version"));
        openLoopback();
        refusedLoopback();
        filtered();
    }

    private static void openLoopback() throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) {
                ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                sockets.add(server);
                // accept and close, as a server would, so that the backlog never fills over the runs
                Thread.ofVirtual().start(() -> {
                    while (!server.isClosed()) {
                        try {
                            server.accept().close();
                        } catch (IOException e) {
                            return; // closed at the end of the benchmark
                        }
                    }
                });
            }
            List<ProbeTarget> targets = sockets.stream().map(s -> new ProbeTarget("127.0.0.1", s.getLocalPort()))
                    .toList();
            measure("1,000 open loopback ports, timeout 1 s, concurrency 1024", 3, 10,
                    () -> new TcpProber(Duration.ofSeconds(1)).probeAll(targets), ProbeOutcome.OPEN);
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }

    private static void refusedLoopback() throws IOException {
        List<ProbeTarget> targets = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                targets.add(new ProbeTarget("127.0.0.1", s.getLocalPort()));
            }
        }
        measure("1,000 refused loopback ports, timeout 1 s, concurrency 1024", 3, 10,
                () -> new TcpProber(Duration.ofSeconds(1)).probeAll(targets), ProbeOutcome.REFUSED);
    }

    private static void filtered() throws Exception {
        if (!FilteredNamespace.root()) {
            OUT.println("filtered sweep: skipped (needs root for a network namespace)");
            return;
        }
        try (FilteredNamespace namespace = FilteredNamespace.create("bench", "mlkb", 78)) {
            List<ProbeTarget> hadr = PortRange.MI_HADR.targets(namespace.address());
            for (long ms : new long[] {300, 1000, 3000}) {
                measure("1,000 filtered ports (11000-11999 dropped), timeout " + ms + " ms, concurrency 1024", 1, 3,
                        () -> new TcpProber(Duration.ofMillis(ms)).probeAll(hadr), ProbeOutcome.FILTERED);
            }
            measure("1,000 filtered ports, timeout 1000 ms, concurrency 100", 0, 2,
                    () -> new TcpProber(Duration.ofSeconds(1), 100).probeAll(hadr), ProbeOutcome.FILTERED);
            measure("1 filtered port, timeout 1000 ms", 1, 3,
                    () -> new TcpProber(Duration.ofSeconds(1)).probeAll(hadr.subList(0, 1)), ProbeOutcome.FILTERED);
        }
    }

    private static void measure(String name, int warmups, int runs, Supplier<List<ProbeResult>> sweep,
                                ProbeOutcome expected) {
        for (int i = 0; i < warmups; i++) {
            sweep.get();
        }
        long[] ms = new long[runs];
        Map<ProbeOutcome, Long> outcomes = new TreeMap<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            List<ProbeResult> results = sweep.get();
            ms[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            outcomes = results.stream().collect(Collectors.groupingBy(ProbeResult::outcome, TreeMap::new,
                    Collectors.counting()));
        }
        Arrays.sort(ms);
        OUT.printf("%-78s median %6d ms  min %6d  max %6d  (%d runs) outcomes %s%s%n", name, ms[runs / 2], ms[0],
                ms[runs - 1], runs, outcomes, outcomes.keySet().equals(java.util.Set.of(expected)) ? ""
                        : "  UNEXPECTED, wanted only " + expected);
    }
}
