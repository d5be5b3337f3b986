// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.bench;

import dev.milink.sandbox.catalog.CatalogEngine;
import dev.milink.sandbox.scenario.Scenario;
import dev.milink.sandbox.scenario.Scenarios;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.RequestLog;
import dev.milink.sandbox.server.SandboxCertificate;
import dev.milink.sandbox.server.SandboxInstance;
import dev.milink.sandbox.server.SandboxServer;
import dev.milink.sandbox.tds.RequestKind;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One instance, checked by a fresh client JVM each time (the launcher's flags), through the real mssql-jdbc
 * driver with TLS validated against the sandbox certificate; run on demand, never by {@code verify}. Numbers go
 * to {@code docs/benchmarks.md}. The instances ({@code unprepared-2019}, and {@code prepared-2022} with 200 user
 * databases, built as {@code SandboxCollectorTest} builds it) run in this JVM, whose {@link RequestLog}s give
 * the logins and round trips each client made. For each instance it measures:
 * <ul>
 *   <li>{@code milink check HOST:PORT} as a process: JVM start to exit, what a DBA waits for;</li>
 *   <li>in a fresh JVM ({@link ColdCheck}): the first {@code Main.run check} and then warm ones;</li>
 *   <li>the same work through the library, split into login + collect, evaluate and render, cold and warm.</li>
 * </ul>
 * <pre>
 * ./mvnw -q -o test-compile -pl milink-cli
 * ./mvnw -q -o dependency:build-classpath -pl milink-cli -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp milink-cli/target/test-classes:milink-cli/target/classes:$(cat /tmp/cp.txt) \
 *   dev.milink.cli.bench.CollectionBenchmark [--jvms 5] [--warm 20]
 * </pre>
 */
public final class CollectionBenchmark {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static final List<String> LAUNCHER_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private CollectionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int jvms = Integer.parseInt(option(args, "--jvms", "5"));
        int warm = Integer.parseInt(option(args, "--warm", "20"));
        OUT.printf("Java %s, %d CPUs, %s %s; client JVMs run with %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.version"), LAUNCHER_FLAGS);
        Path dir = Files.createTempDirectory("milink-bench");
        Path many = dir.resolve("many.yaml");
        StringBuilder yaml = new StringBuilder("name: many\nbase: prepared-2022\ndatabases:\n");
        for (int i = 1; i <= 200; i++) {
            yaml.append("  - name: \"db").append(i).append("\"\n");
        }
        Files.writeString(many, yaml);
        Scenario unprepared = Scenarios.load("unprepared-2019");
        Scenario hundreds = Scenario.fromYaml(many);
        try (SandboxServer server = SandboxServer.start(
                InstanceDef.of("unprepared-2019", CatalogEngine.create(unprepared)),
                InstanceDef.of("200-databases", CatalogEngine.create(hundreds)))) {
            SandboxCertificate.get();
            measure(server.instance("unprepared-2019"), unprepared, jvms, warm);
            measure(server.instance("200-databases"), hundreds, jvms, warm);
        }
    }

    private static void measure(SandboxInstance instance, Scenario scenario, int jvms, int warm) throws Exception {
        OUT.printf("%n== %s (%d databases in the scenario)%n", instance.name(), scenario.databases.size());
        Scenario.Login sa = scenario.login("sa");
        SandboxCertificate cert = SandboxCertificate.get();
        Map<String, String> env = new HashMap<>(Map.of("MILINK_SQL_USER", sa.name,
                "MILINK_SQL_PASSWORD", sa.password, "BENCH_TRUST_STORE", cert.keystore().toString(),
                "MILINK_TRUST_STORE_PASSWORD", cert.password()));

        // one check as a process, and what it sent
        List<Double> process = new ArrayList<>();
        for (int i = 0; i < jvms; i++) {
            long mark = instance.requestLog().mark();
            long start = System.nanoTime();
            Child c = run(env, "dev.milink.cli.Main", "check", "localhost:" + instance.port(), "--user", sa.name,
                    "--trust-store", cert.keystore().toString(), "--host-name-in-certificate", "localhost");
            process.add((double) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            if (c.exit == 2 || c.exit == 3 || c.exit == 4) {
                throw new IllegalStateException("milink check failed: " + c);
            }
            if (i == 0) {
                List<RequestLog.Request> sent = instance.requestLog().since(mark);
                OUT.printf("requests of one 'milink check': %d login(s), %d round trip(s) after login%n",
                        sent.stream().filter(r -> r.kind() == RequestKind.LOGIN).count(),
                        instance.requestLog().roundTripsSince(mark));
                for (RequestLog.Request r : sent) {
                    String sql = r.normalizedSql() == null ? "" : r.normalizedSql();
                    OUT.printf("  %s %s %,d chars: %s%n", r.kind(), r.procedure() == null ? "" : r.procedure(),
                            sql.length(), sql.substring(0, Math.min(70, sql.length())));
                }
            }
        }
        OUT.println("milink check as a process (JVM start to exit): " + Timings.of(process).format("ms", 0));

        // first and warm Main.run in fresh JVMs
        List<Double> firsts = new ArrayList<>();
        List<Double> warms = new ArrayList<>();
        List<Double> jvmToMain = new ArrayList<>();
        for (int i = 0; i < jvms; i++) {
            long mark = instance.requestLog().mark();
            Map<String, String> r = result(run(env, ColdCheck.class.getName(), "cli", String.valueOf(instance.port()),
                    String.valueOf(warm)));
            long logins = instance.requestLog().since(mark).stream().filter(q -> q.kind() == RequestKind.LOGIN).count();
            long roundTrips = instance.requestLog().roundTripsSince(mark);
            if (logins != warm + 1 || roundTrips > 2L * (warm + 1)) {
                OUT.printf("  note: %d logins, %d round trips for %d checks%n", logins, roundTrips, warm + 1);
            }
            jvmToMain.add(Double.parseDouble(r.get("jvmToMain")));
            firsts.add(Double.parseDouble(r.get("first")));
            warms.add(Timings.of(longs(r.get("warm"))).median());
        }
        OUT.println("JVM start to main:                  " + Timings.of(jvmToMain).format("ms", 0));
        OUT.println("Main.run check, first in the JVM:   " + Timings.of(firsts).format("ms", 0));
        OUT.println("Main.run check, warm (" + warm + "x, median per JVM): " + Timings.of(warms).format("ms", 1));

        // phases through the library, first and warm
        Map<String, List<Double>> phases = new HashMap<>();
        for (int i = 0; i < jvms; i++) {
            Map<String, String> r = result(run(env, ColdCheck.class.getName(), "phases",
                    String.valueOf(instance.port()), String.valueOf(warm)));
            for (String p : List.of("collect", "rules", "evaluate", "render")) {
                phases.computeIfAbsent(p + " first", k -> new ArrayList<>())
                        .add(Double.parseDouble(r.get(p + "First")));
                phases.computeIfAbsent(p + " warm", k -> new ArrayList<>())
                        .add(Timings.of(longs(r.get(p + "Warm"))).median());
            }
        }
        for (String p : List.of("collect", "rules", "evaluate", "render")) {
            OUT.printf("%-8s first: %s%n", p, Timings.of(phases.get(p + " first")).format("ms", 0));
            OUT.printf("%-8s warm:  %s%n", p, Timings.of(phases.get(p + " warm")).format("ms", 1));
        }
    }

    private record Child(int exit, String out) {}

    private static Child run(Map<String, String> env, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAUNCHER_FLAGS);
        command.add("-Dbench.launchedAt=" + System.currentTimeMillis());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Child(p.waitFor(), out);
    }

    private static Map<String, String> result(Child c) {
        String line = c.out.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no RESULT line: " + c));
        Map<String, String> m = new HashMap<>();
        for (String kv : line.substring("RESULT ".length()).split(" ")) {
            int eq = kv.indexOf('=');
            m.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return m;
    }

    private static List<Double> longs(String csv) {
        return Arrays.stream(csv.split(",")).map(Double::parseDouble).toList();
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
