// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.bench;

import dev.milink.cli.Environment;
import dev.milink.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code milink check} over a fleet of sandbox instances, through the real mssql-jdbc driver and TLS validated
 * against the sandbox certificate, exactly as the CLI runs it ({@link Main#run} with every target on one command
 * line, the password through {@code MILINK_SQL_PASSWORD}); run on demand, never by {@code verify} (the class
 * name does not end in {@code Test}). Numbers go to {@code docs/benchmarks.md}.
 *
 * <p>The instances ({@code unprepared-2019}) live in a second JVM ({@link SandboxFleetProcess}), so heap and
 * CPU measured here are the client's. For each fleet size, {@code --parallel} value and injected latency it
 * prints median/min/max wall time, instances per second, client CPU, the sandbox's CPU, CPU used by everything
 * else on the machine (from {@code /proc/stat}: other work sharing the cores), the sampled peak heap of this JVM
 * and the logins and round trips the sandbox saw per instance. Run it with the launcher's JVM flags:
 * <pre>
 * ./mvnw -q -o test-compile -pl milink-cli
 * ./mvnw -q -o dependency:build-classpath -pl milink-cli -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
 *   -cp milink-cli/target/test-classes:milink-cli/target/classes:$(cat /tmp/cp.txt) \
 *   dev.milink.cli.bench.FleetBenchmark [--sizes 100,500] [--parallel 1,4,16,64] [--latency 0,20] [--runs 3] \
 *   [--trust-store-format p12|jks]
 * </pre>
 * {@code --latency L} injects {@code L} ms before every reply after login and {@code 5 × L} ms before the login
 * reply: a real login costs five round trips (TCP, PRELOGIN, two for the TLS 1.2 handshake, LOGIN7) that the
 * sandbox does not otherwise delay.
 */
public final class FleetBenchmark {

    private static final PrintStream OUT = System.out;
    private static final int LOGIN_ROUND_TRIPS = 5;

    private FleetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = ints(option(args, "--sizes", "100,500"));
        List<Integer> parallels = ints(option(args, "--parallel", "1,4,16,64"));
        List<Integer> latencies = ints(option(args, "--latency", "0,20"));
        int runs = Integer.parseInt(option(args, "--runs", "3"));
        String trustStoreFormat = option(args, "--trust-store-format", "p12");
        int instances = sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
        OUT.printf("Java %s (%s), %d CPUs, %s %s, max heap %,d MB, JVM flags %s%n", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.version"),
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getRuntimeMXBean().getInputArguments());

        Process sandbox = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                SandboxFleetProcess.class.getName(), String.valueOf(instances))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (PrintWriter control = new PrintWriter(sandbox.outputWriter(StandardCharsets.UTF_8), true);
             BufferedReader replies = sandbox.inputReader(StandardCharsets.UTF_8)) {
            long started = System.nanoTime();
            String[] ready = replies.readLine().split(" ");
            if (!ready[0].equals("READY")) {
                throw new IllegalStateException("sandbox: " + String.join(" ", ready));
            }
            OUT.printf("sandbox: %d instances of unprepared-2019 in one SandboxServer (separate JVM), ready in %,d ms%n",
                    instances, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            Path trustStore = Path.of(ready[3]);
            String trustStorePassword = ready[4];
            if (trustStoreFormat.equals("jks")) {
                trustStore = jksCopy(trustStore, trustStorePassword);
                trustStorePassword = "changeit";
            }
            OUT.println("trust store: " + trustStore.getFileName() + " (the sandbox certificate; TLS validated)");
            Fleet fleet = new Fleet(ready[1], ready[2], trustStore, trustStorePassword,
                    Arrays.stream(ready[5].split(",")).map(Integer::parseInt).toList(), sandbox, control, replies);

            // The first fleet run in this JVM pays class loading and JIT; shown, then left out of the table.
            Sample first = fleet.check(Math.min(100, instances), 16);
            OUT.println("first run in this JVM (" + Math.min(100, instances) + " instances, --parallel 16, no latency): "
                    + first.wallMs + " ms");
            fleet.check(Math.min(100, instances), 16);

            for (int latency : latencies) {
                fleet.latency(latency);
                OUT.printf("%n-- injected latency: %d ms per request after login, %d ms at login%n", latency,
                        latency * LOGIN_ROUND_TRIPS);
                OUT.println("instances | --parallel | wall ms (median / min / max) | instances/s | client CPU s"
                        + " | sandbox CPU s | other CPU s | peak heap MB | GCs | logins+round trips per instance"
                        + " | client CPU ms per instance | client peak RSS MB (VmHWM, this JVM so far)");
                for (int size : sizes) {
                    for (int parallel : parallels) {
                        List<Sample> samples = new ArrayList<>();
                        for (int r = 0; r < runs; r++) {
                            samples.add(fleet.check(size, parallel));
                        }
                        report(size, parallel, samples);
                    }
                }
            }
        } finally {
            sandbox.outputWriter().close();
            if (!sandbox.waitFor(30, TimeUnit.SECONDS)) {
                sandbox.destroy();
            }
        }
    }

    private static void report(int size, int parallel, List<Sample> samples) {
        Timings wall = Timings.of(samples.stream().map(s -> (double) s.wallMs).toList());
        Sample median = samples.stream().filter(s -> s.wallMs == (long) wall.median()).findFirst()
                .orElse(samples.get(samples.size() / 2));
        OUT.printf("%,9d | %10d | %,.0f / %,.0f / %,.0f | %,.0f | %.1f | %.1f | %.1f | %,d | %d | %s | %.1f | %,d%n",
                size, parallel, wall.median(), wall.min(), wall.max(), size * 1000.0 / wall.median(),
                median.clientCpuMs / 1000.0, median.sandboxCpuMs / 1000.0, median.otherCpuMs / 1000.0,
                samples.stream().mapToLong(s -> s.peakHeapMb).max().orElse(0), median.gcs, median.perInstance,
                median.clientCpuMs / (double) size, peakRssMb());
    }

    /** One timed {@code milink check} over {@code size} targets. */
    record Sample(long wallMs, long clientCpuMs, long sandboxCpuMs, long otherCpuMs, long peakHeapMb, long gcs,
                  String perInstance) {}

    private record Fleet(String user, String password, Path keystore, String storePassword, List<Integer> ports,
                         Process sandbox, PrintWriter control, BufferedReader replies) {

        void latency(int ms) throws IOException {
            control.println("latency " + ms + " " + ms * LOGIN_ROUND_TRIPS);
            expect("OK");
        }

        Sample check(int size, int parallel) throws IOException {
            List<String> args = new ArrayList<>(List.of("check", "--user", user, "--trust-store", keystore.toString(),
                    "--host-name-in-certificate", "localhost", "--parallel", String.valueOf(parallel)));
            ports.subList(0, size).forEach(p -> args.add("localhost:" + p));
            Environment env = Environment.of(Map.of("MILINK_SQL_PASSWORD", password,
                    "MILINK_TRUST_STORE_PASSWORD", storePassword));
            stats(); // resets the sandbox's counters
            System.gc();
            long gcsBefore = gcCount();
            long sandboxCpu = sandboxCpuMs();
            long clientCpu = clientCpuMs();
            long machineCpu = machineCpuMs();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit;
            long start = System.nanoTime();
            try (HeapSampler heap = HeapSampler.start()) {
                exit = Main.run(env, new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
                long wallMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                String text = out.toString();
                if (exit != 1 || !err.toString().isBlank() || !text.contains("NOT READY")) {
                    throw new IllegalStateException("unexpected result: exit " + exit + "\n" + err
                            + text.substring(Math.max(0, text.length() - 500)));
                }
                String[] stats = stats().split(" ");
                String perInstance = String.format("%.1f+%.1f", Long.parseLong(stats[1]) / (double) size,
                        Long.parseLong(stats[2]) / (double) size);
                long client = clientCpuMs() - clientCpu;
                long server = sandboxCpuMs() - sandboxCpu;
                long other = machineCpu < 0 ? -1 : machineCpuMs() - machineCpu - client - server;
                return new Sample(wallMs, client, server, other, heap.peakBytes() >> 20, gcCount() - gcsBefore,
                        perInstance);
            }
        }

        String stats() throws IOException {
            control.println("stats");
            return expect("STATS");
        }

        private String expect(String prefix) throws IOException {
            String line = replies.readLine();
            if (line == null || !line.startsWith(prefix)) {
                throw new IllegalStateException("sandbox said: " + line);
            }
            return line;
        }

        long sandboxCpuMs() {
            return sandbox.info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        }
    }

    static long clientCpuMs() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    /** CPU time used by the whole machine (all processes), from {@code /proc/stat}; -1 where there is none. */
    static long machineCpuMs() {
        try {
            String[] f = java.nio.file.Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long ticks = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) { // user nice system irq softirq steal
                ticks += Long.parseLong(f[i]);
            }
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The peak resident set size of this JVM so far ({@code VmHWM}), in MB; -1 where there is no /proc. */
    static long peakRssMb() {
        try {
            return java.nio.file.Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmHWM:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) >> 10).orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    /** Samples used heap every 2 ms on a platform thread; a peak between two samples can be missed. */
    static final class HeapSampler implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        private HeapSampler() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            peak.set(memory.getHeapMemoryUsage().getUsed());
            thread = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        static HeapSampler start() {
            return new HeapSampler();
        }

        long peakBytes() {
            peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            return peak.get();
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }

    /**
     * The sandbox certificate alone in a JKS trust store: JKS checks its integrity with one SHA-1 over the file,
     * where a PKCS12 store runs PBKDF2 (10,000 HMAC-SHA256 iterations) for its certificate bag and again for its MAC.
     */
    private static Path jksCopy(Path p12, String password) throws IOException, InterruptedException {
        Path dir = java.nio.file.Files.createTempDirectory("milink-bench-jks");
        Path pem = dir.resolve("sandbox.pem");
        Path jks = dir.resolve("sandbox.jks");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        keytool(keytool, "-exportcert", "-rfc", "-alias", "milink-sandbox", "-keystore", p12.toString(),
                "-storetype", "PKCS12", "-storepass", password, "-file", pem.toString());
        keytool(keytool, "-importcert", "-noprompt", "-alias", "milink-sandbox", "-file", pem.toString(),
                "-keystore", jks.toString(), "-storetype", "JKS", "-storepass", "changeit");
        jks.toFile().deleteOnExit();
        pem.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return jks;
    }

    private static void keytool(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("keytool failed: " + out);
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static List<Integer> ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }
}
