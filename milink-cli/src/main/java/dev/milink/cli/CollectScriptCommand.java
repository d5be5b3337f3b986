// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.error.CoreError;
import dev.milink.cli.auth.Credentials;
import dev.milink.core.error.MilinkException;
import dev.milink.engine.Milink;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code milink collect-script}: the read-only T-SQL script for servers milink cannot reach, and how to run it.
 * The script goes to stdout (instructions to stderr, so {@code > file.sql} captures only the script) or to
 * {@code --output-file} (instructions to stdout).
 */
@Command(name = "collect-script")
final class CollectScriptCommand extends MilinkCommand {

    @Option(names = "--output-file", paramLabel = "FILE", descriptionKey = "script-file")
    Path file;

    @Override
    int run(Invocation inv) {
        String script = Milink.collectScript();
        if (file == null) {
            inv.out().print(script);
            inv.out().flush();
            instructions(inv.err(), "milink-collect.sql");
            return 0;
        }
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MilinkException(CoreError.USAGE, "Cannot write " + file + ": " + Credentials.describe(e) + ".",
                    e);
        }
        inv.out().println("Wrote the collect script to " + file + ".");
        instructions(inv.out(), file.toString());
        return 0;
    }

    private static void instructions(PrintWriter w, String script) {
        w.println();
        w.println("Run it where the server can be reached (it only reads; sysadmin gives complete results):");
        w.println("  sqlcmd -S SERVER -E -i " + script + " -o SERVER-facts.txt -h -1 -y 0 -f o:65001");
        w.println("  (SQL login: -U LOGIN instead of -E. SSMS: Results to Text, run, save the results as a file.)");
        w.println("Then judge the output here, no connection needed:");
        w.println("  milink check --facts SERVER-facts.txt");
        w.flush();
    }
}
