// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.script;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.UnaryOperator;
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
    TSQL_NAME("tsql-name", Syntax::tsqlName),

    /** A T-SQL Unicode string literal: {@code O'Brien} → {@code N'O''Brien'}. Newlines stay as they are. */
    TSQL_STRING("tsql-string", v -> "N'" + v.replace("'", "''") + "'"),

    /**
     * A PowerShell single-quoted (verbatim) string: nothing inside is expanded ({@code $}, backticks stay). Besides
     * {@code '}, PowerShell treats the typographic quotes U+2018–U+201B as single quotes, so each is doubled too.
     */
    POWERSHELL("powershell", v -> quoted(v, '\'', Syntax::powershellEscape)),

    /** A POSIX shell single-quoted string: nothing inside is expanded; {@code '} becomes {@code '\''}. */
    POSIX_SHELL("shell", v -> "'" + v.replace("'", "'\\''") + "'"),

    /**
     * A Bicep string: single-quoted, with {@code \\}, {@code \'}, {@code \$} (so {@code ${…}} is not
     * interpolated), {@code \n}, {@code \r}, {@code \t}; other control characters as Bicep's code-point
     * escapes (backslash, u, the hex code in braces).
     */
    BICEP("bicep", v -> quoted(v, '\'', Syntax::bicepEscape)),

    /** A JSON string (ARM request bodies and templates): {@code "} and {@code \} escaped, control characters as escapes. */
    JSON("json", v -> quoted(v, '"', Syntax::jsonEscape)),

    /** The value as it is: for numbers and fragments milink built itself, never for user or server text. */
    RAW("raw", v -> v);

    private final String templateName;
    private final UnaryOperator<String> quoting;

    Syntax(String templateName, UnaryOperator<String> quoting) {
        this.templateName = templateName;
        this.quoting = quoting;
    }

    /** The value as one literal token of this language. */
    public String quote(String value) {
        return quoting.apply(Objects.requireNonNull(value, "value"));
    }

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

    private static String tsqlName(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty identifier");
        }
        return "[" + value.replace("]", "]]") + "]";
    }

    /** {@code quote + value + quote}, each character replaced by its escape, or kept when the escape is null. */
    private static String quoted(String value, char quote, CharEscape escape) {
        StringBuilder out = new StringBuilder().append(quote);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String e = escape.of(c);
            out.append(e == null ? String.valueOf(c) : e);
        }
        return out.append(quote).toString();
    }

    private static String powershellEscape(char c) {
        return c == '\'' || (c >= '\u2018' && c <= '\u201B') ? "" + c + c : null;
    }

    private static String bicepEscape(char c) {
        return switch (c) {
            case '\'' -> "\\'";
            case '$' -> "\\$";
            default -> backslashEscape(c, "\\u{%X}");
        };
    }

    private static String jsonEscape(char c) {
        if (c == '"') {
            return "\\\"";
        }
        return c == '\u2028' || c == '\u2029' ? String.format("\\u%04x", (int) c) : backslashEscape(c, "\\u%04x");
    }

    /** The escapes Bicep and JSON share: backslash, newline, return, tab, other controls in {@code control}. */
    private static String backslashEscape(char c, String control) {
        return switch (c) {
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> c < 0x20 ? String.format(control, (int) c) : null;
        };
    }

    /** One row of an escaping table: the escape for a character, or null when it stands for itself. */
    @FunctionalInterface
    private interface CharEscape {
        String of(char c);
    }
}
