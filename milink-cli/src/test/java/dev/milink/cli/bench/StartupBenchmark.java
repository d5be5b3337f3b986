// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up of the installed distribution against its baselines, as whole processes, each pair run back to back
 * so that load from other work hits both alike (the ratios are what docs/benchmarks.md records):
 * <ul>
 *   <li>{@code bin/milink --version} vs a bare JVM printing one line ({@link Hello}; same JVM flags as the launcher),
 *   <li>{@code bin/milink check localhost,PORT} (one {@code unprepared-2019} sandbox instance in a second JVM, TLS
 *       validated against the sandbox certificate), with the text report and with {@code -o json}, vs
 *       {@link ConnectSelectOne}: the same driver's connect and {@code SELECT 1} in a plain program.
 * </ul>
 * Besides wall time it prints each process's CPU time (user + sys, through {@code /usr/bin/time} when the machine has
 * it), which neighbours on a shared machine disturb much less.
 * Run on demand (never by {@code verify}):
 * <pre>
 * ./mvnw -q -o package -DskipTests -pl milink-cli -am &amp;&amp; unzip -q -o milink-cli/target/milink-*.zip -d /tmp/dist
 * ./mvnw -q -o dependency:build-classpath -pl milink-cli -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp milink-cli/target/test-classes:milink-cli/target/classes:$(cat /tmp/cp.txt) \
 *   dev.milink.cli.bench.StartupBenchmark /tmp/dist/milink-0.1.0-SNAPSHOT [--runs 9]
 * </pre>
 */
public final class StartupBenchmark {

    private static final List<String> FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dist = Path.of(args[0]);
        int runs = args.length > 2 && args[1].equals("--runs") ? Integer.parseInt(args[2]) : 9;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        String milink = dist.resolve("bin/milink").toString();
        System.out.printf("Java %s, %d CPUs; load average %s; %d runs of each, pairs back to back%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), load(), runs);

        System.out.println(Files.exists(dist.resolve("lib/milink.jsa"))
                ? "lib/milink.jsa (made at build time) for " + Files.readString(dist.resolve("lib/milink.jsa.jdk")).strip()
                : "no lib/milink.jsa: the launcher creates an archive on the first check");
        run(Map.of(), List.of(milink, "--version")); // the launcher remembers its Java
        pairs("--version vs bare JVM", runs, Map.of(), List.of(milink, "--version"),
                concat(java, FLAGS, "-cp", cp, Hello.class.getName()));

        Process sandbox = new ProcessBuilder(java, "-cp", cp, SandboxFleetProcess.class.getName(), "1")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (PrintWriter control = new PrintWriter(sandbox.outputWriter(StandardCharsets.UTF_8), true);
             BufferedReader replies = sandbox.inputReader(StandardCharsets.UTF_8)) {
            String[] ready = replies.readLine().split(" ");
            Map<String, String> env = new HashMap<>();
            env.put("MILINK_SQL_PASSWORD", ready[2]);
            env.put("MILINK_TRUST_STORE_PASSWORD", ready[4]);
            env.put("BENCH_TRUST_STORE", ready[3]);
            List<String> check = List.of(milink, "check", "localhost," + ready[5], "--user", ready[1], "--trust-store",
                    ready[3], "--host-name-in-certificate", "localhost", "-o", "json");
            List<String> text = check.subList(0, check.size() - 2); // the default output: the text report
            run(env, check);
            List<String> baseline = concat(java, FLAGS, "-cp", cp, ConnectSelectOne.class.getName(), ready[5],
                    ready[1]);
            pairs("check (text report) vs connect + SELECT 1", runs, env, text, baseline);
            pairs("check -o json vs connect + SELECT 1", runs, env, check, baseline);
            control.close();
        } finally {
            sandbox.destroy();
        }
    }

    private static void pairs(String name, int runs, Map<String, String> env, List<String> a, List<String> b)
            throws IOException, InterruptedException {
        List<Double> ta = new ArrayList<>();
        List<Double> tb = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        List<Double> ca = new ArrayList<>();
        List<Double> cb = new ArrayList<>();
        List<Double> cpuRatio = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            double[] x = run(env, a);
            double[] y = run(env, b);
            ta.add(x[0]);
            tb.add(y[0]);
            ratio.add(x[0] / y[0]);
            if (x[1] > 0 && y[1] > 0) {
                ca.add(x[1]);
                cb.add(y[1]);
                cpuRatio.add(x[1] / y[1]);
            }
        }
        System.out.printf("%s (load average now %s)%n  milink:   %s%n  baseline: %s%n  ratio:    %s%n", name, load(),
                Timings.of(ta).format("ms", 0), Timings.of(tb).format("ms", 0), Timings.of(ratio).format("x", 2));
        if (!cpuRatio.isEmpty()) {
            System.out.printf("  CPU (user + sys) milink:   %s%n  CPU baseline:              %s%n"
                            + "  CPU ratio:                 %s%n", Timings.of(ca).format("ms", 0),
                    Timings.of(cb).format("ms", 0), Timings.of(cpuRatio).format("x", 2));
        }
    }

    /**
     * Wall time of one process and its CPU time (user + sys, from {@code /usr/bin/time} when the machine has it,
     * else 0), in ms; fails on a non-zero exit other than milink's verdicts.
     */
    private static double[] run(Map<String, String> env, List<String> command)
            throws IOException, InterruptedException {
        Path time = Path.of("/usr/bin/time");
        Path cpu = Files.isExecutable(time) ? Files.createTempFile("startup", ".cpu") : null;
        List<String> full = new ArrayList<>();
        if (cpu != null) {
            full.addAll(List.of(time.toString(), "-f", "%U %S", "-o", cpu.toString()));
        }
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true);
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        double ms = (System.nanoTime() - t0) / 1e6;
        if (exit != 0 && exit != 1) {
            throw new IllegalStateException(command + " exited " + exit + ":\n" + out);
        }
        double cpuMs = 0;
        if (cpu != null) {
            String[] us = Files.readString(cpu).strip().split("\\s+");
            Files.delete(cpu);
            String[] last = us.length >= 2 ? us : new String[] {"0", "0"};
            cpuMs = (Double.parseDouble(last[last.length - 2]) + Double.parseDouble(last[last.length - 1])) * 1000;
        }
        return new double[] {ms, cpuMs};
    }

    private static List<String> concat(String first, List<String> flags, String... rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(flags);
        all.addAll(List.of(rest));
        return all;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
