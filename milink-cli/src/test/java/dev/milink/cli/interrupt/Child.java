// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.interrupt;

import dev.milink.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The milink CLI in a child JVM (its real {@code main}, with {@code System.exit}), so it can be sent SIGTERM. */
final class Child implements AutoCloseable {

    private final Process process;
    private final Path out;
    private final Path err;

    Child(Path dir, Map<String, String> env, String... args) throws IOException {
        out = dir.resolve("stdout.txt");
        err = dir.resolve("stderr.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("MILINK_"));
        pb.environment().putAll(env);
        process = pb.start();
    }

    /** SIGTERM, as {@code kill} or a CI timeout sends it; the JVM runs its shutdown hooks as on Ctrl-C. */
    void terminate() {
        process.destroy();
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the child did not exit within 60 s");
        }
        return process.exitValue();
    }

    String out() throws IOException {
        return Files.readString(out);
    }

    String err() throws IOException {
        return Files.readString(err);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
