// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

/** {@code --fail-on}: what makes the run exit 1. */
enum FailOn {
    /** Only blocking findings fail the run (default). */
    BLOCKER,
    /** Warnings fail the run too, e.g. for a CI gate that wants a clean bill of health. */
    WARNING;

    /** The severity at and above which a problem fails the run. */
    dev.milink.core.check.Severity severity() {
        return this == WARNING ? dev.milink.core.check.Severity.WARNING : dev.milink.core.check.Severity.BLOCKER;
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
