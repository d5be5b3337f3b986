// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

/** {@code --fail-on}: what makes the run exit 1. */
enum FailOn {
    /** Only blocking findings fail the run (default). */
    BLOCKER,
    /** Warnings fail the run too, e.g. for a CI gate that wants a clean bill of health. */
    WARNING;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
