// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.bench;

/** The baseline of {@link StartupBenchmark}: a bare JVM that prints one line. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
