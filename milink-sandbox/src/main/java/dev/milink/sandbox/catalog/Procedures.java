// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.catalog.command.Commands;
import dev.milink.sandbox.catalog.command.TokenCursor;
import dev.milink.sandbox.catalog.tsql.BatchParser;
import dev.milink.sandbox.catalog.tsql.Lexer;
import dev.milink.sandbox.catalog.tsql.Stmt;
import dev.milink.sandbox.catalog.tsql.Token;
import dev.milink.sandbox.engine.ResultSink;
import java.util.ArrayList;
import java.util.List;

/**
 * EXEC in its forms: {@code EXEC (@sql)}, {@code sp_executesql} with parameter definitions, user procedures
 * (stored by {@code CREATE PROCEDURE}, run through the statement layer in a scope of their own) and system
 * procedures (handed to {@link Commands#procedure}).
 */
final class Procedures {
    private record ProcArg(String name, List<Token> expression, boolean output) {}

    private final CatalogSession session;

    Procedures(CatalogSession session) {
        this.session = session;
    }

    /** {@code tokens} follow the EXEC keyword (or are the whole statement for an implicit EXEC). */
    void exec(List<Token> tokens, ResultSink sink) throws TsqlException {
        TokenCursor c = new TokenCursor(tokens);
        if (c.peek().isSymbol("(")) {
            c.next();
            Object sql = session.evaluate(c.expression());
            session.runNested(sql == null ? "" : sql.toString(), session.database(), sink);
            return;
        }
        if (c.peek().kind() == Token.Kind.VARIABLE && c.peek(1).isSymbol("=")) {
            c.next();
            c.next();
        }
        List<String> name = c.multipartName();
        List<ProcArg> args = new ArrayList<>();
        while (!c.atEnd()) {
            String argName = null;
            if (c.peek().kind() == Token.Kind.VARIABLE && c.peek(1).isSymbol("=")) {
                argName = c.next().text();
                c.next();
            }
            List<Token> expr = c.expression("OUTPUT", "OUT");
            boolean output = c.accept("OUTPUT") || c.accept("OUT");
            args.add(new ProcArg(argName, expr, output));
            if (!c.acceptSymbol(",")) {
                break;
            }
        }
        String proc = name.get(name.size() - 1);
        String database = name.size() >= 3 && !name.get(name.size() - 3).isEmpty() ? name.get(name.size() - 3)
                : session.database();
        if ("sp_executesql".equalsIgnoreCase(proc)) {
            spExecuteSql(args, sink);
            return;
        }
        InstanceState.StoredProcedure user = session.instance().procedure(database, proc);
        if (user != null) {
            List<Object> values = evaluate(args);
            session.inScope(database, () -> {
                declareParameters(user.parameters(), names(args), values);
                session.interpreter.runAll(BatchParser.parse(user.body()), sink);
            });
            return;
        }
        List<Object> values = new ArrayList<>();
        for (ProcArg a : args) {
            values.add(a.expression.isEmpty() || a.expression.get(0).is("DEFAULT") ? null
                    : session.evaluate(a.expression));
        }
        session.withInstanceLock(() -> Commands.procedure(session, database, proc, names(args), values, sink));
    }

    /** {@code sp_executesql @statement [, @params, @p = value …]}; the current database stays what it becomes. */
    private void spExecuteSql(List<ProcArg> args, ResultSink sink) throws TsqlException {
        if (args.isEmpty()) {
            throw TsqlException.of(201, 4, 16,
                    "Procedure or function 'sp_executesql' expects parameter '@statement', which was not supplied.");
        }
        Object sql = session.evaluate(args.get(0).expression);
        Object defs = args.size() > 1 ? session.evaluate(args.get(1).expression) : null;
        List<ProcArg> bound = args.subList(Math.min(2, args.size()), args.size());
        List<Object> values = evaluate(bound);
        session.inScope(null, () -> {
            if (defs != null) {
                declareParameters(Lexer.tokenize(defs.toString()), names(bound), values);
            }
            session.interpreter.runAll(BatchParser.parse(sql == null ? "" : sql.toString()), sink);
        });
    }

    private List<Object> evaluate(List<ProcArg> args) throws TsqlException {
        List<Object> values = new ArrayList<>();
        for (ProcArg a : args) {
            values.add(session.evaluate(a.expression));
        }
        return values;
    }

    private static List<String> names(List<ProcArg> args) {
        return args.stream().map(a -> a.name).toList();
    }

    /** Declares {@code @a int = 1, @b nvarchar(10) OUTPUT} and binds call arguments by name or position. */
    private void declareParameters(List<Token> defs, List<String> argNames, List<Object> values) throws TsqlException {
        SessionStatements vars = session.statements;
        TokenCursor c = new TokenCursor(defs);
        int position = 0;
        while (!c.atEnd() && c.peek().kind() == Token.Kind.VARIABLE) {
            Token name = c.next();
            c.accept("AS");
            String type = SessionStatements.typeText(c);
            List<Token> defaultValue = c.acceptSymbol("=") ? c.expression("OUTPUT", "OUT", "READONLY") : List.of();
            c.accept("OUTPUT");
            c.accept("OUT");
            c.accept("READONLY");
            Variables.Var v = session.variables.declare(name.text(), type);
            int byName = argNames.indexOf(null) < 0 || argNames.stream().anyMatch(n -> n != null)
                    ? indexOfIgnoreCase(argNames, name.text()) : -1;
            if (byName >= 0) {
                vars.setValue(v, values.get(byName));
            } else if (position < argNames.size() && argNames.get(position) == null) {
                vars.setValue(v, values.get(position));
            } else {
                vars.assign(v, defaultValue);
            }
            position++;
            c.acceptSymbol(",");
        }
    }

    private static int indexOfIgnoreCase(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) != null && names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** CREATE PROCEDURE: the body is stored as text and parsed when the procedure runs. */
    void create(Stmt.CreateProcedure p, ResultSink sink) throws TsqlException {
        String name = p.nameParts().get(p.nameParts().size() - 1);
        session.withInstanceLock(() -> {
            if (session.instance().procedure(session.database(), name) != null) {
                throw TsqlException.of(2714, 3, 16, "There is already an object named '" + name
                        + "' in the database.");
            }
            session.instance().putProcedure(session.database(),
                    new InstanceState.StoredProcedure(name, p.parameters(), p.body()));
        });
        sink.done();
    }
}
