// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Probes TCP endpoints with a per-probe timeout and bounded concurrency. Each name is resolved once per call;
 * probes run on virtual threads, at most {@code maxConcurrent} sockets at a time, so a sweep of 1,000 filtered
 * ports takes about one timeout (with the default bound), not a thousand.
 *
 * <p>A TCP success proves only that the port is reachable; firewalls that inspect the link's protocol can still
 * block it. Reports say "TCP reachable", never "link works".
 *
 * @since 0.1
 */
public final class TcpProber {

    /** Default bound on sockets in flight. */
    public static final int DEFAULT_MAX_CONCURRENT = 1_024;

    private final Duration timeout;
    private final int maxConcurrent;

    public TcpProber(Duration timeout, int maxConcurrent) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("probe timeout must be positive");
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1");
        }
        this.timeout = timeout;
        this.maxConcurrent = maxConcurrent;
    }

    public TcpProber(Duration timeout) {
        this(timeout, DEFAULT_MAX_CONCURRENT);
    }

    /** Probes one endpoint. */
    public ProbeResult probe(ProbeTarget target) {
        return probeAll(List.of(target)).getFirst();
    }

    /** Probes every target; results come back in the order of {@code targets}. */
    public List<ProbeResult> probeAll(List<ProbeTarget> targets) {
        Map<String, Resolution> names = new ConcurrentHashMap<>();
        Semaphore slots = new Semaphore(maxConcurrent);
        List<Future<ProbeResult>> futures = new ArrayList<>(targets.size());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ProbeTarget t : targets) {
                futures.add(pool.submit(() -> {
                    slots.acquire();
                    try {
                        return connect(t, names.computeIfAbsent(t.host(), Resolution::of));
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<ProbeResult> results = new ArrayList<>(targets.size());
            for (Future<ProbeResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("probing was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a probe failed unexpectedly", e.getCause());
        }
    }

    private ProbeResult connect(ProbeTarget target, Resolution resolution) {
        long start = System.nanoTime();
        if (resolution.address() == null) {
            return new ProbeResult(target, ProbeOutcome.DNS_FAILURE, null, Duration.ZERO, resolution.error());
        }
        String ip = resolution.address().getHostAddress();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(resolution.address(), target.port()), (int) timeout.toMillis());
            return result(target, ProbeOutcome.OPEN, ip, start, "connected");
        } catch (SocketTimeoutException e) {
            return result(target, ProbeOutcome.FILTERED, ip, start, "no answer within " + timeout.toMillis() + " ms");
        } catch (NoRouteToHostException e) {
            return result(target, ProbeOutcome.UNREACHABLE, ip, start, String.valueOf(e.getMessage()));
        } catch (ConnectException e) {
            return result(target, classify(e), ip, start, String.valueOf(e.getMessage()));
        } catch (IOException e) {
            return result(target, ProbeOutcome.UNREACHABLE, ip, start, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** "Connection refused" is a reset; "Network is unreachable" / "Host is unreachable" are routing failures. */
    static ProbeOutcome classify(ConnectException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("unreachable") || m.contains("no route")) {
            return ProbeOutcome.UNREACHABLE;
        }
        if (m.contains("timed out")) {
            return ProbeOutcome.FILTERED;
        }
        return ProbeOutcome.REFUSED;
    }

    private static ProbeResult result(ProbeTarget t, ProbeOutcome o, String ip, long startNanos, String detail) {
        return new ProbeResult(t, o, ip, Duration.ofNanos(System.nanoTime() - startNanos), detail);
    }

    /** A name resolved once per sweep. */
    private record Resolution(InetAddress address, String error) {
        static Resolution of(String host) {
            try {
                return new Resolution(InetAddress.getByName(host), null);
            } catch (UnknownHostException e) {
                return new Resolution(null, "unknown host " + host);
            }
        }
    }
}
