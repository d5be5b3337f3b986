// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs milink in-process, black-box: arguments and environment in; exit code, stdout and stderr out. */
public record Cli(int exit, String out, String err) {

    public static Cli run(String... args) {
        return run(Map.of(), args);
    }

    public static Cli run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(Environment.of(env), new PrintWriter(out), new PrintWriter(err), args);
        return new Cli(exit, out.toString(), err.toString());
    }

    /** Runs milink with {@code catalog} instead of the standard checks (test-only checks). */
    static Cli runWith(dev.milink.core.catalog.CheckCatalog catalog, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(Environment.of(Map.of()), catalog, new PrintWriter(out), new PrintWriter(err), args);
        return new Cli(exit, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }

    /** Asserts the exit code, showing the whole run when it differs; returns this run for further assertions. */
    public Cli expectExit(int code) {
        assertThat(exit).as(toString()).isEqualTo(code);
        return this;
    }
}
