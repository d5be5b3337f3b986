// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.engine;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Per-instance latency and fault injection, applied by the protocol layer. Settable from a scenario's
 * {@code faults:} section and from tests (instances expose a mutable holder).
 *
 * @param roundTripLatency   added before every reply (login excluded)
 * @param loginDelay         added before the login reply
 * @param dropAfterRequests  close the connection after this many requests on it (0 = never)
 * @param statementErrors    errors returned instead of running a matching statement; applied by the engine,
 *                           which splits batches into statements (the protocol layer applies the other three)
 */
public record Faults(Duration roundTripLatency, Duration loginDelay, int dropAfterRequests,
                     List<StatementError> statementErrors) {

    public static final Faults NONE = new Faults(Duration.ZERO, Duration.ZERO, 0, List.of());

    /**
     * Fail the statements whose text matches {@code pattern} (case-insensitive find) with the error;
     * {@code times} = how many times (-1 = always).
     */
    public record StatementError(Pattern pattern, int number, int severityClass, String message, int times) {}
}
