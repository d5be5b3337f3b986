// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.link;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * How {@code link status --watch} ends: Ctrl-C (SIGINT) ends the wait between two refreshes instead of the JVM, so
 * the command returns normally, with the last state on the screen and its exit code. The first Ctrl-C also gives
 * SIGINT back to the JVM, so a second one ends a refresh that hangs, as Ctrl-C always does.
 */
final class WatchStop implements AutoCloseable {

    private static final Signal INT = new Signal("INT");

    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile SignalHandler previous;

    private WatchStop() {
    }

    /** Catches Ctrl-C until {@link #close()}. */
    static WatchStop onCtrlC() {
        WatchStop stop = new WatchStop();
        stop.previous = Signal.handle(INT, sig -> stop.ctrlC());
        return stop;
    }

    private void ctrlC() {
        Signal.handle(INT, previous);
        stopped.countDown();
    }

    /** Waits up to {@code d}; true when Ctrl-C came (before or during the wait). */
    boolean await(Duration d) {
        try {
            return stopped.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public void close() {
        if (stopped.getCount() > 0) {
            Signal.handle(INT, previous);
        }
    }
}
