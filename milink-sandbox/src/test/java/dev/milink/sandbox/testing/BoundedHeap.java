// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@code main} in a child JVM whose heap is capped with {@code -Xmx}: a memory bound that holds whatever the
 * garbage collector does, without {@code System.gc()} and without reading "used heap" (issue 13: tests must not
 * depend on System.gc). If the work needs more than the cap, the child dies with OutOfMemoryError.
 */
public final class BoundedHeap {

    /** What the child did. */
    public record Result(int exit, String output) {}

    private BoundedHeap() {
    }

    public static Result run(int maxHeapMb, Class<?> main, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + maxHeapMb + "m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(170, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the child JVM did not finish");
        }
        return new Result(p.exitValue(), new String(out, java.nio.charset.StandardCharsets.UTF_8));
    }
}
