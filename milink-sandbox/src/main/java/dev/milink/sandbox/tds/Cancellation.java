// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The ATTENTION signal for one request, set by the connection's reader and observed by the worker. Whether an
 * attention is acknowledged inside the request's reply or in a reply of its own is decided atomically here, so
 * every attention gets exactly one DONE(ATTN).
 */
final class Cancellation {
    private final CountDownLatch signal = new CountDownLatch(1);
    private boolean replyEnding;

    /** Cancels the request unless its reply is already ending; false means "acknowledge separately". */
    synchronized boolean cancelIfRunning() {
        if (replyEnding) {
            return false;
        }
        signal.countDown();
        return true;
    }

    /** Called once when the reply is about to end; true when it must carry DONE(ATTN). */
    synchronized boolean endReply() {
        replyEnding = true;
        return isCancelled();
    }

    boolean isCancelled() { return signal.getCount() == 0; }

    /** Waits up to {@code timeout}; true when cancelled meanwhile. */
    boolean await(Duration timeout) throws InterruptedException {
        return signal.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
}
