// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.network;

import dev.milink.cli.Environment;
import dev.milink.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs milink in-process, black-box: arguments and environment in; exit code, stdout and stderr out. */
record Run(int exit, String out, String err) {

    /** With an empty, non-interactive environment: the developer's own variables never leak in. */
    static Run milink(String... args) {
        return milink(Map.of(), args);
    }

    static Run milink(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(Environment.of(env), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
}
