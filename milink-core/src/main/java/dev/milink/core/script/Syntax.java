// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.script;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The languages milink writes scripts in, each with its one escaping table: how any value, whatever it holds
 * ({@code ]}, {@code '}, {@code "}, {@code $}, backticks, spaces, newlines, non-Latin letters), becomes one token
 * that the language reads back as exactly that value and never as code. Templates name a syntax per placeholder
 * ({@code {{db:tsql-name}}}, see {@link ScriptTemplate}); Java code calls {@link #quote(String)}.
 *
 * @since 0.1
 */
public enum Syntax {

    /** A T-SQL delimited identifier: {@code Sales]Q1} → {@code [Sales]]Q1]}, like QUOTENAME without its limit. */
    TSQL_NAME("tsql-name") {
        @Override
        public String quote(String value) {
            if (value.isEmpty()) {
                throw new IllegalArgumentException("empty identifier");
            }
            return "[" + value.replace("]", "]]") + "]";
        }
    },

    /** A T-SQL Unicode string literal: {@code O'Brien} → {@code N'O''Brien'}. Newlines stay as they are. */
    TSQL_STRING("tsql-string") {
        @Override
        public String quote(String value) {
            return "N'" + value.replace("'", "''") + "'";
        }
    },

    /**
     * A PowerShell single-quoted (verbatim) string: nothing inside is expanded ({@code $}, backticks stay). Besides
     * {@code '}, PowerShell treats the typographic quotes U+2018–U+201B as single quotes, so each is doubled too.
     */
    POWERSHELL("powershell") {
        @Override
        public String quote(String value) {
            StringBuilder out = new StringBuilder("'");
            for (char c : value.toCharArray()) {
                if (c == '\'' || (c >= '\u2018' && c <= '\u201B')) {
                    out.append(c);
                }
                out.append(c);
            }
            return out.append('\'').toString();
        }
    },

    /** A POSIX shell single-quoted string: nothing inside is expanded; {@code '} becomes {@code '\''}. */
    POSIX_SHELL("shell") {
        @Override
        public String quote(String value) {
            return "'" + value.replace("'", "'\\''") + "'";
        }
    },

    /**
     * A Bicep string: single-quoted, with {@code \\}, {@code \'}, {@code \$} (so {@code ${…}} is not
     * interpolated), {@code \n}, {@code \r}, {@code \t}; other control characters as Bicep's code-point
     * escapes (backslash, u, the hex code in braces).
     */
    BICEP("bicep") {
        @Override
        public String quote(String value) {
            StringBuilder out = new StringBuilder("'");
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\'' -> out.append("\\'");
                    case '$' -> out.append("\\$");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append("\\u{").append(Integer.toHexString(c).toUpperCase()).append('}');
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('\'').toString();
        }
    },

    /** A JSON string (ARM request bodies and templates): {@code "} and {@code \} escaped, control characters as escapes. */
    JSON("json") {
        @Override
        public String quote(String value) {
            StringBuilder out = new StringBuilder("\"");
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
    },

    /** The value as it is: for numbers and fragments milink built itself, never for user or server text. */
    RAW("raw") {
        @Override
        public String quote(String value) {
            return value;
        }
    };

    private final String templateName;

    Syntax(String templateName) {
        this.templateName = templateName;
    }

    /** The value as one literal token of this language. */
    public abstract String quote(String value);

    /** How a template names this syntax after the colon: {@code {{db:tsql-name}}}. */
    public String templateName() {
        return templateName;
    }

    /** The syntax a template names, e.g. {@code tsql-string}. */
    public static Syntax ofTemplateName(String name) {
        Objects.requireNonNull(name, "name");
        return Arrays.stream(values()).filter(s -> s.templateName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown placeholder syntax '" + name + "'; expected "
                        + Arrays.stream(values()).map(Syntax::templateName).collect(Collectors.joining(", "))));
    }
}
