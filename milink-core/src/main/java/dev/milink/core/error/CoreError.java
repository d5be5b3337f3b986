// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.error;

/** The error codes of milink's core: usage, configuration and input files, and internal errors. */
public enum CoreError implements ErrorCode {
    USAGE(ExitStatus.USAGE),
    CONFIG_INVALID(ExitStatus.USAGE),
    FACTS_FILE_INVALID(ExitStatus.USAGE),
    BUILD_REFERENCE_INVALID(ExitStatus.USAGE),
    SECRET_MISSING(ExitStatus.USAGE),
    /** A bug in milink: something that should not fail did. */
    INTERNAL(ExitStatus.INTERNAL);

    private final ExitStatus exitStatus;

    CoreError(ExitStatus exitStatus) {
        this.exitStatus = exitStatus;
    }

    @Override
    public ExitStatus exitStatus() {
        return exitStatus;
    }
}
