// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.catalog.command.CommandContext;
import dev.milink.sandbox.catalog.command.Commands;
import dev.milink.sandbox.catalog.command.TokenCursor;
import dev.milink.sandbox.catalog.tsql.BatchParser;
import dev.milink.sandbox.catalog.tsql.Lexer;
import dev.milink.sandbox.catalog.tsql.Stmt;
import dev.milink.sandbox.catalog.tsql.Token;
import dev.milink.sandbox.catalog.view.CatalogView;
import dev.milink.sandbox.catalog.view.ViewRegistry;
import dev.milink.sandbox.engine.Column;
import dev.milink.sandbox.engine.Faults;
import dev.milink.sandbox.engine.ResultSink;
import dev.milink.sandbox.engine.Session;
import dev.milink.sandbox.engine.SqlError;
import dev.milink.sandbox.engine.SqlType;
import dev.milink.sandbox.scenario.Scenario;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A logged-in connection: runs batches through the T-SQL statement layer (control flow, variables, system
 * procedures, state-changing statements) and sends queries to H2 after {@link SqlTranslator}.
 */
final class CatalogSession implements Session, CommandContext, TranslationHost {
    /** Errors that end the whole batch (compile and name-resolution errors, conversion errors, THROW). */
    private static final Set<Integer> BATCH_ABORTING = Set.of(102, 105, 111, 137, 156, 174, 195, 207, 208, 245,
            4121, 8114, 2812);

    private final CatalogEngine engine;
    private final SessionContext ctx;
    private final Connection h2;
    private final Variables variables = new Variables();
    private final List<Integer> sessionTraceFlags = new ArrayList<>();
    /** Stand-ins for a correlated FOR JSON subquery's outer references: token text → H2 variable. */
    private final Map<String, String> outerVariables = new HashMap<>();
    private int tryDepth;
    private long rowCount;
    private int tranCount;

