// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.inventory;

import java.nio.file.Path;

/**
 * How to sign in to one inventory target, by reference only: an authentication mode name (as {@code --auth}
 * takes it), a user, and where the password is (an environment variable's name or a file). An inventory never
 * holds a secret itself; a password column is refused when the file is read.
 *
 * @param auth         mode name ({@code sql}, {@code entra-default}, …), null = the run's {@code --auth}
 * @param user         login, client id or UPN, null = the run's {@code --user}
 * @param passwordEnv  name of the environment variable holding the password, or null
 * @param passwordFile file whose first line is the password, or null
 * @since 0.2
 */
public record CredentialRef(String auth, String user, String passwordEnv, Path passwordFile) {

    /** Nothing given: the run's own sign-in applies. */
    public static final CredentialRef NONE = new CredentialRef(null, null, null, null);

    /** Whether the row says anything about signing in. */
    public boolean isGiven() {
        return auth != null || user != null || passwordEnv != null || passwordFile != null;
    }
}
