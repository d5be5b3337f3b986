// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.error;

import java.util.Objects;

/**
 * The one exception type milink reports to users. The message says what failed, for which endpoint (host and
 * port, never a password or token) and what to do next. Low-level exceptions are translated at the boundary
 * (e.g. {@code SqlExceptionTranslator}) and kept as the cause for {@code --verbose}.
 *
 * @since 0.1
 */
public final class MilinkException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public MilinkException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public MilinkException(ErrorCode code, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}
