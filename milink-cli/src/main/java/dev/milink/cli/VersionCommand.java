// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.cli.options.CommandBase;
import picocli.CommandLine.Command;

/** {@code milink version}: milink, Java and OS versions (the same as {@code milink --version}). */
@Command(name = "version")
final class VersionCommand extends CommandBase {

    @Override
    public Integer call() {
        for (String line : new Versions().getVersion()) {
            out().println(line);
        }
        return 0;
    }
}
