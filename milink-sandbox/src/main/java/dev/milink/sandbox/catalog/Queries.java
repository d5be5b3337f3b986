// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.catalog.tsql.Nesting;
import dev.milink.sandbox.catalog.tsql.Token;
import dev.milink.sandbox.engine.Column;
import dev.milink.sandbox.engine.ResultSink;
import dev.milink.sandbox.engine.SqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * SELECT statements: plain queries (translated and run in H2), {@code FOR JSON}, variable assignment
 * ({@code SELECT @v = …}) and, through {@link CorrelatedSelect}, correlated FOR JSON subqueries.
 */
final class Queries {
    private static final Column JSON_COLUMN = Column.of("JSON_F52E2B61-18A1-11d1-B105-00805F49916B",
            SqlType.NVARCHAR_MAX);

    private final CatalogSession session;

    Queries(CatalogSession session) {
        this.session = session;
    }

    void select(List<Token> tokens, ResultSink sink) throws TsqlException {
        if (Nesting.findPair(tokens, 0, tokens.size(), "FOR", "JSON") >= 0) {
            String text = forJson(tokens);
            sink.resultSet(List.of(JSON_COLUMN), text == null ? List.of() : List.<Object[]>of(new Object[] {text}));
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
            new CorrelatedSelect(session, tokens, correlated).run(sink);
            return;
        }
        H2Session.Result result = session.h2.query(session.translate(tokens), tokens);
        session.rowCount = result.rows().size();
        sink.resultSet(result.columns(), result.rows());
    }

    /** Runs {@code SELECT … FOR JSON PATH[, options]} and returns the JSON text (null for no rows). */
    String forJson(List<Token> tokens) throws TsqlException {
        int at = Nesting.findPair(tokens, 0, tokens.size(), "FOR", "JSON");
        List<Token> options = tokens.subList(at + 2, tokens.size());
        boolean includeNulls = options.stream().anyMatch(t -> t.is("INCLUDE_NULL_VALUES"));
        boolean noWrapper = options.stream().anyMatch(t -> t.is("WITHOUT_ARRAY_WRAPPER"));
        String root = null;
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).is("ROOT")) {
                root = i + 2 < options.size() && options.get(i + 2).isString() ? options.get(i + 2).value() : "root";
            }
        }
        H2Session.Result result = session.h2.query(session.translate(tokens.subList(0, at)), tokens);
        return JsonFormatter.format(result.columns(), result.rows(),
                new JsonFormatter.Options(includeNulls, noWrapper, root));
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
            int close = Nesting.matching(tokens, 2);
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
        int end = Nesting.find(tokens, first, tokens.size(),
                t -> t.is("FROM") || t.is("WHERE") || t.is("ORDER"));
        int i = end < 0 ? tokens.size() : end;
        List<List<Token>> items = Nesting.splitAtCommas(tokens, first, i);
        boolean top = first > 1;
        StringBuilder sql = new StringBuilder("SELECT ");
        if (top) {
            sql.append(session.translate(tokens.subList(1, first))).append(' ');
        }
        List<Variables.Var> targets = new ArrayList<>();
        for (int n = 0; n < items.size(); n++) {
            List<Token> item = items.get(n);
            if (item.size() < 3 || item.get(0).kind() != Token.Kind.VARIABLE || !item.get(1).isSymbol("=")) {
                throw TsqlException.of(141, 15, "A SELECT statement that assigns a value to a variable must not be "
                        + "combined with data-retrieval operations.", tokens.get(0).line());
            }
            Variables.Var v = session.statements.requireVar(item.get(0));
            targets.add(v);
            String value = "CAST((" + session.translate(item.subList(2, item.size())) + ") AS " + v.type() + ")";
            sql.append(n > 0 ? ", " : "").append(top ? value : "SET(" + v.h2Name() + ", " + value + ")");
        }
        if (i < tokens.size()) {
            sql.append(' ').append(session.translate(tokens.subList(i, tokens.size())));
        }
        List<Object[]> rows = session.h2.rawRows(sql.toString(), targets.size(), tokens);
        if (top && !rows.isEmpty()) {
            Object[] last = rows.get(rows.size() - 1);
            for (int c = 0; c < last.length; c++) {
                session.h2.setVariable(targets.get(c).h2Name(), targets.get(c).type(), last[c], tokens);
            }
        }
        session.rowCount = rows.size();
        sink.done();
    }
}
