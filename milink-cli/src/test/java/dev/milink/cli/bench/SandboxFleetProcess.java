// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.bench;

import dev.milink.sandbox.catalog.CatalogEngine;
import dev.milink.sandbox.engine.Faults;
import dev.milink.sandbox.scenario.Scenario;
import dev.milink.sandbox.scenario.Scenarios;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.SandboxCertificate;
import dev.milink.sandbox.server.SandboxInstance;
import dev.milink.sandbox.server.SandboxServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The sandbox side of {@link FleetBenchmark}, in a JVM of its own so that the client's heap and CPU numbers are
 * milink's alone: {@code N} instances of {@code unprepared-2019} in one {@link SandboxServer}. Prints one line
 * {@code READY user password keystore storePassword port,port,…}, then obeys stdin, one command a line:
 * {@code latency RTT_MS LOGIN_MS} (sets {@link Faults} on every instance, answers {@code OK}), {@code stats}
 * (answers {@code STATS logins roundTrips}, summed over the instances since the last {@code stats}); it stops
 * at the end of stdin.
 */
public final class SandboxFleetProcess {

    private SandboxFleetProcess() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        String scenario = args.length > 1 ? args[1] : "unprepared-2019";
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<InstanceDef> defs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            defs.add(InstanceDef.of("sql" + i, CatalogEngine.create(Scenarios.load(scenario))));
        }
        Scenario.Login sa = Scenarios.load(scenario).login("sa");
        SandboxCertificate cert = SandboxCertificate.get();
        try (SandboxServer server = SandboxServer.start(defs)) {
            List<SandboxInstance> instances = defs.stream().map(d -> server.instance(d.name())).toList();
            out.println("READY " + sa.name + " " + sa.password + " " + cert.keystore() + " " + cert.password() + " "
                    + instances.stream().map(i -> String.valueOf(i.port())).collect(Collectors.joining(",")));
            long[] marks = new long[n];
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                String[] cmd = line.trim().split("\\s+");
                switch (cmd[0]) {
                    case "latency" -> {
                        Faults f = new Faults(Duration.ofMillis(Long.parseLong(cmd[1])),
                                Duration.ofMillis(Long.parseLong(cmd[2])), 0, List.of());
                        instances.forEach(i -> i.setFaults(f));
                        out.println("OK");
                    }
                    case "stats" -> {
                        long logins = 0;
                        long roundTrips = 0;
                        for (int i = 0; i < n; i++) {
                            var log = instances.get(i).requestLog();
                            long mark = marks[i];
                            logins += log.since(mark).stream()
                                    .filter(r -> r.kind() == dev.milink.sandbox.tds.RequestKind.LOGIN).count();
                            roundTrips += log.roundTripsSince(mark);
                            marks[i] = log.mark();
                        }
                        out.println("STATS " + logins + " " + roundTrips);
                    }
                    default -> out.println("ERROR unknown command " + line);
                }
            }
        }
    }
}
