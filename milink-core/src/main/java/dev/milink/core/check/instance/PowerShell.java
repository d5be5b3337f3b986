// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import java.util.Objects;

/** Quoting for values placed into generated PowerShell scripts. */
final class PowerShell {

    private PowerShell() {
    }

    /**
     * A single-quoted PowerShell string literal. PowerShell also treats the typographic quotes U+2018–U+201B as
     * single quotes, so they are doubled like {@code '}; nothing inside single quotes is expanded.
     */
    static String literal(String value) {
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
}
