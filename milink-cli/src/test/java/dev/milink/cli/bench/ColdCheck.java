// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.bench;

import dev.milink.cli.Environment;
import dev.milink.cli.Main;
import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.assess.Assessor;
import dev.milink.core.buildref.BuildReferences;
import dev.milink.core.catalog.CheckCatalog;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.Finding;
import dev.milink.core.model.Direction;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts;
import dev.milink.core.secret.Secret;
import dev.milink.report.RenderOptions;
import dev.milink.report.ReportRenderers;
import dev.milink.sqlserver.collect.SqlServerCollector;
import dev.milink.sqlserver.connect.Authentication;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlTarget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The client half of {@link CollectionBenchmark}, started as a fresh JVM per sample so that its first call is
 * really the first in the JVM. {@code cli PORT WARM}: times {@link Main#run} {@code check} once cold, then
 * {@code WARM} times. {@code phases PORT WARM}: the same work through the library, timed per phase: login +
 * collect; rules (the bundled build reference and the check catalog); evaluate; render text. Credentials come
 * from {@code MILINK_SQL_USER}, {@code MILINK_SQL_PASSWORD}, {@code BENCH_TRUST_STORE} and
 * {@code MILINK_TRUST_STORE_PASSWORD}; {@code -Dbench.launchedAt} (epoch ms) is when the parent started this
 * JVM. Prints one line, {@code RESULT k=v …}: times in ms, warm ones comma-separated.
 */
public final class ColdCheck {

    private ColdCheck() {
    }

    public static void main(String[] args) throws Exception {
        long mainAt = System.currentTimeMillis();
        long jvmToMain = mainAt - Long.getLong("bench.launchedAt", mainAt);
        String mode = args[0];
        int port = Integer.parseInt(args[1]);
        int warm = Integer.parseInt(args[2]);
        Map<String, String> env = System.getenv();
        StringBuilder result = new StringBuilder("RESULT mode=" + mode + " jvmToMain=" + jvmToMain);
        if (mode.equals("cli")) {
            List<String> argv = List.of("check", "localhost:" + port, "--user", env.get("MILINK_SQL_USER"),
                    "--trust-store", env.get("BENCH_TRUST_STORE"), "--host-name-in-certificate", "localhost");
            Environment environment = Environment.of(Map.of("MILINK_SQL_PASSWORD", env.get("MILINK_SQL_PASSWORD"),
                    "MILINK_TRUST_STORE_PASSWORD", env.get("MILINK_TRUST_STORE_PASSWORD")));
            result.append(" first=").append(ms(() -> cli(environment, argv)));
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < warm; i++) {
                times.add(ms(() -> cli(environment, argv)));
            }
            result.append(" warm=").append(join(times));
        } else {
            ConnectionSettings settings = ConnectionSettings.of(new SqlTarget("localhost", port, null),
                            new Authentication.SqlLogin(env.get("MILINK_SQL_USER"),
                                    Secret.of(env.get("MILINK_SQL_PASSWORD"))))
                    .withHostNameInCertificate("localhost")
                    .withTrustStore(Path.of(env.get("BENCH_TRUST_STORE")),
                            Secret.of(env.get("MILINK_TRUST_STORE_PASSWORD")));
            List<long[]> runs = new ArrayList<>();
            for (int i = 0; i <= warm; i++) {
                runs.add(phases(settings, port));
            }
            String[] names = {"collect", "rules", "evaluate", "render"};
            for (int p = 0; p < names.length; p++) {
                int phase = p;
                result.append(' ').append(names[p]).append("First=").append(runs.getFirst()[p]);
                result.append(' ').append(names[p]).append("Warm=")
                        .append(join(runs.subList(1, runs.size()).stream().map(r -> r[phase]).toList()));
            }
        }
        System.out.println(result);
    }

    private static void cli(Environment env, List<String> argv) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(env, new PrintWriter(out), new PrintWriter(err), argv.toArray(String[]::new));
        if (exit == 2 || exit == 3 || exit == 4 || !err.toString().isBlank()) {
            throw new IllegalStateException("unexpected: exit " + exit + "\n" + out + err);
        }
    }

    /** Nanosecond timings of the three phases, as milliseconds (rounded down). */
    private static long[] phases(ConnectionSettings settings, int port) throws Exception {
        long t0 = System.nanoTime();
        ServerFacts facts = SqlServerCollector.jdbc().collect(settings);
        long t1 = System.nanoTime();
        CheckContext context = CheckContext.of(BuildReferences.bundled());
        Assessor assessor = Assessor.of(CheckCatalog.standard());
        long t15 = System.nanoTime();
        List<Finding> findings = assessor.evaluate(Facts.of(facts, Direction.SQL_TO_MI), context, Assessor.DatabaseSelection.ALL_USER);
        long t2 = System.nanoTime();
        AssessmentReport report = new AssessmentReport("bench", Instant.now(), Direction.SQL_TO_MI,
                List.of("localhost:" + port), findings, List.of());
        StringWriter text = new StringWriter();
        ReportRenderers.byName("text").render(report, text, RenderOptions.defaults());
        long t3 = System.nanoTime();
        if (!text.toString().contains("READY")) {
            throw new IllegalStateException("unexpected report:\n" + text);
        }
        return new long[] {Duration.ofNanos(t1 - t0).toMillis(), Duration.ofNanos(t15 - t1).toMillis(),
                Duration.ofNanos(t2 - t15).toMillis(), Duration.ofNanos(t3 - t2).toMillis()};
    }

    private static long ms(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static String join(List<Long> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
