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
}
