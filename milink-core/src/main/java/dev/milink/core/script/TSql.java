// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.script;

import java.util.Objects;

/**
 * Quoting for everything milink puts into T-SQL text. Every identifier and literal that reaches SQL Server goes
 * through here (or a {@code tsql-name} / {@code tsql-string} template placeholder, which use the same
 * {@link Syntax} tables); names with {@code ]}, {@code '}, spaces and non-Latin letters are safe.
 *
 * @since 0.1
 */
public final class TSql {

    private TSql() {
    }

    /** {@code Sales]Q1} → {@code [Sales]]Q1]}, like QUOTENAME(name) (without its 128-character limit). */
    public static String quoteName(String name) {
        return Syntax.TSQL_NAME.quote(Objects.requireNonNull(name, "name"));
    }

    /** {@code O'Brien} → {@code N'O''Brien'}: a Unicode string literal. */
    public static String literal(String value) {
        return Syntax.TSQL_STRING.quote(Objects.requireNonNull(value, "value"));
    }

    /** {@code O'Brien} → {@code O''Brien}: the text between the quotes of a literal, for filling an existing one. */
    public static String literalBody(String value) {
        String quoted = literal(value);
        return quoted.substring(2, quoted.length() - 1);
    }
}
