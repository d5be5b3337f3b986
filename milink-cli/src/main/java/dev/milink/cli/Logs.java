// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.cli.auth.Credentials;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

/**
 * milink's debug log (java.util.logging, logger {@code dev.milink}): silent by default, on stderr with
 * {@code --debug}, into a file with {@code --log-file FILE}. Library code logs; only this class decides where it
 * goes, so a check that throws never prints a stack trace the user did not ask for.
 */
final class Logs {

    /** Kept strongly referenced: java.util.logging holds loggers weakly and would drop the level. */
    private static final Logger MILINK_LOG = Logger.getLogger("dev.milink");
    /** The driver's own logger, by name: mssql-jdbc logs through java.util.logging. */
    private static final Logger DRIVER_LOG = Logger.getLogger("com.microsoft.sqlserver.jdbc");
    /** One handler for the whole JVM: repeated in-process runs (tests, the library) must not stack handlers. */
    private static final ConsoleHandler DEBUG_HANDLER = new ConsoleHandler(); // writes to System.err

    private Logs() {
    }

    /**
     * milink's log reaches no handler of the root logger (the JDK's default prints WARNING to stderr), and
     * mssql-jdbc's WARNING lines (a failed TLS handshake, a dropped connection), which come before milink reports
     * the same error in its own words, only show with {@code --debug}.
     */
    static synchronized void quiet() {
        MILINK_LOG.setUseParentHandlers(false);
        if (DRIVER_LOG.getLevel() == null) {
            DRIVER_LOG.setLevel(Level.OFF);
        }
    }

    /** {@code --debug}: the log at FINE on stderr. */
    static synchronized void debugToStderr() {
        DEBUG_HANDLER.setLevel(Level.FINE);
        MILINK_LOG.setLevel(Level.FINE);
        DRIVER_LOG.setLevel(Level.WARNING);
        if (!Arrays.asList(MILINK_LOG.getHandlers()).contains(DEBUG_HANDLER)) {
            MILINK_LOG.addHandler(DEBUG_HANDLER);
        }
    }

    /** {@code --log-file FILE}: the log at FINE, with stack traces, appended to {@code file} until the run ends. */
    static synchronized AutoCloseable toFile(Path file) {
        OutputStream stream;
        try {
            stream = Files.newOutputStream(file, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new MilinkException(CoreError.USAGE, "--log-file: cannot write " + file + ": "
                    + Credentials.describe(e) + ".", e);
        }
        Handler handler = new StreamHandler(stream, new SimpleFormatter()) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        handler.setLevel(Level.FINE);
        Level before = MILINK_LOG.getLevel();
        MILINK_LOG.setLevel(Level.FINE);
        MILINK_LOG.addHandler(handler);
        return new AutoCloseable() {
            @Override
            public void close() {
                synchronized (Logs.class) {
                    MILINK_LOG.removeHandler(handler);
                    handler.close();
                    if (!Arrays.asList(MILINK_LOG.getHandlers()).contains(DEBUG_HANDLER)) {
                        MILINK_LOG.setLevel(before);
                    }
                }
            }

            @Override
            public String toString() {
                return "the log file " + file;
            }
        };
    }
}
