// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.network;

import dev.milink.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs milink in-process, black-box: arguments in; exit code, stdout and stderr out. */
record Run(int exit, String out, String err) {

    static Run milink(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
}
