// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

/**
 * The outcome of one check on one target. The status alone tells the reader what a finding is: a requirement not
 * met is FAIL (blocker), WARN (warning) or INFO (a note), following the finding's effective severity.
 */
public enum Status {
    PASS,
    /** A blocking requirement is not met. */
    FAIL,
    /** A recommendation is not met, or a risk worth knowing; the link works without it. */
    WARN,
    /** Advice or a fact worth knowing; never affects the verdict. */
    INFO,
    /** Not applicable here (version, direction, no such object, an end not given); the finding says why. */
    SKIPPED,
    /** Could not tell (permission, version, unreachable); the finding says why. Never a pass. */
    UNKNOWN,
    /** The check itself failed (a bug in milink); the finding names the exception. Never a pass. */
    ERROR,
    /** The user suppressed this finding in the config file, with a reason the report shows. */
    SUPPRESSED;

    /** The status of a requirement that is not met, at {@code severity}: FAIL, WARN or INFO. */
    public static Status notMet(Severity severity) {
        return switch (severity) {
            case BLOCKER -> FAIL;
            case WARNING -> WARN;
            case INFO -> INFO;
        };
    }

    /** FAIL, WARN or INFO: a requirement not met, at some severity. */
    public boolean isNotMet() {
        return this == FAIL || this == WARN || this == INFO;
    }
}
