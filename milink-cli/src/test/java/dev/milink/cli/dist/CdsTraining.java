// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.dist;

import dev.milink.sandbox.catalog.CatalogEngine;
import dev.milink.sandbox.scenario.Scenario;
import dev.milink.sandbox.scenario.Scenarios;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.SandboxCertificate;
import dev.milink.sandbox.server.SandboxServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the distribution's class-data sharing archive ({@code lib/milink.jsa}) at build time: one training run of
 * {@code java -XX:ArchiveClassesAtExit=… -jar milink.jar check --inventory …} over two {@code unprepared-2019}
 * sandbox instances that this JVM hosts, so the archive holds the classes a {@code milink check} loads (command line,
 * driver, TLS, collector, checks, text report) and those of a fleet run (the CSV inventory reader, the fleet summary),
 * and none of the sandbox's. Run by {@code ./mvnw package} (exec plugin in
 * milink-cli's pom, after the shade plugin made the jar, before the assembly packs it); not a test.
 *
 * <p>Arguments: the jar, the archive to write, the stamp file to write. The archive is valid only for the JVM that
 * made it and for this jar with its modification time, so the training first sets the jar's time to a whole even
 * second (zip keeps times to 2 s), and the stamp file records the making JDK ({@code JAVA_RUNTIME_VERSION OS_NAME
 * OS_ARCH} from its {@code release} file) and that time (epoch seconds) for the launchers: they use the archive only
 * for that JDK and that jar time (an unzip in another time zone shifts it: zip stores local time), else they let the
 * JVM create an archive of its own on the first run.
 */
public final class CdsTraining {

    /** The launcher's JVM flags: an archive is only used with the garbage collector it was made with. */
    private static final List<String> FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path archive = Path.of(args[1]).toAbsolutePath();
        Path stamp = Path.of(args[2]).toAbsolutePath();
        Path javaHome = Path.of(System.getProperty("java.home"));
        String java = javaHome.resolve("bin/java").toString();
        Files.deleteIfExists(archive);
        Files.deleteIfExists(stamp);
        long even = Files.getLastModifiedTime(jar).toMillis() / 2000 * 2000;
        Files.setLastModifiedTime(jar, FileTime.fromMillis(even));

        String scenario = "unprepared-2019";
        Scenario.Login sa = Scenarios.load(scenario).login("sa");
        SandboxCertificate cert = SandboxCertificate.get();
        Path inventory = Files.createTempFile("milink-cds-training", ".csv");
        try (SandboxServer server = SandboxServer.start(
                List.of(InstanceDef.of("training", CatalogEngine.create(Scenarios.load(scenario))),
                        InstanceDef.of("training2", CatalogEngine.create(Scenarios.load(scenario)))))) {
            Files.writeString(inventory, "Server;Tags\nlocalhost:" + server.instance("training").port() + ";cds\n"
                    + "localhost:" + server.instance("training2").port() + ";cds\n", StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder(concat(List.of(java), FLAGS, List.of(
                    "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=warning",
                    "-jar", jar.toString(), "check", "--inventory", inventory.toString(), "--user", sa.name,
                    "--trust-store", cert.keystore().toString(), "--host-name-in-certificate", "localhost")))
                    .redirectErrorStream(true);
            pb.environment().keySet().removeIf(k -> k.startsWith("MILINK"));
            pb.environment().put("MILINK_SQL_PASSWORD", sa.password);
            pb.environment().put("MILINK_TRUST_STORE_PASSWORD", cert.password());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("the CDS training run did not finish in 5 minutes");
            }
            // the sandbox's unprepared-2019 is NOT READY: exit 1 is the expected verdict
            if (p.exitValue() != 1 || !out.contains("NOT READY") || !Files.isRegularFile(archive)) {
                throw new IllegalStateException("the CDS training run failed (exit " + p.exitValue() + "):\n" + out);
            }
        } finally {
            Files.deleteIfExists(inventory);
        }
        Files.writeString(stamp, stamp(javaHome) + " " + even / 1000 + "\n", StandardCharsets.UTF_8);
        System.out.printf("milink: class-data sharing archive %s (%,d bytes) for Java %s%n", archive.getFileName(),
                Files.size(archive), stamp(javaHome));
    }

    /** {@code JAVA_RUNTIME_VERSION OS_NAME OS_ARCH} of a JDK, as the launchers read them from its release file. */
    static String stamp(Path javaHome) throws IOException {
        String release = Files.readString(javaHome.resolve("release"), StandardCharsets.UTF_8);
        return value(release, "JAVA_RUNTIME_VERSION") + " " + value(release, "OS_NAME") + " "
                + value(release, "OS_ARCH");
    }

    private static String value(String release, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + "=\"([^\"]*)\"\\s*$").matcher(release);
        if (!m.find()) {
            throw new IllegalStateException("the JDK's release file has no " + key);
        }
        return m.group(1);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
