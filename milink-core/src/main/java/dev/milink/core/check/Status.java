// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

/** The outcome of one check on one target. */
public enum Status {
    PASS,
    /** Requirement not met (blocking unless the finding's severity says otherwise). */
    FAIL,
    /** Recommendation not met, or a risk worth knowing. */
    WARN,
    /** Not applicable here (version, direction, no such object); the finding says why. */
    SKIPPED,
    /** Could not tell (permission, version, unreachable); the finding says why. Never a pass. */
    UNKNOWN
}
