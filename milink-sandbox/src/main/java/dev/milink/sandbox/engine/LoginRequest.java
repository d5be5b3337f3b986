// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.engine;

/**
 * What LOGIN7 carried. Exactly one of {@code password} (SQL authentication) and {@code accessToken}
 * (Entra FEDAUTH security token) is non-null. {@code database} is null when the client named none.
 */
public record LoginRequest(String user, String password, String accessToken, String database,
                           String applicationName, String hostName) {
    @Override
    public String toString() { // never print the secret
        return "LoginRequest[user=" + user + ", database=" + database + ", app=" + applicationName + "]";
    }
}
