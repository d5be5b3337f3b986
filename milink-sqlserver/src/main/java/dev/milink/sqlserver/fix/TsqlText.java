// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.fix;

import java.util.ArrayList;
import java.util.List;

/**
 * A lexical view of one T-SQL batch, enough to reason about it safely: where comments, string literals and
 * delimited identifiers are. The executor uses it to find options only in code (a comment saying "never
 * COPY_ONLY" is not an option), to read backup paths from literals, and to put secrets only inside literals.
 */
final class TsqlText {

    /** What a character range is. */
    enum Kind { CODE, COMMENT, LITERAL, IDENTIFIER }

    /** A range {@code [start, end)} of the text; for a LITERAL it includes the quotes (and a leading N). */
    record Span(Kind kind, int start, int end) {}

    private final String text;
    private final List<Span> spans;

    private TsqlText(String text, List<Span> spans) {
        this.text = text;
        this.spans = List.copyOf(spans);
    }

    static TsqlText of(String text) {
        List<Span> spans = new ArrayList<>();
        int i = 0;
        int codeStart = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int end;
            Kind kind;
            int start = i;
            if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int nl = text.indexOf('\n', i);
                end = nl < 0 ? n : nl;
                kind = Kind.COMMENT;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                end = blockCommentEnd(text, i);
                kind = Kind.COMMENT;
            } else if (c == '\'' || ((c == 'N' || c == 'n') && i + 1 < n && text.charAt(i + 1) == '\''
                    && (i == 0 || !isWordChar(text.charAt(i - 1))))) {
                int q = c == '\'' ? i : i + 1;
                end = quotedEnd(text, q, '\'');
                kind = Kind.LITERAL;
            } else if (c == '[') {
                end = quotedEnd(text, i, ']');
                kind = Kind.IDENTIFIER;
            } else if (c == '"') {
                end = quotedEnd(text, i, '"');
                kind = Kind.IDENTIFIER;
            } else {
                i++;
                continue;
            }
            if (codeStart < start) {
                spans.add(new Span(Kind.CODE, codeStart, start));
            }
            spans.add(new Span(kind, start, end));
            i = end;
            codeStart = end;
        }
        if (codeStart < n) {
            spans.add(new Span(Kind.CODE, codeStart, n));
        }
        return new TsqlText(text, spans);
    }

    String text() {
        return text;
    }

    List<Span> spans() {
        return spans;
    }

    /**
     * The code with comments removed, literals replaced by {@code ''} and delimited identifiers by {@code [x]}:
     * safe to search for keywords.
     */
    String skeleton() {
        StringBuilder b = new StringBuilder();
        for (Span s : spans) {
            switch (s.kind()) {
                case CODE -> b.append(text, s.start(), s.end());
                case COMMENT -> b.append(' ');
                case LITERAL -> b.append("''");
                case IDENTIFIER -> b.append("[x]");
            }
        }
        return b.toString();
    }

    /** The code with comments removed, literals and identifiers kept as written. */
    String withoutComments() {
        StringBuilder b = new StringBuilder();
        for (Span s : spans) {
            b.append(s.kind() == Kind.COMMENT ? " " : text.substring(s.start(), s.end()));
        }
        return b.toString();
    }

    /** The value of a literal span written {@code 'it''s'} or {@code N'…'}: quotes removed, {@code ''} undone. */
    String literalValue(Span s) {
        String raw = text.substring(s.start(), s.end());
        int open = raw.indexOf('\'');
        int close = raw.endsWith("'") && raw.length() > open + 1 ? raw.length() - 1 : raw.length();
        return raw.substring(open + 1, close).replace("''", "'");
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '#' || c == '$';
    }

    private static int blockCommentEnd(String t, int i) {
        int depth = 0;
        int n = t.length();
        int j = i;
        while (j < n) {
            if (t.startsWith("/*", j)) {
                depth++;
                j += 2;
            } else if (t.startsWith("*/", j)) {
                depth--;
                j += 2;
                if (depth == 0) {
                    return j;
                }
            } else {
                j++;
            }
        }
        return n;
    }

    /** End (exclusive) of a quoted run opening at {@code open}; a doubled closing quote is an escaped one. */
    private static int quotedEnd(String t, int open, char close) {
        int n = t.length();
        int j = open + 1;
        while (j < n) {
            if (t.charAt(j) == close) {
                if (j + 1 < n && t.charAt(j + 1) == close) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return n;
    }
}
