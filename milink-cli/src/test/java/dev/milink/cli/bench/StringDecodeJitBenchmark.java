// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.bench;

import dev.milink.cli.Main;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Why {@link Main} decodes one UTF-16LE string before anything else ({@code Main.bindStringDecoding}): a JVM with
 * the launcher's flags (C1 only, Serial GC) compiles {@code String(byte[], int, int, Charset)} from Latin-1 calls
 * first, then decodes UTF-16LE and UTF-16BE strings through it. Without the early decode, the constructor's calls to
 * {@code CharsetDecoder}'s final methods miss their inline caches on every call. Each variant runs in a JVM of its
 * own (the JIT's state is per process), interleaved, and prints nanoseconds per string.
 *
 * <pre>{@code
 * java -cp milink-cli/target/test-classes:milink-cli/target/milink.jar dev.milink.cli.bench.StringDecodeJitBenchmark 5
 * }</pre>
 */
public final class StringDecodeJitBenchmark {

    private static final int STRINGS = 1_000_000;

    private StringDecodeJitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("child")) {
            child(args[1].equals("bound"));
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < runs; i++) {
            for (String variant : List.of("cold", "bound")) {
                List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                        "-cp", System.getProperty("java.class.path"), StringDecodeJitBenchmark.class.getName(),
                        "child", variant));
                Process p = new ProcessBuilder(command).inheritIO().start();
                if (p.waitFor() != 0) {
                    throw new IllegalStateException(variant + " run failed");
                }
            }
        }
    }

    private static void child(boolean bound) {
        if (bound) {
            Main.bindStringDecoding();
        }
        byte[] latin = "column_name".getBytes(StandardCharsets.ISO_8859_1);
        long sink = 0;
        for (int i = 0; i < 20_000; i++) { // makes C1 compile the constructor from the Latin-1 branch
            sink += new String(latin, 0, latin.length, StandardCharsets.ISO_8859_1).length();
        }
        byte[] le = "column_name".getBytes(StandardCharsets.UTF_16LE);
        byte[] be = "column_name".getBytes(StandardCharsets.UTF_16BE);
        long ns = 0;
        for (int round = 0; round < 3; round++) { // the last round counts
            long t = System.nanoTime();
            for (int i = 0; i < STRINGS / 2; i++) {
                sink += new String(le, 0, le.length, StandardCharsets.UTF_16LE).length();
                sink += new String(be, 0, be.length, StandardCharsets.UTF_16BE).length();
            }
            ns = System.nanoTime() - t;
        }
        System.out.printf("%-5s %,6d ns per string (%d)%n", bound ? "bound" : "cold", ns / STRINGS, sink);
    }
}
