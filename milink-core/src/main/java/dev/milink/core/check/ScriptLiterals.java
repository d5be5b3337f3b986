// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

import java.util.Objects;

/**
 * Quoting for values placed into the non-T-SQL fix scripts (PowerShell, POSIX shell); T-SQL goes through
 * {@link dev.milink.core.tsql.TSql}. Used for {@link FixTemplates} placeholder values.
 *
 * @since 0.1
 */
public final class ScriptLiterals {

    private ScriptLiterals() {
    }

    /**
     * A single-quoted PowerShell string literal. PowerShell also treats the typographic quotes U+2018–U+201B as
     * single quotes, so they are doubled like {@code '}; nothing inside single quotes is expanded.
     */
    public static String powershell(String value) {
        Objects.requireNonNull(value, "value");
        StringBuilder out = new StringBuilder("'");
        for (char c : value.toCharArray()) {
            if (c == '\'' || (c >= '\u2018' && c <= '\u201B')) {
                out.append(c);
            }
            out.append(c);
        }
        return out.append('\'').toString();
    }

    /** A POSIX shell single-quoted string: {@code '} becomes {@code '\''}. */
    public static String posixShell(String value) {
        Objects.requireNonNull(value, "value");
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
