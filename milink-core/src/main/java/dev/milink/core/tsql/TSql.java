// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.tsql;

import java.util.Objects;

/**
 * Quoting for everything milink puts into T-SQL text. Every identifier and literal that reaches SQL Server goes
 * through here; names with {@code ]}, {@code '}, spaces and non-Latin letters are safe.
 *
 * @since 0.1
 */
public final class TSql {

    private TSql() {
    }

    /** {@code Sales]Q1} → {@code [Sales]]Q1]}, like QUOTENAME(name) (without its 128-character limit). */
    public static String quoteName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty identifier");
        }
        return "[" + name.replace("]", "]]") + "]";
    }

    /** {@code O'Brien} → {@code N'O''Brien'}: a Unicode string literal. */
    public static String literal(String value) {
        Objects.requireNonNull(value, "value");
        return "N'" + value.replace("'", "''") + "'";
    }
}
