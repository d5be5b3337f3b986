// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.catalog.tsql.Nesting;
import dev.milink.sandbox.catalog.tsql.Token;
import dev.milink.sandbox.engine.Column;
import dev.milink.sandbox.engine.ResultSink;
import dev.milink.sandbox.engine.SqlType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A SELECT whose select list holds FOR JSON subqueries that refer to its own tables ({@code q.*}, {@code q.col}):
 * like SQL Server, each subquery runs once per outer row. The outer query runs first with a marker in place of
 * each subquery and the referenced tables' columns appended; then, row by row, those values are bound to
 * variables that stand in for the outer references, and the subquery runs through the FOR JSON path.
 * {@link CorrelatedJson} finds the subqueries; this class runs one statement.
 */
final class CorrelatedSelect {
    private final CatalogSession session;
    private final List<Token> tokens;
    private final List<CorrelatedJson.Sub> subs;
    private final String markerBase = "milink-correlated-json-" + UUID.randomUUID() + "-";

    CorrelatedSelect(CatalogSession session, List<Token> tokens, List<CorrelatedJson.Sub> subs) {
        this.session = session;
        this.tokens = tokens;
        this.subs = subs;
    }

    void run(ResultSink sink) throws TsqlException {
        int from = Nesting.find(tokens, "FROM");
        Set<String> aliases = new LinkedHashSet<>();
        subs.forEach(s -> aliases.addAll(s.outerAliases()));
        if (from < 0) {
            String alias = aliases.iterator().next();
            throw TsqlException.of(4104, 16, "The multi-part identifier \"" + alias + ".*\" could not be bound.",
                    tokens.get(0).line());
        }
        List<Token> base = withMarkers();
        int baseFrom = from;
        for (CorrelatedJson.Sub s : subs) {
            if (s.close() < from) {
                baseFrom -= s.close() - s.open();
            }
        }
        List<Token> select = base.subList(0, baseFrom);
        List<Token> rest = base.subList(baseFrom, base.size());
        try {
            int baseCount = columnNames(select, rest, List.of()).size();
            // each alias's columns: appended one alias at a time, so their positions are known
            Map<String, List<String>> aliasColumns = new LinkedHashMap<>();
            List<String> appended = new ArrayList<>();
            int before = baseCount;
            for (String alias : aliases) {
                appended.add(alias);
                List<String> names = columnNames(select, rest, appended);
                aliasColumns.put(alias, names.subList(before, names.size()));
                before = names.size();
            }
            H2Session.Result outer = session.h2.query(session.translate(withAliases(select, rest, appended)), tokens);
            // outer values: one variable per (alias, column), in append order
            Map<String, Integer> slot = new HashMap<>();
            int n = 0;
            for (Map.Entry<String, List<String>> e : aliasColumns.entrySet()) {
                for (String c : e.getValue()) {
                    session.outerVariables.put("@#outer" + n, "@milink_outer_" + n);
                    slot.put(e.getKey() + "." + c.toLowerCase(Locale.ROOT), n);
                    n++;
                }
            }
            List<List<Token>> bodies = new ArrayList<>();
            for (CorrelatedJson.Sub s : subs) {
                bodies.add(substituteOuter(tokens.subList(s.open() + 1, s.close()), aliasColumns, slot));
            }
            int[] markerColumn = fillSubqueries(outer.rows(), baseCount, bodies);
            List<Column> outCols = new ArrayList<>(outer.columns().subList(0, baseCount));
            for (int c : markerColumn) {
                if (c >= 0) {
                    outCols.set(c, Column.of(outCols.get(c).name(), SqlType.NVARCHAR_MAX));
                }
            }
            List<Object[]> outRows = new ArrayList<>(outer.rows().size());
            for (Object[] row : outer.rows()) {
                outRows.add(Arrays.copyOf(row, baseCount));
            }
            session.rowCount = outRows.size();
            sink.resultSet(outCols, outRows);
        } finally {
            session.outerVariables.clear();
        }
    }

    /** The statement with a string marker in place of each correlated subquery. */
    private List<Token> withMarkers() {
        List<Token> base = new ArrayList<>();
        int next = 0;
        for (int k = 0; k < subs.size(); k++) {
            CorrelatedJson.Sub s = subs.get(k);
            base.addAll(tokens.subList(next, s.open()));
            base.add(Token.at(tokens.get(s.open()), Token.Kind.NSTRING, "N'" + markerBase + k + "'", markerBase + k));
            next = s.close() + 1;
        }
        base.addAll(tokens.subList(next, tokens.size()));
        return base;
    }

    /** Row by row: binds the outer values and puts each subquery's JSON where its marker is. */
    private int[] fillSubqueries(List<Object[]> rows, int baseCount, List<List<Token>> bodies) throws TsqlException {
        int[] markerColumn = new int[subs.size()];
        Arrays.fill(markerColumn, -1);
        for (Object[] row : rows) {
            for (int v = baseCount; v < row.length; v++) {
                session.h2.setVariable("@milink_outer_" + (v - baseCount), null, row[v], tokens);
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
                    row[markerColumn[k]] = session.queries.forJson(bodies.get(k));
                }
            }
        }
        return markerColumn;
    }

    private static List<Token> withAliases(List<Token> select, List<Token> rest, List<String> aliases) {
        List<Token> out = new ArrayList<>(select);
        Token at = rest.get(0);
        for (String alias : aliases) {
            out.add(Token.symbol(",", at));
            out.add(Token.at(at, Token.Kind.QUOTED_ID, "[" + alias + "]", alias));
            out.add(Token.symbol(".", at));
            out.add(Token.symbol("*", at));
        }
        out.addAll(rest);
        return out;
    }

    private List<String> columnNames(List<Token> select, List<Token> rest, List<String> aliases)
            throws TsqlException {
        return session.h2.columnLabels(session.translate(withAliases(select, rest, aliases)), tokens);
    }

    /** The subquery with {@code a.*} expanded to the outer variables and {@code a.col} replaced by one. */
    private static List<Token> substituteOuter(List<Token> body, Map<String, List<String>> aliasColumns,
            Map<String, Integer> slot) throws TsqlException {
        List<Token> out = new ArrayList<>();
        for (int j = 0; j < body.size(); j++) {
            Token x = body.get(j);
            String alias = x.isIdentifier() ? x.value().toLowerCase(Locale.ROOT) : null;
            if (alias == null || !aliasColumns.containsKey(alias) || !CorrelatedJson.isColumnReference(body, j)) {
                out.add(x);
                continue;
            }
            Token col = body.get(j + 2);
            if (col.isSymbol("*")) {
                List<String> cols = aliasColumns.get(alias);
                for (int c = 0; c < cols.size(); c++) {
                    if (c > 0) {
                        out.add(Token.symbol(",", x));
                    }
                    out.add(outerVariable(x, slot.get(alias + "." + cols.get(c).toLowerCase(Locale.ROOT))));
                    out.add(Token.at(x, Token.Kind.WORD, "AS", "AS"));
                    out.add(Token.at(x, Token.Kind.QUOTED_ID, "[" + cols.get(c) + "]", cols.get(c)));
                }
            } else {
                Integer s = slot.get(alias + "." + col.value().toLowerCase(Locale.ROOT));
                if (s == null) {
                    throw TsqlException.of(207, 16, "Invalid column name '" + col.value() + "'.", col.line());
                }
                out.add(outerVariable(x, s));
            }
            j += 2;
        }
        return out;
    }

    private static Token outerVariable(Token at, int n) {
        return Token.at(at, Token.Kind.VARIABLE, "@#outer" + n, "@#outer" + n);
    }
}
