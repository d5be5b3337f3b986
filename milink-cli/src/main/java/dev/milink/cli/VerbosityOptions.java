// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --verbose} (stack traces with errors, progress on stderr), {@code --debug} (also milink's own debug log on
 * stderr) and {@code --log-file FILE} (the debug log, with stack traces, into a file). Error output reads the first
 * two before parsing too (see {@link Invocation}).
 */
final class VerbosityOptions {

    /** Listed after every other option, wherever a command declares this mixin (see {@link MilinkCommand}). */
    private static final int LAST = 1000;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    boolean verbose;
    boolean debug;

    @Option(names = {"-v", "--verbose"}, descriptionKey = "verbose", order = LAST + 1)
    void verbose(boolean on) {
        verbose = on;
        Invocation.of(mixee).verbose(on);
    }

    @Option(names = "--debug", descriptionKey = "debug", order = LAST)
    void debug(boolean on) {
        debug = on;
        verbose(on);
        if (on) {
            Logs.debugToStderr();
        }
    }

    @Option(names = "--log-file", paramLabel = "FILE", descriptionKey = "log-file", order = LAST + 2)
    void logFile(Path file) {
        if (file != null) {
            Invocation.of(mixee).closeAtEnd(Logs.toFile(file));
        }
    }
}
