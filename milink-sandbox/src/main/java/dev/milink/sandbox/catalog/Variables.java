// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * T-SQL variable scopes (batch, sp_executesql, procedure). Each variable lives in an H2 session variable whose
 * name carries the scope number, so a nested scope cannot see its caller's variables, as in SQL Server.
 */
final class Variables {
    /** A declared variable: its H2 name and the H2 type assignments are cast to. */
    record Var(String h2Name, String type) {}

    private final Deque<Map<String, Var>> scopes = new ArrayDeque<>();
    private final AtomicInteger nextScope = new AtomicInteger();
    private final Deque<Integer> scopeIds = new ArrayDeque<>();

    void push() {
        scopes.push(new HashMap<>());
        scopeIds.push(nextScope.incrementAndGet());
    }

    void pop() {
        scopes.pop();
        scopeIds.pop();
    }

    /** Declares {@code @name}; returns null if it is already declared in this scope. */
    Var declare(String name, String type) {
        String key = name.toLowerCase(Locale.ROOT);
        if (scopes.peek().containsKey(key)) {
            return null;
        }
        Var v = new Var("@v" + scopeIds.peek() + "_" + key.substring(1), type);
        scopes.peek().put(key, v);
        return v;
    }

    Var find(String name) {
        return scopes.isEmpty() ? null : scopes.peek().get(name.toLowerCase(Locale.ROOT));
    }
}
