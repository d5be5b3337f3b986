// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.catalog.tsql.Nesting;
import dev.milink.sandbox.catalog.tsql.Token;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds {@code (SELECT … FOR JSON …)} scalar subqueries that refer to a table of the enclosing query, such as
 * {@code SELECT (SELECT @s AS _section, q.* FOR JSON PATH) FROM (…) AS q}. SQL Server evaluates such a subquery once
 * per outer row; the session does the same (see {@link CorrelatedSelect}). The analysis is
 * syntactic: a two-part name {@code x.y} or {@code x.*} whose qualifier is neither a schema nor a table or alias
 * introduced inside the subquery refers to the outer query.
 */
final class CorrelatedJson {
    private static final Set<String> SCHEMAS = Set.of("sys", "dbo", "information_schema");
    private static final Set<String> NOT_ALIAS = Set.of("WHERE", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS",
            "OUTER", "ON", "GROUP", "ORDER", "HAVING", "UNION", "EXCEPT", "INTERSECT", "FOR", "OPTION", "WITH");

    /**
     * A correlated subquery: the indexes of its parentheses in the statement and the outer aliases it uses.
     */
    record Sub(int open, int close, Set<String> outerAliases) {}

    private CorrelatedJson() {}

    /** The correlated FOR JSON subqueries of a statement, outermost only, in order. */
    static List<Sub> find(List<Token> tokens) {
        List<Sub> out = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(") && tokens.get(i + 1).is("SELECT")) {
                int close = Nesting.matching(tokens, i);
                if (close < 0) {
                    return out;
                }
                List<Token> body = tokens.subList(i + 1, close);
                if (hasForJson(body)) {
                    Set<String> outer = freeQualifiers(body);
                    if (!outer.isEmpty()) {
                        out.add(new Sub(i, close, outer));
                        i = close;
                    }
                }
            }
        }
        return out;
    }

    static boolean hasForJson(List<Token> body) {
        return Nesting.findPair(body, 0, body.size(), "FOR", "JSON") >= 0;
    }

    /** Qualifiers of two-part column references that nothing inside the subquery introduces (lower case). */
    static Set<String> freeQualifiers(List<Token> body) {
        Set<String> used = new LinkedHashSet<>();
        Set<String> defined = new LinkedHashSet<>();
        for (int j = 0; j < body.size(); j++) {
            Token x = body.get(j);
            if (x.is("FROM") || x.is("JOIN")) {
                j = tableReference(body, j + 1, defined) - 1;
                continue;
            }
            if (isColumnReference(body, j)) {
                String q = body.get(j).value().toLowerCase(Locale.ROOT);
                if (!SCHEMAS.contains(q)) {
                    used.add(q);
                }
                j += 2;
            }
        }
        used.removeAll(defined);
        return used;
    }

    /** {@code x.y} or {@code x.*}, not part of a longer name and not a function call. */
    static boolean isColumnReference(List<Token> t, int j) {
        if (!t.get(j).isIdentifier() || j + 2 >= t.size() || !t.get(j + 1).isSymbol(".")) {
            return false;
        }
        Token second = t.get(j + 2);
        if (!(second.isIdentifier() || second.isSymbol("*"))) {
            return false;
        }
        boolean longer = (j > 0 && t.get(j - 1).isSymbol(".")) || (j + 3 < t.size() && t.get(j + 3).isSymbol("."));
        boolean call = j + 3 < t.size() && t.get(j + 3).isSymbol("(");
        return !longer && !call;
    }

    /** Reads a table reference after FROM/JOIN, records its name and alias; returns the index after it. */
    private static int tableReference(List<Token> t, int k, Set<String> defined) {
        if (k >= t.size()) {
            return k;
        }
        if (t.get(k).isSymbol("(")) {
            int close = Nesting.matching(t, k);
            k = close < 0 ? t.size() : close + 1;
        } else {
            String last = null;
            boolean expectName = true;
            while (k < t.size() && (expectName ? t.get(k).isIdentifier() || t.get(k).isSymbol(".")
                    : t.get(k).isSymbol("."))) {
                if (t.get(k).isIdentifier()) {
                    last = t.get(k).value();
                    expectName = false;
                } else {
                    expectName = true; // after a dot (msdb..x has two)
                }
                k++;
            }
            if (last != null) {
                defined.add(last.toLowerCase(Locale.ROOT));
            }
            if (k < t.size() && t.get(k).isSymbol("(")) { // table-valued function arguments
                int close = Nesting.matching(t, k);
                k = close < 0 ? t.size() : close + 1;
            }
        }
        if (k < t.size() && t.get(k).is("AS")) {
            k++;
        }
        if (k < t.size() && t.get(k).isIdentifier() && !NOT_ALIAS.contains(t.get(k).upper())) {
            defined.add(t.get(k).value().toLowerCase(Locale.ROOT));
            k++;
        }
        return k;
    }
}
