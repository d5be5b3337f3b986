// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a piece of work in a child JVM whose heap is capped with {@code -Xmx}: a memory bound that holds whatever the
 * garbage collector does, without {@code System.gc()} and without reading "used heap" (issue 13: tests must not
 * depend on System.gc). If the work needs more than the cap, the child dies with OutOfMemoryError.
 *
 * <pre>{@code
 * BoundedHeap.assertCompletes(96, CatalogMemoryTest.class, "loginEach", 200);   // runs loginEach(200) capped
 * }</pre>
 */
public final class BoundedHeap {

    /** What the child prints last when the work returned. */
    static final String COMPLETED = "bounded-heap work completed";

    /** What the child did. */
    public record Result(int exit, String output) {}

    private BoundedHeap() {
    }

    /**
     * Runs {@code owner.method(count)} (a static method taking an int) in a child JVM capped at {@code maxHeapMb};
     * asserts that it returned, with the child's output as the description otherwise.
     */
    public static void assertCompletes(int maxHeapMb, Class<?> owner, String method, int count)
            throws IOException, InterruptedException {
        Result r = run(maxHeapMb, owner.getName(), method, String.valueOf(count));
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains(COMPLETED);
    }

    private static Result run(int maxHeapMb, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-Xmx" + maxHeapMb + "m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), BoundedHeap.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(170, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the child JVM did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /**
     * The child JVM: {@code <class> <static method> <count>}; exits non-zero (an exception, or OutOfMemoryError) on
     * any failure.
     */
    public static void main(String[] args) throws Throwable {
        Method work = Class.forName(args[0]).getDeclaredMethod(args[1], int.class);
        work.setAccessible(true);
        try {
            work.invoke(null, Integer.parseInt(args[2]));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        System.out.println(COMPLETED);
    }
}
