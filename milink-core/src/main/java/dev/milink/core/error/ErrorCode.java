// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.error;

/**
 * An error milink reports, with the process exit code it leads to. Not a closed list: each module contributes its
 * own enum of codes (core's {@link CoreError}, the SQL Server module's {@code SqlError}, …), and
 * {@code docs/errors.md} is generated from all of them, each with "Caused by / Solution". A constant declares
 * its exit status and text with {@link ErrorDoc#declare} in its enum's constructor.
 *
 * @since 0.1
 */
public interface ErrorCode {

    /** The code as users see it, {@code Error [CODE]: …}: upper case, stable, never reused. */
    String name();

    /** The process exit status this error leads to. */
    default ExitStatus exitStatus() {
        return ErrorDoc.of(this).exitStatus();
    }

    /** What leads to this error (Markdown, for the generated error reference). */
    default String causedBy() {
        return ErrorDoc.of(this).causedBy();
    }

    /** What to do about it (Markdown, for the generated error reference). */
    default String solution() {
        return ErrorDoc.of(this).solution();
    }
}