    /** Unwinds the batch after an error that SQL Server treats as batch-aborting. */
    private static final class BatchAbort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BatchAbort() {
            super(null, null, false, false);
        }
    }

    /** RETURN, BREAK and CONTINUE. */
    private static final class Jump extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String kind;

        Jump(String kind) {
            super(null, null, false, false);
            this.kind = kind;
        }
    }

    CatalogSession(CatalogEngine engine, SessionContext ctx, Connection h2) {
        this.engine = engine;
        this.ctx = ctx;
        this.h2 = h2;
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
        List<Stmt> statements;
        try {
            statements = BatchParser.parse(sql);
        } catch (TsqlException e) {
            report(e, sink);
            return;
        }
        variables.push();
        try {
            int n = 0;
            for (Param p : params) {
                String name = p.name() == null || p.name().isBlank() ? "@P" + n : p.name();
                bind(name.startsWith("@") ? name : "@" + name, p.value());
                n++;
            }
            runAll(statements, sink);
        } catch (BatchAbort | Jump e) {
            // the batch ends here; errors were already reported
        } catch (TsqlException e) {
            report(e, sink);
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
        try {
            h2.close();
        } catch (SQLException e) {
            // the engine may have dropped the database already
        }
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
        String sql = "SELECT " + SqlTranslator.translate(this, expression);
        try (Statement s = h2.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<Column> cols = ResultTypes.columns(rs.getMetaData());
            List<Object[]> rows = ResultTypes.rows(rs, cols);
            return rows.isEmpty() ? null : rows.get(0)[0];
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, expression);
        }
    }

    @Override
    public void runNested(String sql, String database, ResultSink sink) throws TsqlException {
        String saved = ctx.database;
        ctx.database = database;
        variables.push();
        try {
            runAll(BatchParser.parse(sql), sink);
        } catch (Jump j) {
            // RETURN from the nested batch
        } finally {
            variables.pop();
            ctx.database = saved;
        }
    }

    // ---- interpreter ----

    private void runAll(List<Stmt> statements, ResultSink sink) throws TsqlException {
        for (Stmt s : statements) {
            if (sink.cancelled()) {
                throw new BatchAbort();
            }
            run(s, sink);
        }
    }

    private void run(Stmt stmt, ResultSink sink) throws TsqlException {
        switch (stmt) {
            case Stmt.Simple s -> simple(s, sink);
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
            case Stmt.CreateProcedure p -> guarded(() -> createProcedure(p, sink), List.of(), sink);
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

    private boolean condition(List<Token> cond) throws TsqlException {
        List<Token> expr = new ArrayList<>();
        expr.add(word("CASE"));
        expr.add(word("WHEN"));
        expr.addAll(cond);
        expr.add(word("THEN"));
        expr.add(new Token(Token.Kind.NUMBER, "1", "1", 0, cond.get(0).line()));
        expr.add(word("ELSE"));
        expr.add(new Token(Token.Kind.NUMBER, "0", "0", 0, cond.get(0).line()));
        expr.add(word("END"));
        Object v = evaluate(expr);
        return v instanceof Number n && n.intValue() == 1;
    }

    private static Token word(String w) {
        return new Token(Token.Kind.WORD, w, w, 0, 1);
    }

    /** Runs one statement; reports its error unless a TRY block catches it. */
    private void simple(Stmt.Simple s, ResultSink sink) throws TsqlException {
        guarded(() -> {
            injectedFault(s);
            statement(s, sink);
        }, s.tokens(), sink);
    }

    private interface Body {
        void run() throws TsqlException;
    }

    private void guarded(Body body, List<Token> tokens, ResultSink sink) throws TsqlException {
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

    private void report(TsqlException e, ResultSink sink) {
        for (SqlError err : e.errors()) {
            sink.error(err);
        }
    }

    private void injectedFault(Stmt.Simple s) throws TsqlException {
        for (Faults.StatementError f : engine.faults().statementErrors()) {
            if (f.pattern().matcher(s.text()).find() && engine.consumeFault(f)) {
                throw TsqlException.of(f.number(), 1, f.severityClass(), f.message());
            }
        }
    }

    private void statement(Stmt.Simple s, ResultSink sink) throws TsqlException {
        Token head = s.head();
        String word = head.kind() == Token.Kind.WORD ? head.upper() : "";
        switch (word) {
            case "SELECT", "WITH" -> select(s.tokens(), sink);
            case "DECLARE" -> declare(s.tokens(), sink);
            case "SET" -> set(s.tokens(), sink);
            case "USE" -> use(s.tokens(), sink);
            case "PRINT" -> {
                Object v = evaluate(s.tokens().subList(1, s.tokens().size()));
                sink.info(0, 1, 0, v == null ? "" : v.toString());
            }
            case "EXEC", "EXECUTE" -> exec(s.tokens().subList(1, s.tokens().size()), sink);
            case "BEGIN" -> {
                tranCount++;
                sink.done();
            }
            case "COMMIT" -> {
                if (tranCount == 0) {
                    throw TsqlException.of(3902, 16,
                            "The COMMIT TRANSACTION request has no corresponding BEGIN TRANSACTION.", head.line());
                }
                tranCount--;
                sink.done();
            }
            case "ROLLBACK" -> {
                tranCount = 0;
                sink.done();
            }
            case "RETURN", "BREAK", "CONTINUE" -> throw new Jump(word);
            case "THROW" -> throwStatement(s.tokens(), sink);
            case "RAISERROR" -> raiserror(s.tokens(), sink);
            case "WAITFOR" -> waitFor(s.tokens(), sink);
            case "INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE" -> {
                String target = targetName(s.tokens());
                if (!target.startsWith("#")) {
                    throw TsqlException.of(208, 16, "Invalid object name '" + target + "'.", head.line());
                }
                tempTableDml(s.tokens(), target, sink);
            }
            case "GO" -> throw TsqlException.syntax(head.text(), head.line());
            default -> {
                if (isTempTableDdl(s.tokens())) {
                    tempTableDdl(s.tokens(), sink);
                    return;
                }
                if (head.isIdentifier() && s.first() && !Commands.handles(word)) {
                    exec(s.tokens(), sink);
                    return;
                }
                ctx.instance.lock().lock();
                try {
                    Commands.run(this, s.tokens(), sink);
                } finally {
                    ctx.instance.lock().unlock();
                }
            }
        }
    }

    // ---- #temp tables: kept in the session's H2 connection, as SQL Server keeps them per session ----

    private static boolean isTempTableDdl(List<Token> tokens) {
        if (tokens.size() < 3 || !(tokens.get(0).is("CREATE") || tokens.get(0).is("DROP")) || !tokens.get(1).is("TABLE")) {
            return false;
        }
        int nameAt = tokens.get(2).is("IF") ? 4 : 2;
        return nameAt < tokens.size() && tokens.get(nameAt).value().startsWith("#");
    }

    private void tempTableDdl(List<Token> tokens, ResultSink sink) throws TsqlException {
        String sql = SqlTranslator.translate(this, tokens.subList(2, tokens.size()));
        execute(tokens.get(0).is("CREATE") ? "CREATE LOCAL TEMPORARY TABLE " + sql : "DROP TABLE " + sql, tokens);
        sink.done();
    }

    /** INSERT … EXEC fills the table from a procedure's result set; other DML runs in H2. */
    private void tempTableDml(List<Token> tokens, String table, ResultSink sink) throws TsqlException {
        int exec = depthZeroWord(tokens, "EXEC", "EXECUTE");
        if (!tokens.get(0).is("INSERT") || exec < 0) {
            try (Statement st = h2.createStatement()) {
                int n = st.executeUpdate(SqlTranslator.translate(this, tokens));
                rowCount = n;
                sink.rowCount(ResultSink.StatementKind.valueOf(tokens.get(0).upper().equals("TRUNCATE") ? "DELETE"
                        : tokens.get(0).upper().equals("MERGE") ? "UPDATE" : tokens.get(0).upper()), n);
            } catch (SQLException e) {
                throw ErrorTranslator.translate(e, tokens);
            }
            return;
        }
        CapturingSink captured = new CapturingSink(sink);
        exec(tokens.subList(exec + 1, tokens.size()), captured);
        List<String> columns = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < exec; i++) {
            if (tokens.get(i).isSymbol("(")) {
                open = i;
            } else if (open >= 0 && tokens.get(i).isIdentifier()) {
                columns.add(SqlTranslator.quoteId(tokens.get(i).value()));
            }
        }
        long n = 0;
        for (Object[] row : captured.rows) {
            String list = columns.isEmpty() ? "" : "(" + String.join(", ", columns) + ")";
            String marks = String.join(", ", java.util.Collections.nCopies(row.length, "?"));
            try (PreparedStatement ps = h2.prepareStatement("INSERT INTO " + SqlTranslator.quoteId(table) + " " + list
                    + " VALUES (" + marks + ")")) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                n += ps.executeUpdate();
            } catch (SQLException e) {
                throw ErrorTranslator.translate(e, tokens);
            }
        }
        rowCount = n;
        sink.rowCount(ResultSink.StatementKind.INSERT, n);
    }

    private static int depthZeroWord(List<Token> tokens, String a, String b) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
            if (depth == 0 && (t.is(a) || t.is(b))) {
                return i;
            }
        }
        return -1;
    }

    /** Keeps result-set rows for INSERT … EXEC and passes messages and errors on. */
    private static final class CapturingSink implements ResultSink {
        private final ResultSink target;
        private final List<Object[]> rows = new ArrayList<>();

        CapturingSink(ResultSink target) {
            this.target = target;
        }

        @Override
        public void resultSet(List<Column> columns, List<Object[]> rs) {
            rows.addAll(rs);
        }

        @Override
        public void rowCount(StatementKind kind, long count) {
            // the INSERT reports its own count
        }

        @Override
        public void done() {
            // likewise
        }

        @Override
        public void info(int number, int state, int severityClass, String message) {
            target.info(number, state, severityClass, message);
        }

        @Override
        public void error(SqlError error) {
            target.error(error);
        }

        @Override
        public boolean cancelled() {
            return target.cancelled();
        }
    }

    private static String targetName(List<Token> tokens) {
        TokenCursor c = new TokenCursor(tokens);
        try {
            c.next();
            c.accept("INTO");
            c.accept("FROM");
            c.accept("TABLE");
            return String.join(".", c.multipartName());
        } catch (TsqlException e) {
            return tokens.get(tokens.size() - 1).text();
        }
    }

    // ---- SELECT ----

    private void select(List<Token> tokens, ResultSink sink) throws TsqlException {
        int forJson = depthZero(tokens, "FOR", "JSON");
        if (forJson >= 0) {
            List<Column> json = List.of(Column.of("JSON_F52E2B61-18A1-11d1-B105-00805F49916B", SqlType.NVARCHAR_MAX));
            String text = forJson(tokens);
            sink.resultSet(json, text == null ? List.of() : List.<Object[]>of(new Object[] {text}));
            return;
        }
        int first = firstSelectItem(tokens);
        if (first > 0 && tokens.size() > first + 1 && tokens.get(first).kind() == Token.Kind.VARIABLE
                && tokens.get(first + 1).isSymbol("=")) {
            assignSelect(tokens, first, sink);
            return;
        }
        List<CorrelatedJson.Sub> correlated = CorrelatedJson.find(tokens);
        if (!correlated.isEmpty()) {
            correlatedSelect(tokens, correlated, sink);
            return;
        }
        String sql = SqlTranslator.translate(this, tokens);
        try (Statement st = h2.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<Column> cols = ResultTypes.columns(rs.getMetaData());
            List<Object[]> rows = ResultTypes.rows(rs, cols);
            rowCount = rows.size();
            sink.resultSet(cols, rows);
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, tokens);
        }
    }

    /**
     * A SELECT whose select list holds FOR JSON subqueries that refer to its own tables ({@code q.*}, {@code q.col}):
     * like SQL Server, each subquery runs once per outer row. The outer query runs first with a marker in place of
     * each subquery and the referenced tables' columns appended; then, row by row, those values are bound to
     * variables that stand in for the outer references, and the subquery runs through the FOR JSON path.
     */
    private void correlatedSelect(List<Token> tokens, List<CorrelatedJson.Sub> subs, ResultSink sink)
            throws TsqlException {
        int from = -1;
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
            if (depth == 0 && t.is("FROM")) {
                from = i;
                break;
            }
        }
        Set<String> aliases = new LinkedHashSet<>();
        subs.forEach(s -> aliases.addAll(s.outerAliases()));
        if (from < 0) {
            String alias = aliases.iterator().next();
            throw TsqlException.of(4104, 16, "The multi-part identifier \"" + alias + ".*\" could not be bound.",
                    tokens.get(0).line());
        }
        String markerBase = "milink-correlated-json-" + UUID.randomUUID() + "-";
        List<Token> base = new ArrayList<>();
        int next = 0;
        for (int k = 0; k < subs.size(); k++) {
            CorrelatedJson.Sub s = subs.get(k);
            base.addAll(tokens.subList(next, s.open()));
            Token at = tokens.get(s.open());
            base.add(new Token(Token.Kind.NSTRING, "N'" + markerBase + k + "'", markerBase + k, at.start(), at.line()));
            next = s.close() + 1;
        }
        base.addAll(tokens.subList(next, tokens.size()));
        int baseFrom = from;
        for (CorrelatedJson.Sub s : subs) {
            if (s.close() < from) {
                baseFrom -= s.close() - s.open();
            }
        }
        try {
            int baseCount = columnCount(base.subList(0, baseFrom), base.subList(baseFrom, base.size()), List.of());
            // each alias's columns: appended one alias at a time, so their positions are known
            Map<String, List<String>> aliasColumns = new java.util.LinkedHashMap<>();
            List<String> appended = new ArrayList<>();
            int before = baseCount;
            List<String> names = List.of();
            for (String alias : aliases) {
                appended.add(alias);
                names = columnNames(base.subList(0, baseFrom), base.subList(baseFrom, base.size()), appended);
                aliasColumns.put(alias, names.subList(before, names.size()));
                before = names.size();
            }
            String sql = SqlTranslator.translate(this, withAliases(base.subList(0, baseFrom),
                    base.subList(baseFrom, base.size()), appended));
            List<Column> cols;
            List<Object[]> rows;
            try (Statement st = h2.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                cols = ResultTypes.columns(rs.getMetaData());
                rows = ResultTypes.rows(rs, cols);
            }
            // outer values: one variable per (alias, column), in append order
            List<List<Token>> bodies = new ArrayList<>();
            int firstOuter = 0;
            outerVariables.clear();
            Map<String, Integer> slot = new HashMap<>();
            int n = baseCount;
            for (java.util.Map.Entry<String, List<String>> e : aliasColumns.entrySet()) {
                for (String c : e.getValue()) {
                    String name = "@#outer" + (firstOuter + n - baseCount);
                    outerVariables.put(name, "@milink_outer_" + (firstOuter + n - baseCount));
                    slot.put(e.getKey() + "." + c.toLowerCase(Locale.ROOT), n);
                    n++;
                }
            }
            for (CorrelatedJson.Sub s : subs) {
                bodies.add(substituteOuter(tokens.subList(s.open() + 1, s.close()), aliasColumns, slot, baseCount,
                        firstOuter));
            }
            int[] markerColumn = new int[subs.size()];
            java.util.Arrays.fill(markerColumn, -1);
            for (Object[] row : rows) {
                for (int v = baseCount; v < row.length; v++) {
                    try (PreparedStatement ps = h2.prepareStatement("SET @milink_outer_" + (firstOuter + v - baseCount)
                            + " = ?")) {
                        ps.setObject(1, row[v]);
                        ps.execute();
                    }
                }
                for (int k = 0; k < subs.size(); k++) {
                    if (markerColumn[k] < 0) {
                        for (int c = 0; c < baseCount; c++) {
                            if ((markerBase + k).equals(row[c])) {
                                markerColumn[k] = c;
                            }
                        }
                    }
                    if (markerColumn[k] >= 0) {
                        row[markerColumn[k]] = forJson(bodies.get(k));
                    }
                }
            }
            List<Column> outCols = new ArrayList<>(cols.subList(0, baseCount));
            for (int c : markerColumn) {
                if (c >= 0) {
                    outCols.set(c, Column.of(outCols.get(c).name(), SqlType.NVARCHAR_MAX));
                }
            }
            List<Object[]> outRows = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                outRows.add(java.util.Arrays.copyOf(row, baseCount));
            }
            rowCount = outRows.size();
            sink.resultSet(outCols, outRows);
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, tokens);
        } finally {
            outerVariables.clear();
        }
    }

    private static List<Token> withAliases(List<Token> select, List<Token> rest, List<String> aliases) {
        List<Token> out = new ArrayList<>(select);
        Token at = rest.get(0);
        for (String alias : aliases) {
            out.add(new Token(Token.Kind.SYMBOL, ",", ",", at.start(), at.line()));
            out.add(new Token(Token.Kind.QUOTED_ID, "[" + alias + "]", alias, at.start(), at.line()));
            out.add(new Token(Token.Kind.SYMBOL, ".", ".", at.start(), at.line()));
            out.add(new Token(Token.Kind.SYMBOL, "*", "*", at.start(), at.line()));
        }
        out.addAll(rest);
        return out;
    }

    private int columnCount(List<Token> select, List<Token> rest, List<String> aliases)
            throws TsqlException, SQLException {
        return columnNames(select, rest, aliases).size();
    }

    private List<String> columnNames(List<Token> select, List<Token> rest, List<String> aliases)
            throws TsqlException, SQLException {
        String sql = SqlTranslator.translate(this, withAliases(select, rest, aliases));
        try (PreparedStatement ps = h2.prepareStatement(sql)) {
            java.sql.ResultSetMetaData md = ps.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                names.add(md.getColumnLabel(i));
            }
            return names;
        }
    }

    /** The subquery with {@code a.*} expanded to the outer variables and {@code a.col} replaced by one. */
    private static List<Token> substituteOuter(List<Token> body, Map<String, List<String>> aliasColumns,
            Map<String, Integer> slot, int baseCount, int firstOuter) throws TsqlException {
        List<Token> out = new ArrayList<>();
        for (int j = 0; j < body.size(); j++) {
            Token x = body.get(j);
            String alias = x.isIdentifier() ? x.value().toLowerCase(Locale.ROOT) : null;
            if (alias != null && aliasColumns.containsKey(alias) && CorrelatedJson.isColumnReference(body, j)) {
                Token col = body.get(j + 2);
                if (col.isSymbol("*")) {
                    List<String> cols = aliasColumns.get(alias);
                    for (int c = 0; c < cols.size(); c++) {
                        if (c > 0) {
                            out.add(new Token(Token.Kind.SYMBOL, ",", ",", x.start(), x.line()));
                        }
                        int v = slot.get(alias + "." + cols.get(c).toLowerCase(Locale.ROOT)) - baseCount + firstOuter;
                        out.add(new Token(Token.Kind.VARIABLE, "@#outer" + v, "@#outer" + v, x.start(), x.line()));
                        out.add(new Token(Token.Kind.WORD, "AS", "AS", x.start(), x.line()));
                        out.add(new Token(Token.Kind.QUOTED_ID, "[" + cols.get(c) + "]", cols.get(c), x.start(),
                                x.line()));
                    }
                } else {
                    Integer s = slot.get(alias + "." + col.value().toLowerCase(Locale.ROOT));
                    if (s == null) {
                        throw TsqlException.of(207, 16, "Invalid column name '" + col.value() + "'.", col.line());
                    }
                    int v = s - baseCount + firstOuter;
                    out.add(new Token(Token.Kind.VARIABLE, "@#outer" + v, "@#outer" + v, x.start(), x.line()));
                }
                j += 2;
                continue;
            }
            out.add(x);
        }
        return out;
    }

    private static int depthZero(List<Token> tokens, String first, String second) {
        int depth = 0;
        for (int i = 0; i < tokens.size() - 1; i++) {
            Token t = tokens.get(i);
            depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
            if (depth == 0 && t.is(first) && tokens.get(i + 1).is(second)) {
                return i;
            }
        }
        return -1;
    }

    /** Runs {@code SELECT … FOR JSON PATH[, options]} and returns the JSON text (null for no rows). */
    private String forJson(List<Token> tokens) throws TsqlException {
        int at = depthZero(tokens, "FOR", "JSON");
        List<Token> options = tokens.subList(at + 2, tokens.size());
        boolean includeNulls = options.stream().anyMatch(t -> t.is("INCLUDE_NULL_VALUES"));
        boolean noWrapper = options.stream().anyMatch(t -> t.is("WITHOUT_ARRAY_WRAPPER"));
        String root = null;
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).is("ROOT")) {
                root = i + 2 < options.size() && options.get(i + 2).isString() ? options.get(i + 2).value() : "root";
            }
        }
        String sql = SqlTranslator.translate(this, tokens.subList(0, at));
        try (Statement st = h2.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<Column> cols = ResultTypes.columns(rs.getMetaData());
            List<Object[]> rows = ResultTypes.rows(rs, cols);
            return JsonFormatter.format(cols, rows, new JsonFormatter.Options(includeNulls, noWrapper, root));
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, tokens);
        }
    }

    @Override
    public String scalarJson(List<Token> select) throws TsqlException {
        return SqlTranslator.literal(forJson(select));
    }

    /** Index of the first select-list item after {@code SELECT [TOP (n) | TOP n]}, or -1 if not a SELECT. */
    private static int firstSelectItem(List<Token> tokens) {
        if (tokens.size() < 2 || !tokens.get(0).is("SELECT")) {
            return -1;
        }
        if (!tokens.get(1).is("TOP")) {
            return 1;
        }
        if (tokens.size() > 2 && tokens.get(2).isSymbol("(")) {
            int close = CorrelatedJson.matching(tokens, 2);
            return close < 0 ? -1 : close + 1;
        }
        return 3;
    }

    /**
     * SELECT [TOP (n)] @a = expr, @b = expr [FROM …]: evaluated row by row, the last row's values stay; no row
     * leaves the variables unchanged. With TOP the rows are read first (H2 would evaluate the assignments of
     * every row before sorting and cutting them) and the last one is assigned.
     */
    private void assignSelect(List<Token> tokens, int first, ResultSink sink) throws TsqlException {
        int i = first;
        int depth = 0;
        int itemStart = first;
        List<List<Token>> items = new ArrayList<>();
        for (; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
            if (depth == 0 && (t.isSymbol(",") || t.is("FROM") || t.is("WHERE") || t.is("ORDER"))) {
                items.add(tokens.subList(itemStart, i));
                itemStart = i + 1;
                if (!t.isSymbol(",")) {
                    break;
                }
            }
        }
        if (i == tokens.size()) {
            items.add(tokens.subList(itemStart, tokens.size()));
        }
        boolean top = first > 1;
        StringBuilder sql = new StringBuilder("SELECT ");
        if (top) {
            sql.append(SqlTranslator.translate(this, tokens.subList(1, first))).append(' ');
        }
        List<Variables.Var> targets = new ArrayList<>();
        for (int n = 0; n < items.size(); n++) {
            List<Token> item = items.get(n);
            if (item.size() < 3 || item.get(0).kind() != Token.Kind.VARIABLE || !item.get(1).isSymbol("=")) {
                throw TsqlException.of(141, 15, "A SELECT statement that assigns a value to a variable must not be "
                        + "combined with data-retrieval operations.", tokens.get(0).line());
            }
            Variables.Var v = requireVar(item.get(0));
            targets.add(v);
            String value = "CAST((" + SqlTranslator.translate(this, item.subList(2, item.size())) + ") AS "
                    + v.type() + ")";
            sql.append(n > 0 ? ", " : "").append(top ? value : "SET(" + v.h2Name() + ", " + value + ")");
        }
        if (i < tokens.size()) {
            sql.append(' ').append(SqlTranslator.translate(this, tokens.subList(i, tokens.size())));
        }
        try (Statement st = h2.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
            long n = 0;
            Object[] last = null;
            while (rs.next()) {
                n++;
                if (top) {
                    last = new Object[targets.size()];
                    for (int c = 0; c < last.length; c++) {
                        last[c] = rs.getObject(c + 1);
                    }
                }
            }
            if (last != null) {
                for (int c = 0; c < last.length; c++) {
                    try (PreparedStatement ps = h2.prepareStatement("SET " + targets.get(c).h2Name() + " = CAST(? AS "
                            + targets.get(c).type() + ")")) {
                        ps.setObject(1, last[c]);
                        ps.execute();
                    }
                }
            }
            rowCount = n;
            sink.done();
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, tokens);
        }
    }

    // ---- variables ----

    private void declare(List<Token> tokens, ResultSink sink) throws TsqlException {
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
            String type = typeText(c);
            Variables.Var v = variables.declare(name.text(), type);
            if (v == null) {
                throw TsqlException.of(134, 15, "The variable name '" + name.text()
                        + "' has already been declared. Variable names must be unique within a query batch or stored "
                        + "procedure.", name.line());
            }
            List<Token> init = c.acceptSymbol("=") ? c.expression() : List.of();
            assign(v, init);
        } while (c.acceptSymbol(","));
        sink.done();
    }

    /** A data type as written, e.g. {@code nvarchar(max)} or {@code decimal(10, 2)}. */
    private static String typeText(TokenCursor c) throws TsqlException {
        StringBuilder sb = new StringBuilder(c.name());
        if (c.acceptSymbol("(")) {
            sb.append('(');
            while (!c.acceptSymbol(")")) {
                sb.append(c.next().text());
            }
            sb.append(')');
        }
        return h2Type(sb.toString());
    }

    private static String h2Type(String t) {
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sql_variant")) {
            return "sql_variant";
        }
        if (lower.startsWith("xml") || lower.startsWith("ntext") || lower.startsWith("text")) {
            return "VARCHAR";
        }
        return t;
    }

    private void assign(Variables.Var v, List<Token> expression) throws TsqlException {
        String value = expression.isEmpty() ? "NULL" : "(" + SqlTranslator.translate(this, expression) + ")";
        execute("SET " + v.h2Name() + " = CAST(" + value + " AS " + v.type() + ")", expression);
    }

    private void bind(String name, Object value) throws TsqlException {
        String type = switch (value) {
            case Integer i -> "INT";
            case Long l -> "BIGINT";
            case Boolean b -> "BIT";
            case java.math.BigDecimal d -> "DECIMAL(38," + Math.max(0, d.scale()) + ")";
            case Double d -> "FLOAT";
            case byte[] b -> "VARBINARY(MAX)";
            case java.time.LocalDateTime t -> "DATETIME2";
            case java.util.UUID u -> "UNIQUEIDENTIFIER";
            case null, default -> "NVARCHAR(MAX)";
        };
        Variables.Var v = variables.declare(name, type);
        if (v == null) {
            throw TsqlException.of(134, 15, "The variable name '" + name + "' has already been declared.");
        }
        try (PreparedStatement ps = h2.prepareStatement("SET " + v.h2Name() + " = CAST(? AS " + type + ")")) {
            ps.setObject(1, value instanceof java.time.OffsetDateTime o ? o.toString() : value);
            ps.execute();
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, List.of());
        }
    }

    private void execute(String sql, List<Token> source) throws TsqlException {
        try (Statement st = h2.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, source);
        }
    }

    private Variables.Var requireVar(Token t) throws TsqlException {
        Variables.Var v = variables.find(t.text());
        if (v == null) {
            throw TsqlException.of(137, 15, "Must declare the scalar variable \"" + t.text() + "\".", t.line());
        }
        return v;
    }

    private void set(List<Token> tokens, ResultSink sink) throws TsqlException {
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
                combined.add(new Token(Token.Kind.SYMBOL, op.text().substring(0, 1), op.text().substring(0, 1),
                        op.start(), op.line()));
                combined.add(new Token(Token.Kind.SYMBOL, "(", "(", op.start(), op.line()));
                combined.addAll(expr);
                combined.add(new Token(Token.Kind.SYMBOL, ")", ")", op.start(), op.line()));
                assign(v, combined);
            } else {
                throw TsqlException.syntax(op.text(), op.line());
            }
            sink.done();
            return;
        }
        // SET NOCOUNT / ROWCOUNT / IMPLICIT_TRANSACTIONS / XACT_ABORT …: session options with no visible effect
        sink.done();
    }

    private void use(List<Token> tokens, ResultSink sink) throws TsqlException {
        TokenCursor c = new TokenCursor(tokens);
        c.next();
        String name = c.name();
        Scenario.Database db = ctx.scenario().database(name);
        if (db == null) {
            throw TsqlException.of(911, 1, 16, "Database '" + name
                    + "' does not exist. Make sure that the name is entered correctly.");
        }
        if (!db.online()) {
            throw TsqlException.of(942, 4, 14, "Database '" + db.name + "' cannot be opened because it is offline.");
        }
        ctx.database = db.name;
        sink.info(5701, 2, 0, "Changed database context to '" + db.name + "'.");
        sink.done();
    }

    // ---- EXEC ----

    private void exec(List<Token> tokens, ResultSink sink) throws TsqlException {
        TokenCursor c = new TokenCursor(tokens);
        if (c.peek().isSymbol("(")) {
            c.next();
            Object sql = evaluate(c.expression());
            runNested(sql == null ? "" : sql.toString(), ctx.database, sink);
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
                : ctx.database;
        if ("sp_executesql".equalsIgnoreCase(proc)) {
            spExecuteSql(args, sink);
            return;
        }
        InstanceState.StoredProcedure user = ctx.instance.procedure(database, proc);
        if (user != null) {
            runProcedure(user, database, args, sink);
            return;
        }
        List<Object> values = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ProcArg a : args) {
            values.add(a.expression.isEmpty() || a.expression.get(0).is("DEFAULT") ? null : evaluate(a.expression));
            names.add(a.name);
        }
        ctx.instance.lock().lock();
        try {
            Commands.procedure(this, database, proc, names, values, sink);
        } finally {
            ctx.instance.lock().unlock();
        }
    }

    private record ProcArg(String name, List<Token> expression, boolean output) {}

    private void spExecuteSql(List<ProcArg> args, ResultSink sink) throws TsqlException {
        if (args.isEmpty()) {
            throw TsqlException.of(201, 4, 16,
                    "Procedure or function 'sp_executesql' expects parameter '@statement', which was not supplied.");
        }
        Object sql = evaluate(args.get(0).expression);
        Object defs = args.size() > 1 ? evaluate(args.get(1).expression) : null;
        List<Object> values = new ArrayList<>();
        for (ProcArg a : args.subList(Math.min(2, args.size()), args.size())) {
            values.add(evaluate(a.expression));
        }
        List<String> argNames = args.subList(Math.min(2, args.size()), args.size()).stream().map(a -> a.name).toList();
        variables.push();
        try {
            if (defs != null) {
                declareParameters(Lexer.tokenize(defs.toString()), argNames, values);
            }
            runAll(BatchParser.parse(sql == null ? "" : sql.toString()), sink);
        } catch (Jump j) {
            // RETURN
        } finally {
            variables.pop();
        }
    }

    private void runProcedure(InstanceState.StoredProcedure p, String database, List<ProcArg> args, ResultSink sink)
            throws TsqlException {
        List<Object> values = new ArrayList<>();
        for (ProcArg a : args) {
            values.add(evaluate(a.expression));
        }
        List<String> argNames = args.stream().map(a -> a.name).toList();
        String saved = ctx.database;
        variables.push();
        try {
            ctx.database = database;
            declareParameters(p.parameters(), argNames, values);
            runAll(BatchParser.parse(p.body()), sink);
        } catch (Jump j) {
            // RETURN
        } finally {
            variables.pop();
            ctx.database = saved;
        }
    }

    /** Declares {@code @a int = 1, @b nvarchar(10) OUTPUT} and binds call arguments by name or position. */
    private void declareParameters(List<Token> defs, List<String> argNames, List<Object> values) throws TsqlException {
        TokenCursor c = new TokenCursor(defs);
        int position = 0;
        while (!c.atEnd() && c.peek().kind() == Token.Kind.VARIABLE) {
            Token name = c.next();
            c.accept("AS");
            String type = typeText(c);
            List<Token> defaultValue = c.acceptSymbol("=") ? c.expression("OUTPUT", "OUT", "READONLY") : List.of();
            c.accept("OUTPUT");
            c.accept("OUT");
            c.accept("READONLY");
            Variables.Var v = variables.declare(name.text(), type);
            int byName = argNames.indexOf(null) < 0 || argNames.stream().anyMatch(n -> n != null)
                    ? indexOfIgnoreCase(argNames, name.text()) : -1;
            Object value;
            if (byName >= 0) {
                value = values.get(byName);
            } else if (position < argNames.size() && argNames.get(position) == null) {
                value = values.get(position);
            } else {
                assign(v, defaultValue);
                position++;
                c.acceptSymbol(",");
                continue;
            }
            setValue(v, value);
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

    private void setValue(Variables.Var v, Object value) throws TsqlException {
        try (PreparedStatement ps = h2.prepareStatement("SET " + v.h2Name() + " = CAST(? AS " + v.type() + ")")) {
            ps.setObject(1, value);
            ps.execute();
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, List.of());
        }
    }

    private void createProcedure(Stmt.CreateProcedure p, ResultSink sink) throws TsqlException {
        String name = p.nameParts().get(p.nameParts().size() - 1);
        ctx.instance.lock().lock();
        try {
            if (ctx.instance.procedure(ctx.database, name) != null) {
                throw TsqlException.of(2714, 3, 16, "There is already an object named '" + name
                        + "' in the database.");
            }
            ctx.instance.putProcedure(ctx.database, new InstanceState.StoredProcedure(name, p.parameters(), p.body()));
        } finally {
            ctx.instance.lock().unlock();
        }
        sink.done();
    }

    // ---- THROW, RAISERROR, WAITFOR ----

    /** THROW: outside TRY it ends the batch, whatever its number. */
    private void throwStatement(List<Token> tokens, ResultSink sink) throws TsqlException {
        if (tokens.size() == 1) {
            if (ctx.caught == null) {
                throw TsqlException.of(10704, 1, 16, "To rethrow an error, a THROW statement must be used inside a "
                        + "CATCH block. Insert the THROW statement inside a CATCH block, or add error parameters to the "
                        + "THROW statement.");
            }
            raise(new TsqlException(List.of(ctx.caught)), sink);
        }
        TokenCursor c = new TokenCursor(tokens);
        c.next();
        Object number = evaluate(c.expression());
        c.expectSymbol(",");
        Object message = evaluate(c.expression());
        c.expectSymbol(",");
        Object state = evaluate(c.expression());
        raise(new TsqlException(List.of(new SqlError(((Number) number).intValue(), ((Number) state).intValue(), 16,
                String.valueOf(message), tokens.get(0).line()))), sink);
    }

    private void raise(TsqlException e, ResultSink sink) throws TsqlException {
        if (tryDepth > 0) {
            throw e;
        }
        report(e, sink);
        throw new BatchAbort();
    }

    private void raiserror(List<Token> tokens, ResultSink sink) throws TsqlException {
        TokenCursor c = new TokenCursor(tokens);
        c.next();
        c.expectSymbol("(");
        Object message = evaluate(c.expression());
        c.expectSymbol(",");
        int severity = ((Number) evaluate(c.expression())).intValue();
        c.expectSymbol(",");
        int state = ((Number) evaluate(c.expression())).intValue();
        List<Object> args = new ArrayList<>();
        while (c.acceptSymbol(",")) {
            args.add(evaluate(c.expression()));
        }
        String text = message instanceof Number n ? "Error " + n : format(String.valueOf(message), args);
        int number = message instanceof Number n ? n.intValue() : 50000;
        if (severity <= 10) {
            sink.info(number, state, severity, text);
            sink.done();
            return;
        }
        throw TsqlException.of(number, state, severity, text);
    }

    /** RAISERROR's printf-style %s / %d substitution. */
    private static String format(String message, List<Object> args) {
        StringBuilder sb = new StringBuilder();
        int a = 0;
        for (int i = 0; i < message.length(); i++) {
            char ch = message.charAt(i);
            if (ch == '%' && i + 1 < message.length() && "sdiu".indexOf(message.charAt(i + 1)) >= 0) {
                sb.append(a < args.size() ? args.get(a++) : "(null)");
                i++;
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private void waitFor(List<Token> tokens, ResultSink sink) throws TsqlException {
        TokenCursor c = new TokenCursor(tokens);
        c.next();
        c.expect("DELAY");
        Object v = evaluate(c.rest());
        String[] hms = String.valueOf(v).split(":");
        double seconds = 0;
        for (String part : hms) {
            seconds = seconds * 60 + Double.parseDouble(part);
        }
        long until = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < until && !sink.cancelled()) {
            try {
                Thread.sleep(Math.min(50, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BatchAbort();
            }
        }
        sink.done();
    }

    // ---- TranslationHost ----

    @Override
    public String key() {
        return ctx.key;
    }

    @Override
    public String variable(Token t) throws TsqlException {
        String outer = outerVariables.get(t.text());
        return outer != null ? outer : requireVar(t).h2Name();
    }

    @Override
    public String systemVariable(Token t) throws TsqlException {
        Scenario s = ctx.scenario();
        return switch (t.text().toUpperCase(Locale.ROOT)) {
            case "@@VERSION" -> SqlTranslator.literal(VersionInfo.version(s));
            case "@@SERVERNAME" -> SqlTranslator.literal(s.server.serverName);
            case "@@SERVICENAME" -> SqlTranslator.literal(s.server.instanceName == null ? "MSSQLSERVER"
                    : s.server.instanceName);
            case "@@SPID" -> String.valueOf(ctx.spid);
            case "@@TRANCOUNT" -> String.valueOf(tranCount);
            case "@@ROWCOUNT" -> String.valueOf(rowCount);
            case "@@ERROR" -> ctx.caught == null ? "0" : String.valueOf(ctx.caught.number());
            case "@@LANGUAGE" -> "'us_english'";
            case "@@MAX_CONNECTIONS" -> "32767";
            case "@@OPTIONS" -> "5496";
            case "@@MICROSOFTVERSION" -> {
                String[] v = s.server.productVersion.split("\\.");
                yield String.valueOf((Integer.parseInt(v[0]) << 24) + (Integer.parseInt(v[1]) << 16) + Integer.parseInt(v[2]));
            }
            default -> throw TsqlException.of(137, 15, "Must declare the scalar variable \"" + t.text() + "\".",
                    t.line());
        };
    }

    @Override
    public String errorFunction(String name) {
        SqlError e = ctx.caught;
        if (e == null) {
            return "NULL";
        }
        return switch (name) {
            case "ERROR_NUMBER" -> String.valueOf(e.number());
            case "ERROR_MESSAGE" -> SqlTranslator.literal(e.getMessage());
            case "ERROR_SEVERITY" -> String.valueOf(e.severityClass());
            case "ERROR_STATE" -> String.valueOf(e.state());
            case "ERROR_LINE" -> String.valueOf(e.line());
            default -> "NULL";
        };
    }

    @Override
    public String relation(List<String> parts, String written, boolean single) throws TsqlException {
        int n = parts.size();
        String object = parts.get(n - 1);
        String schema = n >= 2 && !parts.get(n - 2).isEmpty() ? parts.get(n - 2) : "dbo";
        String dbName = n >= 3 ? parts.get(n - 3) : ctx.database;
        Scenario s = ctx.scenario();
        Scenario.Database db = s.database(dbName);
        CatalogView v = ViewRegistry.find(s, schema, object);
        if (single && v == null) {
            return null; // a CTE, a derived table's alias or a user table: H2 decides (208 if unknown)
        }
        if (db == null || v == null || (v.scope() == CatalogView.Scope.MSDB && !"msdb".equalsIgnoreCase(db.name))) {
            throw TsqlException.of(208, 1, 16, "Invalid object name '" + written + "'.");
        }
        if (v.scope() == CatalogView.Scope.DATABASE && !db.online()) {
            throw TsqlException.of(942, 4, 14, "Database '" + db.name + "' cannot be opened because it is offline.");
        }
        if (v.permission() == CatalogView.Permission.VIEW_SERVER_STATE
                && !ctx.instance.hasPermission(ctx.login, "VIEW SERVER STATE")) {
            throw new TsqlException(List.of(
                    new SqlError(300, 1, 14, "VIEW SERVER STATE permission was denied on object 'server', database "
                            + "'master'."),
                    new SqlError(297, 1, 16, "The user does not have permission to perform this action.")));
        }
        StringBuilder sb = new StringBuilder("(SELECT ");
        boolean first = true;
        for (CatalogView.ViewColumn c : v.columnsFor(s)) {
            sb.append(first ? "" : ", ");
            first = false;
            String q = SqlTranslator.quoteId(c.name());
            switch (c.type().kind()) {
                case NVARCHAR, VARCHAR -> sb.append(c.type().length() > 0
                        ? "CAST(" + q + " AS VARCHAR_IGNORECASE(" + c.type().length() + ")) AS " + q : q);
                case SQL_VARIANT -> sb.append("CAST(").append(q).append(" AS sql_variant) AS ").append(q);
                default -> sb.append(q);
            }
        }
        sb.append(" FROM MSSQL_CATALOG(").append(SqlTranslator.literal(ctx.key)).append(", ")
                .append(SqlTranslator.literal(v.schema() + "." + v.name())).append(", ").append(db.id).append("))");
        return sb.toString();
    }
}
