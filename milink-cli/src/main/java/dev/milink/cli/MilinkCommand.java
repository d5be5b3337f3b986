// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.cli.options.CommandBase;
import picocli.CommandLine.Mixin;

/**
 * What every {@code milink} command of this package shares beyond {@link CommandBase}: the verbosity options and
 * the run's {@link Invocation}. picocli reads the annotated fields of superclasses, so a command declares only its own
 * options and implements {@link #run(Invocation)}. The verbosity options carry an explicit {@code order}, so
 * commands that list options in declaration order still show them last.
 */
abstract class MilinkCommand extends CommandBase {

    @Mixin
    VerbosityOptions verbosity;

    @Override
    public final Integer call() throws Exception {
        return run(Invocation.of(spec));
    }

    /** The command's work; returns the exit code. */
    abstract int run(Invocation inv) throws Exception;
}
