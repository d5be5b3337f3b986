// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.interrupt;

import dev.milink.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The milink CLI in a child JVM (its real {@code main}, with {@code System.exit}), so it can be sent SIGTERM. */
final class Child implements AutoCloseable {

    private final Process process;
    private final Path out;
    private final StringBuffer err = new StringBuffer();
    private final CountDownLatch interrupted = new CountDownLatch(1);

    Child(Path dir, Map<String, String> env, String... args) throws IOException {
        out = dir.resolve("stdout.txt");

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("MILINK_"));
        pb.environment().putAll(env);
        process = pb.start();
        process.getOutputStream().close();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    err.append(line).append('\n');
                    if (line.startsWith("Interrupted")) {
                        interrupted.countDown();
                    }
                }
            } catch (IOException e) {
                err.append("(stderr unreadable: ").append(e.getMessage()).append(")\n");
            }
        });
    }

    /** Waits until the child says it was interrupted: its shutdown hook is running. */
    boolean awaitInterruptedLine() throws InterruptedException {
        return interrupted.await(60, TimeUnit.SECONDS);
    }

    /** SIGTERM, as {@code kill} or a CI timeout sends it; the JVM runs its shutdown hooks as on Ctrl-C. */
    void terminate() {
        // through the handle: Process.destroy() would also close this side's pipes, losing what the hook prints
        process.toHandle().destroy();
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

    /** Stderr read so far, for assertion messages. */
    String errSoFar() {
        return err.toString();
    }

    /** Stderr so far (complete once {@link #awaitExit} returned and the reader caught up). */
    String err() throws InterruptedException {
        process.onExit().join();
        return err.toString();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
