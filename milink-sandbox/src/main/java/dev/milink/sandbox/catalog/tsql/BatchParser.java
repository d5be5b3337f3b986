// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.tsql;

import dev.milink.sandbox.catalog.TsqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a batch into statements the way SQL Server's parser does: a statement ends at {@code ;} or where the
 * next statement's keyword begins, and IF/WHILE/BEGIN…END/TRY…CATCH nest. {@code GO} is a client-tool
 * separator, not T-SQL, so it is a syntax error here as on the server.
 */
public final class BatchParser {
    private static final Set<String> STARTS = Set.of(
            "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "DECLARE", "SET", "IF", "ELSE", "WHILE", "BEGIN", "END",
            "EXEC", "EXECUTE", "USE", "PRINT", "BACKUP", "RESTORE", "ALTER", "CREATE", "DROP", "DBCC", "GRANT",
            "REVOKE", "DENY", "THROW", "RAISERROR", "COMMIT", "ROLLBACK", "SAVE", "RECONFIGURE", "GO", "WAITFOR",
            "RETURN", "BREAK", "CONTINUE", "TRUNCATE");
    private static final Set<String> PERMISSION_LEADS = Set.of("GRANT", "REVOKE", "DENY");
    private static final Set<String> SET_OPERATORS = Set.of("UNION", "ALL", "EXCEPT", "INTERSECT");

    private final List<Token> tokens;
    private final String sql;
    private int pos;

    private BatchParser(List<Token> tokens, String sql) {
        this.tokens = tokens;
        this.sql = sql;
    }

