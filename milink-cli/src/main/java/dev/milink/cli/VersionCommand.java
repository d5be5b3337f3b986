// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.cli.options.HelpOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code milink version}: milink, Java and OS versions (the same as {@code milink --version}). */
@Command(name = "version")
final class VersionCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (String line : new Versions().getVersion()) {
            spec.commandLine().getOut().println(line);
        }
        return 0;
    }
}
