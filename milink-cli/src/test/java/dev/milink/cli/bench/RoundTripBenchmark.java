// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.bench;

import dev.milink.cli.Environment;
import dev.milink.cli.Main;
import dev.milink.sandbox.catalog.CatalogEngine;
import dev.milink.sandbox.scenario.Scenario;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.SandboxCertificate;
import dev.milink.sandbox.server.SandboxInstance;
import dev.milink.sandbox.server.SandboxServer;
import dev.milink.sandbox.tds.RequestKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Round trips of one {@code milink check} as the number of databases grows (1, 10, 100, 500 user databases on
 * {@code prepared-2022}): what the sandbox's request log saw from login to the end, through the real driver and
 * TLS. The target is 2 round trips after login whatever the count (the instance batch and the per-database batch).
 * Run on demand (never by {@code verify}):
 * <pre>
 * java -cp milink-cli/target/test-classes:/tmp/dist/milink-0.1.0-SNAPSHOT/lib/milink.jar \
 *   dev.milink.cli.bench.RoundTripBenchmark [1,10,100,500]
 * </pre>
 */
public final class RoundTripBenchmark {

    private RoundTripBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String counts = args.length > 0 ? args[0] : "1,10,100,500";
        Path dir = Files.createTempDirectory("milink-bench-rt");
        List<InstanceDef> defs = new ArrayList<>();
        for (String c : counts.split(",")) {
            int n = Integer.parseInt(c.trim());
            StringBuilder yaml = new StringBuilder("name: dbs" + n + "\nbase: prepared-2022\ndatabases:\n");
            for (int i = 1; i <= n; i++) {
                yaml.append("  - name: \"db").append(i).append("\"\n");
            }
            Path file = dir.resolve("dbs" + n + ".yaml");
            Files.writeString(file, yaml);
            defs.add(InstanceDef.of(String.valueOf(n), CatalogEngine.create(Scenario.fromYaml(file))));
        }
        SandboxCertificate cert = SandboxCertificate.get();
        System.out.println("user databases | logins | round trips after login | SQL sent (chars) | exit");
        try (SandboxServer server = SandboxServer.start(defs)) {
            for (InstanceDef d : defs) {
                SandboxInstance instance = server.instance(d.name());
                long mark = instance.requestLog().mark();
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int exit = Main.run(Environment.of(Map.of("MILINK_SQL_PASSWORD", "Sandbox#2022sa",
                                "MILINK_TRUST_STORE_PASSWORD", cert.password())), new PrintWriter(out),
                        new PrintWriter(err), "check", "localhost," + instance.port(), "--user", "sa", "--trust-store",
                        cert.keystore().toString(), "--host-name-in-certificate", "localhost", "-o", "json");
                var sent = instance.requestLog().since(mark);
                long logins = sent.stream().filter(r -> r.kind() == RequestKind.LOGIN).count();
                long chars = sent.stream().mapToLong(r -> r.normalizedSql() == null ? 0 : r.normalizedSql().length())
                        .sum();
                System.out.printf("%,14d | %6d | %23d | %,16d | %d%s%n", Integer.parseInt(d.name()), logins,
                        instance.requestLog().roundTripsSince(mark), chars, exit,
                        err.toString().isBlank() ? "" : "  stderr: " + err.toString().strip());
            }
        }
    }
}
