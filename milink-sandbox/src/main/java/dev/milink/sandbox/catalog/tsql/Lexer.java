// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.tsql;

import dev.milink.sandbox.catalog.TsqlException;
import java.util.ArrayList;
import java.util.List;

/** Splits a T-SQL batch into tokens, dropping whitespace and comments. */
public final class Lexer {
    private static final String[] OPERATORS = {"<>", "!=", ">=", "<=", "!<", "!>", "+=", "-=", "*=", "/=", "::"};

    private final String sql;
    private int pos;
    private int line = 1;

    private Lexer(String sql) {
        this.sql = sql;
    }

    /** Tokens of {@code sql}, ending with an EOF token. */
    public static List<Token> tokenize(String sql) throws TsqlException {
        return new Lexer(sql).run();
    }

    private List<Token> run() throws TsqlException {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipBlanksAndComments();
            if (pos >= sql.length()) {
                out.add(new Token(Token.Kind.EOF, "", "", pos, line));
                return out;
            }
            out.add(next());
        }
    }

    private void skipBlanksAndComments() throws TsqlException {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (sql.startsWith("--", pos)) {
                while (pos < sql.length() && sql.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (sql.startsWith("/*", pos)) {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private void skipBlockComment() throws TsqlException {
        int depth = 0;
        int startLine = line;
        do {
            if (sql.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (sql.startsWith("*/", pos)) {
                depth--;
                pos += 2;
            } else {
                line += sql.charAt(pos) == '\n' ? 1 : 0;
                pos++;
            }
            if (pos >= sql.length() && depth > 0) {
                throw TsqlException.of(113, 15, "Missing end comment mark '*/'.", startLine);
            }
        } while (depth > 0);
    }

    private Token next() throws TsqlException {
        int start = pos;
        int startLine = line;
        char c = sql.charAt(pos);
        if ((c == 'N' || c == 'n') && pos + 1 < sql.length() && sql.charAt(pos + 1) == '\'') {
            pos++;
            String v = quoted('\'', startLine);
            return new Token(Token.Kind.NSTRING, sql.substring(start, pos), v, start, startLine);
        }
        if (c == '\'') {
            String v = quoted('\'', startLine);
            return new Token(Token.Kind.STRING, sql.substring(start, pos), v, start, startLine);
        }
        if (c == '[') {
            String v = quoted(']', startLine);
            return new Token(Token.Kind.QUOTED_ID, sql.substring(start, pos), v, start, startLine);
        }
        if (c == '"') {
            String v = quoted('"', startLine);
            return new Token(Token.Kind.QUOTED_ID, sql.substring(start, pos), v, start, startLine);
        }
        if (c == '0' && pos + 1 < sql.length() && (sql.charAt(pos + 1) == 'x' || sql.charAt(pos + 1) == 'X')) {
            pos += 2;
            while (pos < sql.length() && Character.digit(sql.charAt(pos), 16) >= 0) {
                pos++;
            }
            return new Token(Token.Kind.BINARY, sql.substring(start, pos), sql.substring(start + 2, pos), start, startLine);
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < sql.length() && Character.isDigit(sql.charAt(pos + 1)))) {
            return number(start, startLine);
        }
        if (c == '@') {
            boolean system = sql.startsWith("@@", pos);
            pos += system ? 2 : 1;
            while (pos < sql.length() && isWordChar(sql.charAt(pos))) {
                pos++;
            }
            String text = sql.substring(start, pos);
            return new Token(system ? Token.Kind.SYSTEM_VARIABLE : Token.Kind.VARIABLE, text, text, start, startLine);
        }
        if (isWordStart(c)) {
            while (pos < sql.length() && isWordChar(sql.charAt(pos))) {
                pos++;
            }
            String text = sql.substring(start, pos);
            return new Token(Token.Kind.WORD, text, text, start, startLine);
        }
        for (String op : OPERATORS) {
            if (sql.startsWith(op, pos)) {
                pos += op.length();
                return new Token(Token.Kind.SYMBOL, op, op, start, startLine);
            }
        }
        pos++;
        String text = String.valueOf(c);
        return new Token(Token.Kind.SYMBOL, text, text, start, startLine);
    }

    private Token number(int start, int startLine) {
        while (pos < sql.length() && (Character.isDigit(sql.charAt(pos)) || sql.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < sql.length() && (sql.charAt(pos) == 'e' || sql.charAt(pos) == 'E')) {
            pos++;
            if (pos < sql.length() && (sql.charAt(pos) == '+' || sql.charAt(pos) == '-')) {
                pos++;
            }
            while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                pos++;
            }
        }
        String text = sql.substring(start, pos);
        return new Token(Token.Kind.NUMBER, text, text, start, startLine);
    }

    /** Reads a quoted run where the closing quote is escaped by doubling it; returns the unescaped content. */
    private String quoted(char close, int startLine) throws TsqlException {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == close) {
                if (pos + 1 < sql.length() && sql.charAt(pos + 1) == close) {
                    sb.append(close);
                    pos += 2;
                    continue;
                }
                pos++;
                return sb.toString();
            }
            line += c == '\n' ? 1 : 0;
            sb.append(c);
            pos++;
        }
        throw TsqlException.of(105, 15, "Unclosed quotation mark after the character string '" + sb + "'.", startLine);
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '#';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '#' || c == '$' || c == '@';
    }
}
