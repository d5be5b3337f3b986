// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.assess;

/** The one-word answer of an assessment. */
public enum Verdict {
    /** No blocker failed and none was left unknown. */
    READY,
    /** At least one blocker failed. */
    NOT_READY,
    /** No blocker failed, but at least one could not be read (UNKNOWN). */
    INCOMPLETE
}
