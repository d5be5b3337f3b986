// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.tsql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Where tokens stand relative to parentheses (and CASE … END): finding a statement's top-level keywords, a
 * parenthesis's partner, or where a statement ends. One instance tracks a scan; the static methods search.
 */
public final class Nesting {
    private int parens;
    private int cases;

    /**
     * Accounts for {@code t} in a left-to-right scan; true when it stands outside every parenthesis and CASE.
     * Parentheses, CASE and its END are never outside.
     */
    public boolean outside(Token t) {
        if (t.isSymbol("(")) {
            parens++;
        } else if (t.isSymbol(")")) {
            parens--;
        } else if (t.is("CASE")) {
            cases++;
        } else if (t.is("END") && cases > 0) {
            cases--;
        } else {
            return parens == 0 && cases == 0;
        }
        return false;
    }

    /** How many parentheses are open at this point of the scan. */
    public int parens() {
        return parens;
    }

    /** The index of the parenthesis closing the one at {@code open}, or -1. */
    public static int matching(List<Token> tokens, int open) {
        int depth = 0;
        for (int j = open; j < tokens.size(); j++) {
            Token x = tokens.get(j);
            depth += x.isSymbol("(") ? 1 : x.isSymbol(")") ? -1 : 0;
            if (depth == 0) {
                return j;
            }
        }
        return -1;
    }

    /** The first index in {@code [from, to)} outside parentheses whose token matches, or -1. */
    public static int find(List<Token> tokens, int from, int to, Predicate<Token> match) {
        return scan(tokens, from, to, j -> match.test(tokens.get(j)));
    }

    /** The first top-level keyword {@code word} (e.g. FROM), or -1. */
    public static int find(List<Token> tokens, String word) {
        return find(tokens, 0, tokens.size(), t -> t.is(word));
    }

    /** The first top-level keyword pair {@code first second} (e.g. FOR JSON) in {@code [from, to)}, or -1. */
    public static int findPair(List<Token> tokens, int from, int to, String first, String second) {
        return scan(tokens, from, to - 1, j -> tokens.get(j).is(first) && tokens.get(j + 1).is(second));
    }

    /** The comma-separated items of {@code [from, to)}, split only at commas outside parentheses. */
    public static List<List<Token>> splitAtCommas(List<Token> tokens, int from, int to) {
        List<List<Token>> items = new ArrayList<>();
        int start = from;
        for (int comma = find(tokens, start, to, t -> t.isSymbol(",")); comma >= 0;
                comma = find(tokens, start, to, t -> t.isSymbol(","))) {
            items.add(tokens.subList(start, comma));
            start = comma + 1;
        }
        items.add(tokens.subList(start, to));
        return items;
    }

    private static int scan(List<Token> tokens, int from, int to, IntPredicate matchAt) {
        int depth = 0;
        for (int j = from; j < to; j++) {
            Token x = tokens.get(j);
            depth += x.isSymbol("(") ? 1 : x.isSymbol(")") ? -1 : 0;
            if (depth == 0 && matchAt.test(j)) {
                return j;
            }
        }
        return -1;
    }
}
