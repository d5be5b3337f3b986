// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.error;

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
     */
    FIX_SKIPPED(6, "fix done, with skipped steps: a guarded database's steps were not run (the output says why)");

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
}
