// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.connect;

import dev.milink.core.error.ErrorCode;
import dev.milink.core.error.ExitStatus;

/** The error codes of the SQL Server module: connecting, collecting, and fix steps that fail. */
public enum SqlError implements ErrorCode {
    SQL_LOGIN_FAILED(ExitStatus.CONNECT),
    SQL_TLS_UNTRUSTED(ExitStatus.CONNECT),
    SQL_UNREACHABLE(ExitStatus.CONNECT),
    SQL_TIMEOUT(ExitStatus.CONNECT),
    SQL_PERMISSION_DENIED(ExitStatus.CONNECT),
    SQL_QUERY_FAILED(ExitStatus.CONNECT),
    /** The server returned a value milink cannot interpret; the message names the column and the value. */
    SQL_VALUE_UNREADABLE(ExitStatus.INTERNAL),
    FIX_STEP_FAILED(ExitStatus.FIX_FAILED);

    private final ExitStatus exitStatus;

    SqlError(ExitStatus exitStatus) {
        this.exitStatus = exitStatus;
    }

    @Override
    public ExitStatus exitStatus() {
        return exitStatus;
    }
}
