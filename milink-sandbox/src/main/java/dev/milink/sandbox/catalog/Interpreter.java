// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.catalog.command.Commands;
import dev.milink.sandbox.catalog.tsql.Stmt;
import dev.milink.sandbox.catalog.tsql.Token;
import dev.milink.sandbox.engine.Faults;
import dev.milink.sandbox.engine.ResultSink;
import dev.milink.sandbox.engine.SqlError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs parsed statements: control flow (IF, WHILE, BEGIN … END, TRY … CATCH), SQL Server's batch-abort rules,
 * injected faults, and the dispatch of each simple statement by its first keyword.
 *
 * <p>To add a statement: a session-level one (it reads or changes variables, options or the current database)
 * gets a case in {@link #statement} and a method in the class of its family; one that changes instance state
 * (DDL, BACKUP, DBCC …) goes to {@link Commands} in the {@code command} package.
 */
final class Interpreter {
    /** Errors that end the whole batch (compile and name-resolution errors, conversion errors, THROW). */
    private static final Set<Integer> BATCH_ABORTING = Set.of(102, 105, 111, 137, 156, 174, 195, 207, 208, 245,
            4121, 8114, 2812);

    /** Unwinds the batch after an error that SQL Server treats as batch-aborting. */
    static final class BatchAbort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BatchAbort() {
            super(null, null, false, false);
        }
    }

    /** RETURN, BREAK and CONTINUE. */
    static final class Jump extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String kind;

        Jump(String kind) {
            super(null, null, false, false);
            this.kind = kind;
        }
    }

    private interface Body {
        void run() throws TsqlException;
    }

    private final CatalogSession session;
    private int tryDepth;

    Interpreter(CatalogSession session) {
        this.session = session;
    }

    void runAll(List<Stmt> statements, ResultSink sink) throws TsqlException {
        for (Stmt s : statements) {
            if (sink.cancelled()) {
                throw new BatchAbort();
            }
            run(s, sink);
        }
    }

    private void run(Stmt stmt, ResultSink sink) throws TsqlException {
        switch (stmt) {
            case Stmt.Simple s -> guarded(() -> {
                injectedFault(s);
                statement(s, sink);
            }, sink);
            case Stmt.Block b -> runAll(b.body(), sink);
            case Stmt.If i -> {
                if (condition(i.condition())) {
                    run(i.then(), sink);
                } else if (i.otherwise() != null) {
                    run(i.otherwise(), sink);
                }
            }
            case Stmt.While w -> loop(w, sink);
            case Stmt.TryCatch tc -> tryCatch(tc, sink);
            case Stmt.CreateProcedure p -> guarded(() -> session.procedures.create(p, sink), sink);
        }
    }

    /** One simple statement, by its first keyword. */
    private void statement(Stmt.Simple s, ResultSink sink) throws TsqlException {
        List<Token> tokens = s.tokens();
        Token head = s.head();
        String word = head.kind() == Token.Kind.WORD ? head.upper() : "";
        switch (word) {
            case "SELECT", "WITH" -> session.queries.select(tokens, sink);
            case "DECLARE" -> session.statements.declare(tokens, sink);
            case "SET" -> session.statements.set(tokens, sink);
            case "USE" -> session.statements.use(tokens, sink);
            case "BEGIN", "COMMIT", "ROLLBACK" -> session.statements.transaction(head, sink);
            case "PRINT" -> session.messages.print(tokens, sink);
            case "THROW" -> session.messages.throwStatement(tokens, sink);
            case "RAISERROR" -> session.messages.raiserror(tokens, sink);
            case "WAITFOR" -> session.messages.waitFor(tokens, sink);
            case "EXEC", "EXECUTE" -> session.procedures.exec(tokens.subList(1, tokens.size()), sink);
            case "RETURN", "BREAK", "CONTINUE" -> throw new Jump(word);
            case "INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE" -> session.tempTables.dml(tokens, sink);
            case "GO" -> throw TsqlException.syntax(head.text(), head.line());
            default -> {
                if (TempTables.isDdl(tokens)) {
                    session.tempTables.ddl(tokens, sink);
                } else if (head.isIdentifier() && s.first() && !Commands.handles(word)) {
                    session.procedures.exec(tokens, sink); // a batch may start with a procedure name
                } else {
                    session.withInstanceLock(() -> Commands.run(session, tokens, sink));
                }
            }
        }
    }

    private void loop(Stmt.While w, ResultSink sink) throws TsqlException {
        int guard = 0;
        while (condition(w.condition())) {
            if (++guard > 1_000_000 || sink.cancelled()) {
                throw new BatchAbort();
            }
            try {
                run(w.body(), sink);
            } catch (Jump j) {
                if ("BREAK".equals(j.kind)) {
                    return;
                }
                if (!"CONTINUE".equals(j.kind)) {
                    throw j;
                }
            }
        }
    }

    private void tryCatch(Stmt.TryCatch tc, ResultSink sink) throws TsqlException {
        SessionContext ctx = session.ctx;
        SqlError saved = ctx.caught;
        tryDepth++;
        try {
            runAll(tc.tryBody(), sink);
            tryDepth--;
        } catch (TsqlException e) {
            tryDepth--;
            ctx.caught = e.last();
            try {
                runAll(tc.catchBody(), sink);
            } finally {
                ctx.caught = saved;
            }
        }
    }

    /** IF and WHILE conditions, evaluated as {@code CASE WHEN cond THEN 1 ELSE 0 END}. */
    private boolean condition(List<Token> cond) throws TsqlException {
        int line = cond.get(0).line();
        List<Token> expr = new ArrayList<>();
        expr.add(Token.word("CASE"));
        expr.add(Token.word("WHEN"));
        expr.addAll(cond);
        expr.add(Token.word("THEN"));
        expr.add(new Token(Token.Kind.NUMBER, "1", "1", 0, line));
        expr.add(Token.word("ELSE"));
        expr.add(new Token(Token.Kind.NUMBER, "0", "0", 0, line));
        expr.add(Token.word("END"));
        Object v = session.evaluate(expr);
        return v instanceof Number n && n.intValue() == 1;
    }

    /** Runs one statement; reports its error unless a TRY block catches it, and ends the batch if SQL Server would. */
    private void guarded(Body body, ResultSink sink) throws TsqlException {
        try {
            body.run();
        } catch (TsqlException e) {
            if (tryDepth > 0) {
                throw e;
            }
            report(e, sink);
            if (e.errors().stream().anyMatch(x -> BATCH_ABORTING.contains(x.number()))) {
                throw new BatchAbort();
            }
        }
    }

    /** An error that always ends the batch (THROW): caught by an enclosing TRY, else reported. */
    void raise(TsqlException e, ResultSink sink) throws TsqlException {
        if (tryDepth > 0) {
            throw e;
        }
        report(e, sink);
        throw new BatchAbort();
    }

    static void report(TsqlException e, ResultSink sink) {
        for (SqlError err : e.errors()) {
            sink.error(err);
        }
    }

    private void injectedFault(Stmt.Simple s) throws TsqlException {
        CatalogEngine engine = session.engine;
        for (Faults.StatementError f : engine.faults().statementErrors()) {
            if (f.pattern().matcher(s.text()).find() && engine.consumeFault(f)) {
                throw TsqlException.of(f.number(), 1, f.severityClass(), f.message());
            }
        }
    }
}
