// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.engine;

/** A SQL Server error as it travels in a TDS ERROR token. */
public final class SqlError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int number;
    private final int state;
    private final int severityClass;
    private final int line;

    public SqlError(int number, int state, int severityClass, String message) {
        this(number, state, severityClass, message, 1);
    }

    public SqlError(int number, int state, int severityClass, String message, int line) {
        super(message, null, false, false);
        this.number = number;
        this.state = state;
        this.severityClass = severityClass;
        this.line = line;
    }

    public int number() { return number; }
    public int state() { return state; }
    public int severityClass() { return severityClass; }
    public int line() { return line; }

    /** Error 18456 exactly as SQL Server sends it to the client. */
    public static SqlError loginFailed(String user) {
        return new SqlError(18456, 1, 14, "Login failed for user '" + user + "'.");
    }
}
