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
    /** No blocker failed, but at least one could not be read (UNKNOWN). */
    INCOMPLETE;

    /** READY, NOT_READY (a blocker failed) or INCOMPLETE (no blocker failed, a blocker is UNKNOWN). */
    public static Verdict of(List<Finding> findings) {
        if (findings.stream().anyMatch(Finding::isBlocking)) {
            return NOT_READY;
        }
        boolean blockerUnknown = findings.stream()
                .anyMatch(f -> f.status() == Status.UNKNOWN && f.severity() == Severity.BLOCKER);
        return blockerUnknown ? INCOMPLETE : READY;
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
