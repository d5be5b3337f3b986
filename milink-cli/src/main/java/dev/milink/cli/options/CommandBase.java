// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.options;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every milink subcommand has: {@code -h/--help} and its picocli spec, whose streams are the run's. picocli
 * reads the annotated fields of superclasses, so a command declares only its own options.
 */
public abstract class CommandBase implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Spec
    protected CommandSpec spec;

    /** The run's stdout. */
    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The run's stderr. */
    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