    /** Parses a whole batch; a syntax error anywhere fails the batch before anything runs. */
    public static List<Stmt> parse(String sql) throws TsqlException {
        BatchParser p = new BatchParser(Lexer.tokenize(sql), sql);
        List<Stmt> out = new ArrayList<>();
        while (!p.atEnd()) {
            Stmt s = p.statement(out.isEmpty());
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private boolean atEnd() {
        skipSemicolons();
        return peek().kind() == Token.Kind.EOF;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private void skipSemicolons() {
        while (peek().isSymbol(";")) {
            pos++;
        }
    }

    private Stmt statement(boolean first) throws TsqlException {
        skipSemicolons();
        Token head = peek();
        if (head.kind() == Token.Kind.EOF) {
            return null;
        }
        switch (head.kind() == Token.Kind.WORD ? head.upper() : "") {
            case "IF" -> {
                return ifStatement();
            }
            case "WHILE" -> {
                pos++;
                List<Token> cond = condition();
                return new Stmt.While(cond, required(), head.line());
            }
            case "BEGIN" -> {
                Token next = peek(1);
                if (next.is("TRY")) {
                    return tryCatch();
                }
                if (next.is("TRAN") || next.is("TRANSACTION") || next.is("DISTRIBUTED")) {
                    return simple(first);
                }
                pos++;
                return new Stmt.Block(blockUntil("END", null), head.line());
            }
            case "END", "ELSE" -> throw TsqlException.keyword(head.upper(), head.line());
            case "GO" -> throw TsqlException.syntax(head.text(), head.line());
            case "CREATE", "ALTER" -> {
                if (isProcedure()) {
                    return createProcedure(first);
                }
                return simple(first);
            }
            default -> {
                if (head.kind() == Token.Kind.WORD && STARTS.contains(head.upper())) {
                    return simple(first);
                }
                if (first && head.isIdentifier()) {
                    return simple(true); // an identifier first in a batch is an implicit EXEC
                }
                if (peek().is("WITH")) {
                    return simple(first);
                }
                throw TsqlException.syntax(head.text(), head.line());
            }
        }
    }

    private Stmt required() throws TsqlException {
        skipSemicolons();
        Token t = peek();
        if (t.kind() == Token.Kind.EOF) {
            throw TsqlException.syntax(tokens.get(Math.max(0, pos - 1)).text(), t.line());
        }
        return statement(false);
    }

    private Stmt ifStatement() throws TsqlException {
        Token head = tokens.get(pos++);
        List<Token> cond = condition();
        Stmt then = required();
        skipSemicolons();
        Stmt otherwise = null;
        if (peek().is("ELSE")) {
            pos++;
            otherwise = required();
        }
        return new Stmt.If(cond, then, otherwise, head.line());
    }

    /** An IF/WHILE condition: everything up to the first statement keyword outside parentheses and CASE. */
    private List<Token> condition() throws TsqlException {
        int start = pos;
        Nesting nesting = new Nesting();
        while (true) {
            Token t = peek();
            if (t.kind() == Token.Kind.EOF) {
                throw TsqlException.syntax(tokens.get(Math.max(0, pos - 1)).text(), t.line());
            }
            if (nesting.outside(t) && t.kind() == Token.Kind.WORD && STARTS.contains(t.upper()) && pos > start) {
                return List.copyOf(tokens.subList(start, pos));
            }
            pos++;
        }
    }

    private List<Stmt> blockUntil(String endKeyword, String qualifier) throws TsqlException {
        List<Stmt> body = new ArrayList<>();
        while (true) {
            skipSemicolons();
            Token t = peek();
            if (t.kind() == Token.Kind.EOF) {
                throw TsqlException.syntax(tokens.get(Math.max(0, pos - 1)).text(), t.line());
            }
            if (t.is(endKeyword) && (qualifier == null || peek(1).is(qualifier))) {
                pos += qualifier == null ? 1 : 2;
                return body;
            }
            body.add(statement(false));
        }
    }

    private Stmt tryCatch() throws TsqlException {
        Token head = peek();
        pos += 2;
        List<Stmt> tryBody = blockUntil("END", "TRY");
        skipSemicolons();
        if (!peek().is("BEGIN") || !peek(1).is("CATCH")) {
            throw TsqlException.syntax(peek().text(), peek().line());
        }
        pos += 2;
        List<Stmt> catchBody = blockUntil("END", "CATCH");
        return new Stmt.TryCatch(tryBody, catchBody, head.line());
    }

    private boolean isProcedure() {
        int i = pos + 1;
        if (peek(1).is("OR") && peek(2).is("ALTER")) {
            i += 2;
        }
        Token t = tokens.get(Math.min(i, tokens.size() - 1));
        return t.is("PROC") || t.is("PROCEDURE");
    }

    private Stmt createProcedure(boolean first) throws TsqlException {
        Token head = peek();
        if (!first) {
            throw TsqlException.of(111, 15, "'CREATE/ALTER PROCEDURE' must be the first statement in a query batch.",
                    head.line());
        }
        while (!peek().is("PROC") && !peek().is("PROCEDURE")) {
            pos++;
        }
        pos++;
        List<String> name = new ArrayList<>();
        name.add(tokens.get(pos++).value());
        while (peek().isSymbol(".")) {
            pos++;
            name.add(tokens.get(pos++).value());
        }
        int paramStart = pos;
        int depth = 0;
        while (!(depth == 0 && peek().is("AS"))) {
            Token t = peek();
            if (t.kind() == Token.Kind.EOF) {
                throw TsqlException.syntax(tokens.get(pos - 1).text(), t.line());
            }
            depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
            pos++;
        }
        List<Token> params = List.copyOf(tokens.subList(paramStart, pos));
        pos++;
        String body = sql.substring(peek().start());
        BatchParser.parse(body); // syntax errors in the body fail CREATE PROCEDURE, as on the server
        pos = tokens.size() - 1;
        return new Stmt.CreateProcedure(List.copyOf(name), params, body, head.line());
    }

    private Stmt simple(boolean first) {
        int start = pos;
        String lead = peek().upper();
        if ("ALTER".equals(lead) && peek(1).is("AVAILABILITY")) {
            lead = "ALTER AVAILABILITY";
        }
        pos++;
        Nesting nesting = new Nesting();
        boolean selectSeen = "SELECT".equals(lead);
        while (true) {
            Token t = peek();
            if (t.kind() == Token.Kind.EOF || (nesting.parens() == 0 && t.isSymbol(";"))) {
                break;
            }
            if (nesting.outside(t) && endsStatement(lead, t, tokens.get(pos - 1), selectSeen)) {
                break;
            }
            selectSeen |= nesting.parens() == 0 && (t.is("SELECT") || t.is("VALUES"));
            pos++;
        }
        List<Token> stmt = List.copyOf(tokens.subList(start, pos));
        int endOffset = pos < tokens.size() ? tokens.get(pos).start() : sql.length();
        String text = sql.substring(stmt.get(0).start(), Math.min(endOffset, sql.length())).strip();
        return new Stmt.Simple(stmt, text, first);
    }

    private static boolean endsStatement(String lead, Token t, Token previous, boolean selectSeen) {
        if (t.kind() != Token.Kind.WORD || !STARTS.contains(t.upper())) {
            return false;
        }
        String word = t.upper();
        if (PERMISSION_LEADS.contains(lead)) {
            return !(Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "EXEC", "EXECUTE", "ALTER", "CREATE", "DROP",
                    "BACKUP").contains(word));
        }
        return switch (word) {
            case "SELECT" -> !(previous.kind() == Token.Kind.WORD && SET_OPERATORS.contains(previous.upper()))
                    && !(("INSERT".equals(lead) || "WITH".equals(lead)) && !selectSeen);
            case "EXEC", "EXECUTE" -> !("INSERT".equals(lead) && !selectSeen);
            case "IF" -> !"DROP".equals(lead);
            case "DROP", "ADD" -> !lead.startsWith("ALTER");
            // ALTER AVAILABILITY GROUP [ag] GRANT | DENY CREATE ANY DATABASE
            case "GRANT", "DENY" -> !"ALTER AVAILABILITY".equals(lead);
            case "CREATE" -> !("ALTER AVAILABILITY".equals(lead) && (previous.is("GRANT") || previous.is("DENY")));
            case "SET" -> !("UPDATE".equals(lead) || lead.startsWith("ALTER") || "MERGE".equals(lead));
            case "DELETE", "UPDATE", "INSERT" -> !"MERGE".equals(lead) && !previous.is("FOR") && !previous.is("ON");
            default -> true;
        };
    }
}
