// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * The undo list of one network test: every object created is registered right after it is created and removed in
 * reverse order, once, by whoever comes first: the test's {@code finally}, or the shutdown hook on Ctrl-C. When the
 * run's connection is broken (the error that stopped the test may have been a dropped connection), the action is
 * retried once on a fresh connection.
 */
final class Cleanup {

    /** One undo action. */
    record Action(String key, String what, Side side, String sql) {}

    /** Which server an action runs on. */
    enum Side { SQL_SERVER, MANAGED_INSTANCE }

    private final Deque<Action> actions = new ArrayDeque<>();
    private final List<String> removed = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Connections connections;

    /** The live connection of each side and how to open a new one. */
    interface Connections {
        Connection current(Side side);

        Connection reopen(Side side);
    }

    Cleanup(Connections connections) {
        this.connections = connections;
    }

    synchronized void push(String key, String what, Side side, String sql) {
        actions.push(new Action(key, what, side, sql));
    }

    /** Runs the action registered under {@code key} now (e.g. the job finished), if it is still pending. */
    synchronized void runNow(String key) {
        for (Action a : List.copyOf(actions)) {
            if (a.key().equals(key)) {
                actions.remove(a);
                perform(a);
            }
        }
    }

    /** Runs every pending action, newest first; safe to call more than once and from a shutdown hook. */
    synchronized void runAll() {
        while (!actions.isEmpty()) {
            perform(actions.pop());
        }
    }

    synchronized List<String> removed() {
        return List.copyOf(removed);
    }

    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    private void perform(Action a) {
        try {
            run(() -> connections.current(a.side()), a);
        } catch (SQLException | RuntimeException first) {
            try {
                run(() -> connections.reopen(a.side()), a);
            } catch (SQLException | RuntimeException second) {
                problems.add("could not remove " + a.what() + ": " + first.getMessage()
                        + " - remove it by hand: " + a.sql().replace('\n', ' '));
                return;
            }
        }
        removed.add(a.what());
    }

    private static void run(Supplier<Connection> connection, Action a) throws SQLException {
        Connection c = connection.get();
        if (c == null) {
            throw new SQLException("no connection");
        }
        AgentJob.execute(c, a.sql());
    }
}
