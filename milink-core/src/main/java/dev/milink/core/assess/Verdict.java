// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.assess;

import dev.milink.core.check.Finding;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.error.ExitStatus;
import java.util.List;

/** The one-word answer of an assessment. */
public enum Verdict {
    /** No blocker failed and none was left unknown. */
    READY,
    /** At least one blocker failed. */
    NOT_READY,
    /** No blocker failed, but at least one could not be read (UNKNOWN) or a check failed (ERROR). */
    INCOMPLETE;

    /** READY, NOT_READY (a blocker failed) or INCOMPLETE (no blocker failed; a blocker is UNKNOWN or a check erred). */
    public static Verdict of(List<Finding> findings) {
        if (findings.stream().anyMatch(Finding::isBlocking)) {
            return NOT_READY;
        }
        boolean open = findings.stream().anyMatch(f -> f.status() == Status.ERROR
                || f.status() == Status.UNKNOWN && f.severity() == Severity.BLOCKER);
        return open ? INCOMPLETE : READY;
    }

    /**
     * The one exit-code rule for findings: NOT_READY (1) when a blocker failed, or a warning did with
     * {@code failOn} WARNING; else INTERNAL (70) when a check erred (a bug); else INCOMPLETE (5) when a blocker is
     * unknown; else READY (0). Tool failures (usage, connection, a fix step) are combined with this by
     * {@link ExitStatus#worst}.
     */
    public static ExitStatus exitStatus(List<Finding> findings, Severity failOn) {
        if (findings.stream().anyMatch(Finding::isBlocking) || failOn == Severity.WARNING
                && findings.stream().anyMatch(f -> f.status() == Status.WARN)) {
            return ExitStatus.NOT_READY;
        }
        if (findings.stream().anyMatch(f -> f.status() == Status.ERROR)) {
            return ExitStatus.INTERNAL;
        }
        return of(findings) == INCOMPLETE ? ExitStatus.INCOMPLETE : ExitStatus.READY;
    }

    /** The exit status this verdict stands for on its own: 0, 1 or 5. */
    public ExitStatus exitStatus() {
        return switch (this) {
            case READY -> ExitStatus.READY;
            case NOT_READY -> ExitStatus.NOT_READY;
            case INCOMPLETE -> ExitStatus.INCOMPLETE;
        };
    }
}
