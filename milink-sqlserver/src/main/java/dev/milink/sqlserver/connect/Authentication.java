// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.connect;

import dev.milink.core.secret.Secret;

/** How milink signs in to SQL Server. Secrets are {@link Secret}s: they never reach argv, logs or reports. */
public sealed interface Authentication {

    /** SQL Server authentication. */
    record SqlLogin(String user, Secret password) implements Authentication {}

    /** Windows integrated authentication (Kerberos/NTLM; on Linux needs a Kerberos ticket). */
    record Integrated() implements Authentication {}

    /** An Entra access token obtained elsewhere (e.g. az account get-access-token). */
    record AccessToken(Secret token) implements Authentication {}

    /** An Entra mode that mssql-jdbc supports, e.g. ActiveDirectoryDefault, ActiveDirectoryManagedIdentity,
     *  ActiveDirectoryServicePrincipal, ActiveDirectoryPassword, ActiveDirectoryInteractive. */
    record Entra(String mode, String user, Secret secret) implements Authentication {}
}
