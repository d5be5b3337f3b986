// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

/** Literal quoting for the non-T-SQL scripts (T-SQL goes through {@link dev.milink.core.tsql.TSql}). */
final class Quote {

    private Quote() {
    }

    /**
     * A PowerShell single-quoted string. PowerShell also ends such strings at the typographic quotes
     * U+2018–U+201B, so those are doubled as well.
     */
    static String powershell(String s) {
        return "'" + s.replaceAll("(['\u2018\u2019\u201A\u201B])", "$1$1") + "'";
    }

    /** A POSIX shell single-quoted string: {@code '} becomes {@code '\''}. */
    static String shell(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
