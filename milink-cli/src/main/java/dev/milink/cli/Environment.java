// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

/**
 * What the CLI reads from the process around it: environment variables, the console (for a no-echo password
 * prompt) and whether stdout is a terminal (for colour). Tests pass their own instead of the real process's.
 *
 * @param variables        environment variables
 * @param console          the interactive console, or null when stdin/stdout are not a terminal
 * @param stdoutIsTerminal whether stdout is a terminal (colour is only ever used then)
 * @since 0.1
 */
public record Environment(Map<String, String> variables, Console console, boolean stdoutIsTerminal) {

    public Environment {
        variables = Map.copyOf(variables);
    }

    /** The real process environment. */
    public static Environment system() {
        Console c = System.console();
        boolean terminal = c != null && isTerminal(c);
        return new Environment(System.getenv(), terminal ? c : null, terminal);
    }

    /** A non-interactive environment with the given variables (tests, CI). */
    public static Environment of(Map<String, String> variables) {
        return new Environment(variables, null, false);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isEmpty());
    }

    /** Whether a no-echo prompt can be shown. */
    public boolean interactive() {
        return console != null;
    }

    /**
     * Java 22+ returns a console even when redirected and tells the truth through {@code isTerminal()}; Java 21
     * returns null when redirected. Reflection keeps one code path for both.
     */
    private static boolean isTerminal(Console c) {
        try {
            Method m = Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
