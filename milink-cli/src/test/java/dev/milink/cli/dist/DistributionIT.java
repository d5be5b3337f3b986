// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installable distribution works on its own: unpacked into an empty folder, with no Maven and no sources,
 * {@code bin/milink --version} and {@code bin/milink demo} run with only a Java 21+ (the one running this test).
 */
class DistributionIT {

    private static final String VERSION = System.getProperty("milink.version", "");
    private static final Path TGZ = Path.of(System.getProperty("milink.dist.tgz", "target/missing.tar.gz"));
    private static final Path ZIP = Path.of(System.getProperty("milink.dist.zip", "target/missing.zip"));

    record Run(int exit, String out, String err) {}

    @Test
    void tarGzUnpacksAndRunsVersionAndDemo(@TempDir Path empty) throws Exception {
        assertThat(TGZ).as("package builds the tar.gz").isRegularFile();
        Run untar = run(empty, Map.of(), "tar", "-xzf", TGZ.toString());
        assertThat(untar.exit()).as(untar.err()).isZero();
        Path home = empty.resolve("milink-" + VERSION);
        assertThat(home.resolve("bin/milink")).isExecutable();
        assertThat(home.resolve("lib/milink.jar")).isRegularFile();
        assertThat(home.resolve("docs/architecture.md")).isRegularFile();
        assertThat(home.resolve("README.md")).isRegularFile();

        Run version = run(empty, javaOnly(), home.resolve("bin/milink").toString(), "--version");
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("milink " + VERSION);

        Run demo = run(empty, javaOnly(), home.resolve("bin/milink").toString(), "demo");
        assertThat(demo.exit()).as(demo.err()).isEqualTo(1);
        assertThat(demo.out()).contains("milink demo: checking the built-in sandbox").contains("NOT READY");
        // the class-data sharing archive the launcher asked for exists after the first runs
        try (var files = Files.list(home.resolve("lib"))) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".jsa"));
        }
    }

    @Test
    void theClassDataSharingArchiveMadeAtBuildTimeIsUsedWithItsJdkAndSilentlyIgnoredOtherwise(@TempDir Path empty)
            throws Exception {
        Run untar = run(empty, Map.of(), "tar", "-xzf", TGZ.toString());
        assertThat(untar.exit()).as(untar.err()).isZero();
        Path home = empty.resolve("milink-" + VERSION);
        Path lib = home.resolve("lib");
        assertThat(lib.resolve("milink.jsa")).as("package ships the archive").isRegularFile();
        String stamp = Files.readString(lib.resolve("milink.jsa.jdk")).strip();
        assertThat(stamp).as("made by the JDK running this build (and this test), then the jar's time")
                .isEqualTo(CdsTraining.stamp(Path.of(System.getProperty("java.home"))) + " "
                        + Files.getLastModifiedTime(lib.resolve("milink.jar")).toMillis() / 1000);
        String milink = home.resolve("bin/milink").toString();

        // the same JDK: milink's classes come from the shipped archive, nothing is printed about it
        Path loads = empty.resolve("loads.txt");
        Run list = run(empty, with(javaOnly(), "MILINK_JAVA_OPTS", "-Xlog:class+load=info:file=" + loads), milink,
                "checks", "list");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.err()).isEmpty();
        // (classes that implement picocli's interfaces are not archived: picocli is compiled for Java 5, and the JVM
        // archives no class older than Java 6 nor any class that depends on one)
        assertThat(Files.readAllLines(loads))
                .anyMatch(l -> l.contains(" dev.milink.cli.Main source: shared objects file"))
                .anyMatch(l -> l.contains(" dev.milink.core.catalog.CheckCatalog source: shared objects file"));

        // another JDK (its stamp differs): the launcher leaves the shipped archive alone and creates its own
        Files.writeString(lib.resolve("milink.jsa.jdk"), "1.0.0+0 Plan9 pdp11\n");
        Run other = run(empty, javaOnly(), milink, "checks", "list");
        assertThat(other.exit()).as(other.err()).isZero();
        assertThat(other.err()).isEmpty();
        try (var files = Files.list(lib)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.matches("milink-java\\d+\\.jsa"));
        }

        // the JDK matches but the jar's time changed (as an unzip in another time zone does: the JVM would reject the
        // archive): the launcher makes an archive of its own instead, without a word
        Files.writeString(lib.resolve("milink.jsa.jdk"), stamp + "\n");
        try (var files = Files.list(lib)) {
            files.filter(p -> p.getFileName().toString().startsWith("milink-java")).forEach(p -> p.toFile().delete());
        }
        Path jar = lib.resolve("milink.jar");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(jar).toMillis() - 3_600_000));
        Run moved = run(empty, javaOnly(), milink, "checks", "list");
        assertThat(moved.exit()).as(moved.err()).isZero();
        assertThat(moved.err()).isEmpty();
        assertThat(moved.out()).contains("MIL-D7");
        Path again = empty.resolve("again.txt");
        Run remade = run(empty, with(javaOnly(), "MILINK_JAVA_OPTS", "-Xlog:class+load=info:file=" + again), milink,
                "checks", "list");
        assertThat(remade.exit()).as(remade.err()).isZero();
        assertThat(Files.readAllLines(again))
                .anyMatch(l -> l.contains(" dev.milink.cli.Main source: shared objects file"));
    }

    @Test
    void theLauncherCompilesSoonerForAnInventoryRunOnly(@TempDir Path empty) throws Exception {
        Run untar = run(empty, Map.of(), "tar", "-xzf", TGZ.toString());
        assertThat(untar.exit()).as(untar.err()).isZero();
        String milink = empty.resolve("milink-" + VERSION + "/bin/milink").toString();
        Map<String, String> flags = with(javaOnly(), "MILINK_JAVA_OPTS", "-XX:+PrintFlagsFinal");
        String fleet = "CompileThresholdScaling\\s+= 0\\.1\\d*\\s";
        for (String[] args : List.of(new String[] {"check", "--inventory", "missing.csv"},
                new String[] {"check", "--inventory=missing.csv"})) {
            Run r = run(empty, flags, prepend(milink, args));
            assertThat(r.exit()).as(r.err()).isEqualTo(2); // the missing file: a clean usage error
            assertThat(r.out()).as(String.join(" ", args)).containsPattern(fleet);
        }
        Run single = run(empty, flags, milink, "checks", "list");
        assertThat(single.exit()).as(single.err()).isZero();
        assertThat(single.out()).containsPattern("CompileThresholdScaling\\s+= 1\\.0").doesNotContainPattern(fleet);
    }

    private static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put(key, value);
        return all;
    }

    @Test
    void zipHoldsTheSameLayoutWithAWindowsLauncher() throws IOException {
        assertThat(ZIP).as("package builds the zip").isRegularFile();
        List<String> names = new ArrayList<>();
        String cmd = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(ZIP))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
                if (e.getName().endsWith("bin/milink.cmd")) {
                    cmd = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        String base = "milink-" + VERSION + "/";
        assertThat(names).contains(base + "bin/milink", base + "bin/milink.cmd", base + "lib/milink.jar",
                base + "lib/milink.jsa", base + "lib/milink.jsa.jdk", base + "README.md");
        assertThat(cmd).contains("\r\n").contains("lib\\milink.jar");
    }

    /** Only what a user's machine has: Java through JAVA_HOME, a minimal PATH, no Maven. */
    private static Map<String, String> javaOnly() {
        return Map.of("JAVA_HOME", System.getProperty("java.home"), "PATH", "/usr/bin:/bin");
    }

    private static Run run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("MAVEN") || k.equals("JAVA_HOME") || k.startsWith("MILINK"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir.getParent(), "out", ".txt");
        Path err = Files.createTempFile(dir.getParent(), "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                Path.of("/dev/null").toFile()));
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
