// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

/** How much a failed check matters. */
public enum Severity {
    /** The link cannot be created or will fail. */
    BLOCKER,
    /** Recommended; the link works without it but is slower, fragile or harder to operate. */
    WARNING,
    /** Advice only. */
    INFO
}
