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
 * The undo list of one network test. Every object is registered together with its creation, atomically with respect
 * to an interruption: {@link #create} registers the undo (idempotent T-SQL: drop if it exists) before sending the
 * creating batch, and holds this object's lock while doing both, so the shutdown hook on Ctrl-C or SIGTERM either
 * runs before the object exists or waits until it is registered; it can never miss one. After the hook ran
 * ({@link #interrupt}), nothing more is created. Undo actions run in reverse order, once, by whoever comes first:
 * the test's {@code finally}, or the hook. When the run's connection is broken (the error that stopped the test may
 * have been a dropped connection), an action is retried once on a fresh connection.
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

    /** Creates an object (a batch on this side's connection). */
    @FunctionalInterface
    interface Creation {
        void run() throws SQLException;
    }

    private boolean interrupted;

    /**
     * Registers the undo of an object, then creates it; both under this object's lock.
     *
     * @param undo T-SQL that removes the object if it exists (so it is harmless when the creation failed)
     * @throws SQLException from the creation, or when the run is being interrupted (nothing is created then)
     */
    synchronized void create(String key, String what, Side side, String undo, Creation creation) throws SQLException {
        if (interrupted) {
            throw new SQLException("the network test is being interrupted; nothing more is created");
        }
        actions.push(new Action(key, what, side, undo));
        creation.run();
    }

    /**
     * The shutdown hook's entry: says at once that the run was interrupted (before waiting for a creation in flight
     * to be registered), then removes everything still registered and reports, in sentences, what this run removed
     * and, for what could not be removed, the T-SQL to remove it by hand.
     */
    List<String> interrupt(java.util.function.Consumer<List<String>> report) {
        report.accept(List.of("Interrupted: the network test stopped early; removing its temporary objects."));
        synchronized (this) {
            interrupted = true;
            int problemsBefore = problems.size();
            runAll();
            List<String> lines = new ArrayList<>();
            lines.add(removed.isEmpty() ? "Removed: none were left." : "Removed its temporary objects: "
                    + String.join(", ", removed) + ".");
            problems.subList(problemsBefore, problems.size()).forEach(p -> lines.add("Not removed: " + p));
            report.accept(lines);
            return lines;
        }
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
