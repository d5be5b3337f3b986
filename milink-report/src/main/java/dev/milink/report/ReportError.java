// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import dev.milink.core.error.ErrorCode;
import dev.milink.core.error.ErrorDoc;
import dev.milink.core.error.ExitStatus;

/** The error codes of the report module: saved reports that cannot be read back. */
public enum ReportError implements ErrorCode {
    /** A file given to {@code milink report} is not a JSON report milink can read. */
    REPORT_FILE_INVALID(ExitStatus.USAGE,
            "a file given to `milink report` is not a milink JSON report: not JSON, truncated, larger than the "
                    + "size limit, from an unsupported schema major version (only 1.x is read), or with a field "
                    + "missing or of the wrong type",
            "pass the file `milink check --output json` wrote, unedited. The message names the file and the "
                    + "first problem (e.g. `findings[3].status`). Reports from a newer major version need a newer "
                    + "milink.");

    ReportError(ExitStatus exitStatus, String causedBy, String solution) {
        ErrorDoc.declare(this, exitStatus, causedBy, solution);
    }
}
