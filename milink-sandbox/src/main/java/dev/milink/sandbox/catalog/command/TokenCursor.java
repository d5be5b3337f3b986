// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.command;

import dev.milink.sandbox.catalog.TsqlException;
import dev.milink.sandbox.catalog.tsql.Token;
import java.util.ArrayList;
import java.util.List;

/** Walks a statement's tokens for the hand-written statement parsers (BACKUP, ALTER DATABASE, CREATE …). */
public final class TokenCursor {
    private final List<Token> tokens;
    private int pos;

    public TokenCursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    public boolean atEnd() {
        return pos >= tokens.size() || tokens.get(pos).kind() == Token.Kind.EOF;
    }

    public Token peek() {
        return atEnd() ? new Token(Token.Kind.EOF, "", "", 0, last().line()) : tokens.get(pos);
    }

    public Token peek(int ahead) {
        int i = pos + ahead;
        return i >= tokens.size() ? new Token(Token.Kind.EOF, "", "", 0, last().line()) : tokens.get(i);
    }

    private Token last() {
        return tokens.get(tokens.size() - 1);
    }

    public Token next() throws TsqlException {
        if (atEnd()) {
            throw TsqlException.syntax(last().text(), last().line());
        }
        return tokens.get(pos++);
    }

    /** Consumes the keyword if present. */
    public boolean accept(String keyword) {
        if (peek().is(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    public boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes the keyword or fails with "Incorrect syntax near …". */
    public void expect(String keyword) throws TsqlException {
        if (!accept(keyword)) {
            throw unexpected();
        }
    }

    public void expectSymbol(String symbol) throws TsqlException {
        if (!acceptSymbol(symbol)) {
            throw unexpected();
        }
    }

    public TsqlException unexpected() {
        Token t = atEnd() ? last() : peek();
        return t.kind() == Token.Kind.WORD && isReserved(t.upper()) ? TsqlException.keyword(t.upper(), t.line())
                : TsqlException.syntax(t.text(), t.line());
    }

    private static boolean isReserved(String w) {
        return List.of("WITH", "TO", "SET", "AS", "FOR", "FROM", "BY", "ON", "ALL").contains(w);
    }

    /** An identifier (bare or quoted) as its value. */
    public String name() throws TsqlException {
        Token t = next();
        if (!t.isIdentifier()) {
            pos--;
            throw unexpected();
        }
        return t.value();
    }

    /** A possibly multi-part name, parts unquoted. */
    public List<String> multipartName() throws TsqlException {
        List<String> parts = new ArrayList<>();
        parts.add(name());
        while (acceptSymbol(".")) {
            parts.add(peek().isSymbol(".") ? "" : name());
        }
        return parts;
    }

    /** Tokens up to (not including) the next depth-0 comma or one of the stop keywords. */
    public List<Token> expression(String... stops) {
        int start = pos;
        int depth = 0;
        while (!atEnd()) {
            Token t = peek();
            if (depth == 0 && (t.isSymbol(",") || t.isSymbol(")") || isStop(t, stops))) {
                break;
            }
            depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
            pos++;
        }
        return List.copyOf(tokens.subList(start, pos));
    }

    private static boolean isStop(Token t, String[] stops) {
        for (String s : stops) {
            if (t.is(s)) {
                return true;
            }
        }
        return false;
    }

    /** The remaining tokens. */
    public List<Token> rest() {
        List<Token> r = List.copyOf(tokens.subList(Math.min(pos, tokens.size()), tokens.size()));
        pos = tokens.size();
        return r;
    }
}
