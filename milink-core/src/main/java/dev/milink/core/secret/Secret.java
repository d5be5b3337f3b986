// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.secret;

import java.util.Arrays;
import java.util.Objects;

/**
 * A password or token held as characters, never printed: {@code toString()} is a fixed mask, so a secret that
 * slips into a log line, a report or an exception message shows as {@code ****}. Read it with {@link #reveal()}
 * only at the point of use (the JDBC property, the T-SQL sent over the wire).
 *
 * @since 0.1
 */
public final class Secret {
    private final char[] value;

    private Secret(char[] value) {
        this.value = value.clone();
    }

    public static Secret of(char[] value) {
        return new Secret(Objects.requireNonNull(value, "value"));
    }

    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value").toCharArray());
    }

    /** The secret itself. Do not log, print or put it in an exception. */
    public String reveal() {
        return new String(value);
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    public int length() {
        return value.length;
    }

    @Override
    public String toString() {
        return "****";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && Arrays.equals(value, s.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }
}
