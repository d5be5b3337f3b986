// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.catalog.command.TokenCursor;
import dev.milink.sandbox.catalog.tsql.Nesting;
import dev.milink.sandbox.catalog.tsql.Token;
import dev.milink.sandbox.engine.Column;
import dev.milink.sandbox.engine.ResultSink;
import dev.milink.sandbox.engine.SqlError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code #temp} tables: created, filled and dropped in the session's own H2 connection, as SQL Server keeps them
 * per session. {@code INSERT INTO #t EXEC …} captures a procedure's result set. DML on anything else is 208:
 * the sandbox holds no user data.
 */
final class TempTables {
    private final CatalogSession session;

    TempTables(CatalogSession session) {
        this.session = session;
    }

    /** {@code CREATE TABLE #t …} or {@code DROP TABLE [IF EXISTS] #t}. */
    static boolean isDdl(List<Token> tokens) {
        if (tokens.size() < 3 || !(tokens.get(0).is("CREATE") || tokens.get(0).is("DROP"))
                || !tokens.get(1).is("TABLE")) {
            return false;
        }
        int nameAt = tokens.get(2).is("IF") ? 4 : 2;
        return nameAt < tokens.size() && tokens.get(nameAt).value().startsWith("#");
    }

    void ddl(List<Token> tokens, ResultSink sink) throws TsqlException {
        String sql = session.translate(tokens.subList(2, tokens.size()));
        session.h2.execute(tokens.get(0).is("CREATE") ? "CREATE LOCAL TEMPORARY TABLE " + sql : "DROP TABLE " + sql,
                tokens);
        sink.done();
    }

    /** INSERT … EXEC fills the table from a procedure's result set; other DML runs in H2. */
    void dml(List<Token> tokens, ResultSink sink) throws TsqlException {
        String table = targetName(tokens);
        if (!table.startsWith("#")) {
            throw TsqlException.of(208, 16, "Invalid object name '" + table + "'.", tokens.get(0).line());
        }
        int exec = Nesting.find(tokens, 0, tokens.size(), t -> t.is("EXEC") || t.is("EXECUTE"));
        if (!tokens.get(0).is("INSERT") || exec < 0) {
            int n = session.h2.update(session.translate(tokens), tokens);
            session.rowCount = n;
            String verb = tokens.get(0).upper();
            sink.rowCount(ResultSink.StatementKind.valueOf(switch (verb) {
                case "TRUNCATE" -> "DELETE";
                case "MERGE" -> "UPDATE";
                default -> verb;
            }), n);
            return;
        }
        CapturingSink captured = new CapturingSink(sink);
        session.procedures.exec(tokens.subList(exec + 1, tokens.size()), captured);
        List<String> columns = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < exec; i++) {
            if (tokens.get(i).isSymbol("(")) {
                open = i;
            } else if (open >= 0 && tokens.get(i).isIdentifier()) {
                columns.add(SqlTranslator.quoteId(tokens.get(i).value()));
            }
        }
        String list = columns.isEmpty() ? "" : "(" + String.join(", ", columns) + ")";
        long n = 0;
        for (Object[] row : captured.rows) {
            String marks = String.join(", ", Collections.nCopies(row.length, "?"));
            n += session.h2.update("INSERT INTO " + SqlTranslator.quoteId(table) + " " + list + " VALUES (" + marks
                    + ")", tokens, row);
        }
        session.rowCount = n;
        sink.rowCount(ResultSink.StatementKind.INSERT, n);
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
}
