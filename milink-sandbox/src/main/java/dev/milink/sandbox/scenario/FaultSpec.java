// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

import dev.milink.sandbox.engine.Faults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The {@code faults:} section (statement errors and protocol-level faults). */
public final class FaultSpec {
    public long roundTripLatencyMs;
    public long loginDelayMs;
    public int dropAfterRequests;
    public List<StatementErrorSpec> statementErrors = new ArrayList<>();

    /** These faults as the engine seam's {@link Faults}. */
    public Faults toFaults() {
        List<Faults.StatementError> errors = new ArrayList<>();
        for (StatementErrorSpec e : statementErrors) {
            errors.add(new Faults.StatementError(Pattern.compile(e.pattern, Pattern.CASE_INSENSITIVE), e.number,
                    e.severity, e.message, e.times));
        }
        return new Faults(Duration.ofMillis(roundTripLatencyMs), Duration.ofMillis(loginDelayMs), dropAfterRequests,
                List.copyOf(errors));
    }
}
