// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.engine;

/** One SQL Server instance's brain: authenticates logins and opens sessions on its catalog. */
public interface SqlEngine {

    /**
     * Authenticates and opens a session.
     *
     * @throws SqlError with number 18456 ("Login failed for user '…'.", state 1, class 14) for a bad login,
     *     4060 for an unknown initial database
     */
    Session openSession(LoginRequest login) throws SqlError;

    /** Product version the PRELOGIN/LOGINACK should announce, e.g. "15.0.4261.1". */
    String productVersion();

    /**
     * Where the engine reads {@link Faults#statementErrors()} from before each statement. The protocol layer
     * passes its per-instance holder so that one {@code setFaults} drives both latency and statement errors.
     * Engines without statement faults ignore it.
     */
    default void bindFaults(java.util.function.Supplier<Faults> source) {}

    /** The faults the instance starts with (a scenario's {@code faults:} section); none by default. */
    default Faults initialFaults() {
        return Faults.NONE;
    }
}
