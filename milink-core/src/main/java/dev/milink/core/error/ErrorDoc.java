// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.error;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one error code stands for: the process exit status it leads to and its "Caused by / Solution" text
 * (Markdown), from which {@code docs/errors.md} is generated. An error enum declares it for each constant in its
 * constructor, and {@link ErrorCode}'s methods read it back, so the enum holds no fields or accessors of its own:
 *
 * <pre>{@code
 * public enum ReportError implements ErrorCode {
 *     REPORT_FILE_INVALID(ExitStatus.USAGE, "a file given to `milink report` is not …", "pass …");
 *
 *     ReportError(ExitStatus exitStatus, String causedBy, String solution) {
 *         ErrorDoc.declare(this, exitStatus, causedBy, solution);
 *     }
 * }
 * }</pre>
 *
 * @param exitStatus the exit status the error leads to
 * @param causedBy   what leads to the error
 * @param solution   what to do about it
 * @since 0.2
 */
public record ErrorDoc(ExitStatus exitStatus, String causedBy, String solution) {

    private static final Map<ErrorCode, ErrorDoc> DECLARED = new ConcurrentHashMap<>();

    public ErrorDoc {
        Objects.requireNonNull(exitStatus, "exitStatus");
        Objects.requireNonNull(causedBy, "causedBy");
        Objects.requireNonNull(solution, "solution");
    }

    /** Declares {@code code}'s exit status and text; called once per constant, from its enum's constructor. */
    public static void declare(ErrorCode code, ExitStatus exitStatus, String causedBy, String solution) {
        ErrorDoc doc = new ErrorDoc(exitStatus, causedBy, solution);
        if (DECLARED.putIfAbsent(code, doc) != null) {
            throw new IllegalStateException("error code " + code.name() + " is declared twice");
        }
    }

    /** What {@code code} stands for; a code that was never declared is a bug. */
    public static ErrorDoc of(ErrorCode code) {
        ErrorDoc doc = DECLARED.get(code);
        if (doc == null) {
            throw new IllegalStateException("error code " + code.name() + " was not declared with ErrorDoc.declare");
        }
        return doc;
    }
}
