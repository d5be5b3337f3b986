// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.error;

import java.util.Collection;
import java.util.Comparator;

/** Process exit codes, documented in {@code --help} and the README. */
public enum ExitStatus {
    READY(0, 0, "ready: no blocking finding"),
    NOT_READY(1, 4, "not ready: at least one blocking finding (or a warning with --fail-on warning)"),
    USAGE(2, 7, "usage or configuration error"),
    CONNECT(3, 6, "could not connect or collect"),
    FIX_FAILED(4, 5, "a fix step failed"),
    INCOMPLETE(5, 2, "incomplete: no blocker failed, but at least one could not be checked"),
    INTERNAL(70, 3, "internal error: a check or collector failed (a bug in milink; the message says where)");

    private final int code;
    private final int rank;
    private final String description;

    ExitStatus(int code, int rank, String description) {
        this.code = code;
        this.rank = rank;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    /**
     * The status that wins when several outcomes meet (a fleet, or findings plus a failed target): usage 2 over
     * connect 3 over fix failed 4 over not ready 1 over internal 70 over incomplete 5 over ready 0. So a run never
     * hides a tool failure behind a verdict, and never hides a blocker behind a bug elsewhere.
     */
    public static ExitStatus worst(Collection<ExitStatus> statuses) {
        return statuses.stream().max(Comparator.comparingInt(s -> s.rank)).orElse(READY);
    }
}
