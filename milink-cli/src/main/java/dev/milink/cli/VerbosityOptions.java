// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --verbose} (stack traces with errors, progress on stderr) and {@code --debug} (also milink's own debug
 * log on stderr). Error output reads these before parsing too (see {@link Invocation}).
 */
final class VerbosityOptions {

    /** Kept strongly referenced: java.util.logging holds loggers weakly and would drop the level. */
    private static final Logger MILINK_LOG = Logger.getLogger("dev.milink");
    /** One handler for the whole JVM: repeated in-process runs (tests, the library) must not stack handlers. */
    private static final ConsoleHandler DEBUG_HANDLER = new ConsoleHandler(); // writes to System.err

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    boolean verbose;
    boolean debug;

    @Option(names = {"-v", "--verbose"}, descriptionKey = "verbose")
    void verbose(boolean on) {
        verbose = on;
        Invocation.of(mixee).verbose(on);
    }

    @Option(names = "--debug", descriptionKey = "debug")
    void debug(boolean on) {
        debug = on;
        verbose(on);
        if (on) {
            enableDebugLog();
        }
    }

    private static synchronized void enableDebugLog() {
        DEBUG_HANDLER.setLevel(Level.FINE);
        MILINK_LOG.setLevel(Level.FINE);
        Main.DRIVER_LOG.setLevel(Level.WARNING); // the driver's own warnings, off otherwise (see Main)
        if (!java.util.Arrays.asList(MILINK_LOG.getHandlers()).contains(DEBUG_HANDLER)) {
            MILINK_LOG.addHandler(DEBUG_HANDLER);
        }
    }
}
