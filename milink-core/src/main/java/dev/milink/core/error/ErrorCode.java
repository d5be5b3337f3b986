// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.error;

/**
 * Every error milink reports, with the process exit code it leads to. Each code has a "Caused by / Solution"
 * entry in {@code docs/errors.md}.
 */
public enum ErrorCode {
    USAGE(ExitStatus.USAGE),
    CONFIG_INVALID(ExitStatus.USAGE),
    FACTS_FILE_INVALID(ExitStatus.USAGE),
    BUILD_REFERENCE_INVALID(ExitStatus.USAGE),
    SECRET_MISSING(ExitStatus.USAGE),
    SQL_LOGIN_FAILED(ExitStatus.CONNECT),
    SQL_TLS_UNTRUSTED(ExitStatus.CONNECT),
    SQL_UNREACHABLE(ExitStatus.CONNECT),
    SQL_TIMEOUT(ExitStatus.CONNECT),
    SQL_PERMISSION_DENIED(ExitStatus.CONNECT),
    SQL_QUERY_FAILED(ExitStatus.CONNECT),
    FIX_STEP_FAILED(ExitStatus.FIX_FAILED),
    INTERNAL(ExitStatus.CONNECT);

    private final ExitStatus exitStatus;

    ErrorCode(ExitStatus exitStatus) {
        this.exitStatus = exitStatus;
    }

    public ExitStatus exitStatus() {
        return exitStatus;
    }
}
