// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.error;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Process exit codes, documented in {@code --help} and the README. */
public enum ExitStatus {
    READY(0, "ready: no blocking finding"),
    NOT_READY(1, "not ready: at least one blocking finding (or a warning with --fail-on warning)"),
    USAGE(2, "usage or configuration error"),
    CONNECT(3, "could not connect or collect"),
    FIX_FAILED(4, "a fix step failed"),
    INCOMPLETE(5, "incomplete: no blocker failed, but at least one could not be checked"),
    /**
     * {@code fix --apply}: every step that could run did, but some were skipped because their database is guarded
     * (availability group, mirrored, read-only, gone) or depends on a skipped step; the output says which and why.
     * Outranks the verdict after applying (the skipped steps' findings remain), not a failed step.
     */
    FIX_SKIPPED(6, "fix done, with skipped steps: a guarded database's steps were not run (the output says why)"),
    INTERNAL(70, "internal error: a check or collector failed (a bug in milink; the message says where)");

    /** From least to most severe: which status wins when several outcomes meet ({@link #worst}). */
    private static final List<ExitStatus> BY_SEVERITY = List.of(READY, INCOMPLETE, INTERNAL, NOT_READY, FIX_SKIPPED,
            FIX_FAILED, CONNECT, USAGE);

    private final int code;
    private final String description;

    ExitStatus(int code, String description) {
        this.code = code;
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
     * connect 3 over fix failed 4 over fix with skipped steps 6 over not ready 1 over internal 70 over incomplete 5 over ready 0. So a run never
     * hides a tool failure behind a verdict, and never hides a blocker behind a bug elsewhere.
     */
    public static ExitStatus worst(Collection<ExitStatus> statuses) {
        return statuses.stream().max(Comparator.comparingInt(BY_SEVERITY::indexOf)).orElse(READY);
    }
}
