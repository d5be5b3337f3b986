// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.tsql;

import java.util.Locale;

/**
 * A T-SQL token. {@code text} is the source spelling; {@code value} is the unquoted identifier, the unescaped
 * string, or the upper-cased word for keywords and bare identifiers' comparisons.
 *
 * @param kind     what the token is
 * @param text     exact source text
 * @param value    identifier without brackets/quotes, string without quotes, else {@code text}
 * @param start    offset in the batch
 * @param line     1-based line in the batch
 */
public record Token(Kind kind, String text, String value, int start, int line) {

    /** Token kinds. WORD covers keywords and bare identifiers; QUOTED_ID is [x] or "x". */
    public enum Kind { WORD, QUOTED_ID, VARIABLE, SYSTEM_VARIABLE, STRING, NSTRING, NUMBER, BINARY, SYMBOL, EOF }

    /** A keyword made up by the engine (line 1), e.g. to wrap a condition in CASE. */
    public static Token word(String word) {
        return new Token(Kind.WORD, word, word, 0, 1);
    }

    /** A token made up by the engine, placed where {@code at} stands so errors point at the right line. */
    public static Token at(Token at, Kind kind, String text, String value) {
        return new Token(kind, text, value, at.start(), at.line());
    }

    /** A made-up symbol ({@code ,} {@code (} {@code *} …) placed where {@code at} stands. */
    public static Token symbol(String symbol, Token at) {
        return at(at, Kind.SYMBOL, symbol, symbol);
    }

    /** True for a bare word equal (case-insensitively) to {@code keyword}. */
    public boolean is(String keyword) {
        return kind == Kind.WORD && value.equalsIgnoreCase(keyword);
    }

    public boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    public boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_ID;
    }

    public boolean isString() {
        return kind == Kind.STRING || kind == Kind.NSTRING;
    }

    /** Upper-cased word, for switch statements over keywords. */
    public String upper() {
        return value.toUpperCase(Locale.ROOT);
    }
}
