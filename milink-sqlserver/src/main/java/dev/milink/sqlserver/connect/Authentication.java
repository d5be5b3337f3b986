// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.connect;

import dev.milink.core.secret.Secret;
import java.util.List;
import java.util.Objects;

/**
 * How milink signs in to SQL Server. Secrets are {@link Secret}s: they never reach argv, logs or reports, and reach
 * the driver only as connection properties, never inside a URL.
 *
 * <pre>{@code
 * Authentication a = new Authentication.SqlLogin("milink", Secret.of(System.getenv("MILINK_SQL_PASSWORD")));
 * Authentication w = new Authentication.Integrated();
 * Authentication e = new Authentication.Entra("ActiveDirectoryDefault", null, null);
 * }</pre>
 *
 * @since 0.1
 */
public sealed interface Authentication {

    /** SQL Server authentication. */
    record SqlLogin(String user, Secret password) implements Authentication {
        public SqlLogin {
            if (user == null || user.isBlank()) {
                throw new IllegalArgumentException("SQL login: the user name is empty");
            }
            Objects.requireNonNull(password, "password");
        }
    }

    /**
     * Windows integrated authentication (Kerberos/NTLM). On Windows mssql-jdbc uses the native
     * {@code mssql-jdbc_auth} DLL; elsewhere it uses Java Kerberos and needs a ticket ({@code kinit}).
     */
    record Integrated() implements Authentication {}

    /** An Entra access token obtained elsewhere (e.g. {@code az account get-access-token --resource https://database.windows.net/}). */
    record AccessToken(Secret token) implements Authentication {
        public AccessToken {
            Objects.requireNonNull(token, "token");
        }
    }

    /**
     * An Entra mode that mssql-jdbc supports, passed as its {@code authentication} property.
     *
     * @param mode   one of {@link #MODES}
     * @param user   user name, application (client) id for ServicePrincipal, or the client id of a user-assigned
     *               managed identity; null when the mode needs none
     * @param secret password or client secret; null when the mode needs none
     */
    record Entra(String mode, String user, Secret secret) implements Authentication {
        /** The modes mssql-jdbc 13.x accepts for {@code authentication=}. */
        public static final List<String> MODES = List.of("ActiveDirectoryDefault", "ActiveDirectoryManagedIdentity",
                "ActiveDirectoryServicePrincipal", "ActiveDirectoryPassword", "ActiveDirectoryInteractive",
                "ActiveDirectoryIntegrated");

        public Entra {
            String given = mode;
            mode = MODES.stream().filter(m -> m.equalsIgnoreCase(given)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("unknown Entra authentication mode '" + given + "'; use one of "
                            + MODES));
            if ((mode.equals("ActiveDirectoryServicePrincipal") || mode.equals("ActiveDirectoryPassword"))
                    && (user == null || secret == null)) {
                throw new IllegalArgumentException(mode + " needs a user (client id) and a secret");
            }
        }
    }
}
