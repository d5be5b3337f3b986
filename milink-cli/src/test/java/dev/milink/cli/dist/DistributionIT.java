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
                base + "README.md");
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
