// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.catalog.command.CommandContext;
import dev.milink.sandbox.catalog.tsql.BatchParser;
import dev.milink.sandbox.catalog.tsql.Stmt;
import dev.milink.sandbox.catalog.tsql.Token;
import dev.milink.sandbox.engine.ResultSink;
import dev.milink.sandbox.engine.Session;
import dev.milink.sandbox.scenario.Scenario;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A logged-in connection: holds the session's state (current database, variables, counters, its H2 connection)
 * and answers the three parties that ask for it: the protocol layer ({@link Session}), state-changing commands
 * ({@link CommandContext}) and the T-SQL to H2 rewrite ({@link TranslationHost}). The work is done by one class
 * per statement family:
 * <ul>
 *   <li>{@link Interpreter}: control flow, batch-abort rules, and the dispatch of each statement by keyword;</li>
 *   <li>{@link Queries} (and {@link CorrelatedSelect}): SELECT, FOR JSON, SELECT @v = …;</li>
 *   <li>{@link SessionStatements}: DECLARE, SET, USE, transaction count;</li>
 *   <li>{@link MessageStatements}: PRINT, THROW, RAISERROR, WAITFOR;</li>
 *   <li>{@link Procedures}: EXEC, sp_executesql, CREATE PROCEDURE;</li>
 *   <li>{@link TempTables}: #temp tables;</li>
 *   <li>{@code command.Commands}: statements and system procedures that change the instance.</li>
 * </ul>
 */
final class CatalogSession implements Session, CommandContext, TranslationHost {
    /** A step that may fail with a T-SQL error. */
    interface Action {
        void run() throws TsqlException;
    }

    final CatalogEngine engine;
    final SessionContext ctx;
    final H2Session h2;
    final Variables variables = new Variables();
    /** Stand-ins for a correlated FOR JSON subquery's outer references: token text → H2 variable. */
    final Map<String, String> outerVariables = new HashMap<>();
    private final List<Integer> sessionTraceFlags = new ArrayList<>();
    long rowCount;
    int tranCount;

    final Interpreter interpreter = new Interpreter(this);
    final Queries queries = new Queries(this);
    final SessionStatements statements = new SessionStatements(this);
    final MessageStatements messages = new MessageStatements(this);
    final Procedures procedures = new Procedures(this);
    final TempTables tempTables = new TempTables(this);

    CatalogSession(CatalogEngine engine, SessionContext ctx, Connection h2) {
        this.engine = engine;
        this.ctx = ctx;
        this.h2 = new H2Session(h2);
    }

    // ---- Session ----

    @Override
    public void executeBatch(String sql, ResultSink sink) {
        runBatch(sql, sink, List.of());
    }

    @Override
    public void executeParameterized(String sql, List<Param> params, ResultSink sink) {
        runBatch(sql, sink, params);
    }

    private void runBatch(String sql, ResultSink sink, List<Param> params) {
        LinkBridge.beforeBatch(ctx.instance);
        List<Stmt> statementList;
        try {
            statementList = BatchParser.parse(sql);
        } catch (TsqlException e) {
            Interpreter.report(e, sink);
            return;
        }
        variables.push();
        try {
            int n = 0;
            for (Param p : params) {
                String name = p.name() == null || p.name().isBlank() ? "@P" + n : p.name();
                statements.bind(name.startsWith("@") ? name : "@" + name, p.value());
                n++;
            }
            interpreter.runAll(statementList, sink);
        } catch (Interpreter.BatchAbort | Interpreter.Jump e) {
            // the batch ends here; errors were already reported
        } catch (TsqlException e) {
            Interpreter.report(e, sink);
        } finally {
            variables.pop();
        }
    }

    @Override
    public String database() {
        return ctx.database;
    }

    @Override
    public String login() {
        return ctx.login.name;
    }

    @Override
    public void close() {
        ctx.unregister();
        h2.close();
    }

    // ---- CommandContext ----

    @Override
    public InstanceState instance() {
        return ctx.instance;
    }

    @Override
    public Scenario.Login principal() {
        return ctx.login;
    }

    @Override
    public List<Integer> sessionTraceFlags() {
        return sessionTraceFlags;
    }

    @Override
    public int spid() {
        return ctx.spid;
    }

    @Override
    public Object evaluate(List<Token> expression) throws TsqlException {
        if (expression.isEmpty()) {
            return null;
        }
        H2Session.Result result = h2.query("SELECT " + translate(expression), expression);
        return result.rows().isEmpty() ? null : result.rows().get(0)[0];
    }

    @Override
    public void runNested(String sql, String database, ResultSink sink) throws TsqlException {
        inScope(database, () -> interpreter.runAll(BatchParser.parse(sql), sink));
    }

    // ---- for the statement classes ----

    String translate(List<Token> tokens) throws TsqlException {
        return SqlTranslator.translate(this, tokens);
    }

    /**
     * Runs {@code body} in a variable scope of its own (EXEC, sp_executesql, a procedure), in {@code database}
     * unless it is null; RETURN ends it. The current database is restored only when one was given.
     */
    void inScope(String database, Action body) throws TsqlException {
        String saved = ctx.database;
        if (database != null) {
            ctx.database = database;
        }
        variables.push();
        try {
            body.run();
        } catch (Interpreter.Jump j) {
            // RETURN
        } finally {
            variables.pop();
            if (database != null) {
                ctx.database = saved;
            }
        }
    }

    /** Runs {@code body} holding the instance lock, as every statement that reads or changes instance state does. */
    void withInstanceLock(Action body) throws TsqlException {
        ctx.instance.lock().lock();
        try {
            body.run();
        } finally {
            ctx.instance.lock().unlock();
        }
    }

    // ---- TranslationHost ----

    @Override
    public String key() {
        return ctx.key;
    }

    @Override
    public String variable(Token t) throws TsqlException {
        String outer = outerVariables.get(t.text());
        return outer != null ? outer : statements.requireVar(t).h2Name();
    }

    @Override
    public String systemVariable(Token t) throws TsqlException {
        String value = ctx.systemVariable(t.text().toUpperCase(Locale.ROOT), tranCount, rowCount);
        if (value == null) {
            throw TsqlException.of(137, 15, "Must declare the scalar variable \"" + t.text() + "\".", t.line());
        }
        return value;
    }

    @Override
    public String errorFunction(String name) {
        return ctx.errorFunction(name);
    }

    @Override
    public String relation(List<String> parts, String written, boolean single) throws TsqlException {
        return CatalogRelations.relation(ctx, parts, written, single);
    }

    @Override
    public String scalarJson(List<Token> select) throws TsqlException {
        return SqlTranslator.literal(queries.forJson(select));
    }
}
