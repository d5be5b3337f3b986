// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.connect;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/**
 * mssql-jdbc loads azure-identity and msal4j reflectively for its Entra modes (ActiveDirectoryDefault,
 * ManagedIdentity, ServicePrincipal, Password, Interactive) and fails at sign-in with "Failed to load MSAL4J" when
 * they are missing. The sandbox cannot run those flows (they need a FEDAUTHINFO round trip), so this guards the one
 * thing we control: the libraries ship with milink.
 */
class EntraRuntimeTest {

    @Test
    void entraLibrariesAreOnTheRuntimeClassPath() {
        assertThatCode(() -> Class.forName("com.azure.identity.DefaultAzureCredentialBuilder")).doesNotThrowAnyException();
        assertThatCode(() -> Class.forName("com.microsoft.aad.msal4j.PublicClientApplication")).doesNotThrowAnyException();
    }
}
