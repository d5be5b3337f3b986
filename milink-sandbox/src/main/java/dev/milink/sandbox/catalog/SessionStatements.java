// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.catalog.command.TokenCursor;
import dev.milink.sandbox.catalog.tsql.Token;
import dev.milink.sandbox.engine.ResultSink;
import dev.milink.sandbox.scenario.Scenario;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Statements that change only the session: DECLARE and SET of variables (held as H2 session variables, see
 * {@link Variables}), SET options, USE, and the transaction count of BEGIN TRAN / COMMIT / ROLLBACK.
 */
final class SessionStatements {
    private final CatalogSession session;

    SessionStatements(CatalogSession session) {
        this.session = session;
    }

    void declare(List<Token> tokens, ResultSink sink) throws TsqlException {
        TokenCursor c = new TokenCursor(tokens);
        c.next();
        do {
            Token name = c.next();
            if (name.kind() != Token.Kind.VARIABLE) {
                throw TsqlException.syntax(name.text(), name.line());
            }
            c.accept("AS");
            if (c.peek().is("TABLE") || c.peek().is("CURSOR")) {
                throw TsqlException.of(50000, 16, "Table variables and cursors are not supported by the sandbox.",
                        name.line());
            }
            Variables.Var v = session.variables.declare(name.text(), typeText(c));
            if (v == null) {
                throw TsqlException.of(134, 15, "The variable name '" + name.text()
                        + "' has already been declared. Variable names must be unique within a query batch or stored "
                        + "procedure.", name.line());
            }
            assign(v, c.acceptSymbol("=") ? c.expression() : List.of());
        } while (c.acceptSymbol(","));
        sink.done();
    }

    /** {@code SET @v = expr}, {@code SET @v += expr} …; SET options are accepted with no visible effect. */
    void set(List<Token> tokens, ResultSink sink) throws TsqlException {
        Token target = tokens.size() > 1 ? tokens.get(1) : tokens.get(0);
        if (target.kind() == Token.Kind.VARIABLE) {
            Variables.Var v = requireVar(target);
            Token op = tokens.size() > 2 ? tokens.get(2) : target;
            List<Token> expr = tokens.subList(Math.min(3, tokens.size()), tokens.size());
            if (op.isSymbol("=")) {
                assign(v, expr);
            } else if (op.text().length() == 2 && op.text().endsWith("=")) {
                List<Token> combined = new ArrayList<>();
                combined.add(target);
                combined.add(Token.symbol(op.text().substring(0, 1), op));
                combined.add(Token.symbol("(", op));
                combined.addAll(expr);
                combined.add(Token.symbol(")", op));
                assign(v, combined);
            } else {
                throw TsqlException.syntax(op.text(), op.line());
            }
        }
        sink.done();
    }

    void use(List<Token> tokens, ResultSink sink) throws TsqlException {
        TokenCursor c = new TokenCursor(tokens);
        c.next();
        String name = c.name();
        Scenario.Database db = session.scenario().database(name);
        if (db == null) {
            throw TsqlException.of(911, 1, 16, "Database '" + name
                    + "' does not exist. Make sure that the name is entered correctly.");
        }
        if (!db.online()) {
            throw TsqlException.of(942, 4, 14, "Database '" + db.name + "' cannot be opened because it is offline.");
        }
        session.ctx.database = db.name;
        sink.info(5701, 2, 0, "Changed database context to '" + db.name + "'.");
        sink.done();
    }

    /** BEGIN [TRAN], COMMIT, ROLLBACK: only @@TRANCOUNT changes (catalog state is not transactional). */
    void transaction(Token head, ResultSink sink) throws TsqlException {
        switch (head.upper()) {
            case "BEGIN" -> session.tranCount++;
            case "COMMIT" -> {
                if (session.tranCount == 0) {
                    throw TsqlException.of(3902, 16,
                            "The COMMIT TRANSACTION request has no corresponding BEGIN TRANSACTION.", head.line());
                }
                session.tranCount--;
            }
            default -> session.tranCount = 0;
        }
        sink.done();
    }

    /** A data type as written, e.g. {@code nvarchar(max)} or {@code decimal(10, 2)}, as H2 should declare it. */
    static String typeText(TokenCursor c) throws TsqlException {
        StringBuilder sb = new StringBuilder(c.name());
        if (c.acceptSymbol("(")) {
            sb.append('(');
            while (!c.acceptSymbol(")")) {
                sb.append(c.next().text());
            }
            sb.append(')');
        }
        String t = sb.toString();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sql_variant")) {
            return "sql_variant";
        }
        if (lower.startsWith("xml") || lower.startsWith("ntext") || lower.startsWith("text")) {
            return "VARCHAR";
        }
        return t;
    }

    /** Assigns a T-SQL expression (none: NULL), cast to the variable's type. */
    void assign(Variables.Var v, List<Token> expression) throws TsqlException {
        String value = expression.isEmpty() ? "NULL" : "(" + session.translate(expression) + ")";
        session.h2.execute("SET " + v.h2Name() + " = CAST(" + value + " AS " + v.type() + ")", expression);
    }

    /** Assigns a Java value, cast to the variable's type. */
    void setValue(Variables.Var v, Object value) throws TsqlException {
        session.h2.setVariable(v.h2Name(), v.type(), value, List.of());
    }

    /** Declares an RPC parameter ({@code @P0} …) typed after its Java value, and binds the value. */
    void bind(String name, Object value) throws TsqlException {
        String type = switch (value) {
            case Integer i -> "INT";
            case Long l -> "BIGINT";
            case Boolean b -> "BIT";
            case BigDecimal d -> "DECIMAL(38," + Math.max(0, d.scale()) + ")";
            case Double d -> "FLOAT";
            case byte[] b -> "VARBINARY(MAX)";
            case LocalDateTime t -> "DATETIME2";
            case UUID u -> "UNIQUEIDENTIFIER";
            case null, default -> "NVARCHAR(MAX)";
        };
        Variables.Var v = session.variables.declare(name, type);
        if (v == null) {
            throw TsqlException.of(134, 15, "The variable name '" + name + "' has already been declared.");
        }
        setValue(v, value instanceof OffsetDateTime o ? o.toString() : value);
    }

    Variables.Var requireVar(Token t) throws TsqlException {
        Variables.Var v = session.variables.find(t.text());
        if (v == null) {
            throw TsqlException.of(137, 15, "Must declare the scalar variable \"" + t.text() + "\".", t.line());
        }
        return v;
    }
}
