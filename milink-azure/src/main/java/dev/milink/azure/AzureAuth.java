// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * How milink signs in to Azure. Secrets never come from the command line: a client secret comes from
 * {@code AZURE_CLIENT_SECRET} or a file, a fixed token from {@code MILINK_ARM_TOKEN}.
 *
 * <pre>{@code
 * AzureAuth.of(AzureAuth.Mode.DEFAULT);                                  // azure-identity's DefaultAzureCredential
 * AzureAuth.servicePrincipal(tenant, client, Path.of("/run/secrets/sp")); // secret from a file
 * }</pre>
 *
 * @param mode             which credential
 * @param tenantId         tenant for service principal, CLI and workload identity (null: from AZURE_TENANT_ID)
 * @param clientId         app or user-assigned managed identity client id (null: from AZURE_CLIENT_ID / system MI)
 * @param clientSecretFile file holding the service principal's secret (null: AZURE_CLIENT_SECRET)
 * @since 0.2
 */
public record AzureAuth(Mode mode, String tenantId, String clientId, Path clientSecretFile) {

    /** Environment variable with a fixed ARM access token (mode {@link Mode#ACCESS_TOKEN}). */
    public static final String TOKEN_VARIABLE = "MILINK_ARM_TOKEN";

    public AzureAuth {
        Objects.requireNonNull(mode, "mode");
    }

    public static AzureAuth of(Mode mode) {
        return new AzureAuth(mode, null, null, null);
    }

    public static AzureAuth servicePrincipal(String tenantId, String clientId, Path clientSecretFile) {
        return new AzureAuth(Mode.SERVICE_PRINCIPAL, tenantId, clientId, clientSecretFile);
    }

    /** The credential kinds; {@link #cliName()} is the {@code --azure-auth} value. */
    public enum Mode {
        /** azure-identity's chain: environment, workload identity, managed identity, Azure CLI, PowerShell, azd. */
        DEFAULT("default"),
        /** A service principal from AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or a certificate). */
        ENVIRONMENT("environment"),
        /** A service principal with a client secret from AZURE_CLIENT_SECRET or a secret file. */
        SERVICE_PRINCIPAL("service-principal"),
        /** The managed identity of the Azure VM, App Service, container, Arc server, ... milink runs on. */
        MANAGED_IDENTITY("managed-identity"),
        /** Whoever is signed in with {@code az login}. */
        AZURE_CLI("cli"),
        /** Kubernetes workload identity (AZURE_FEDERATED_TOKEN_FILE). */
        WORKLOAD_IDENTITY("workload-identity"),
        /** A fixed bearer token from MILINK_ARM_TOKEN (tests, air-gapped runs: az account get-access-token). */
        ACCESS_TOKEN("token");

        private final String cliName;

        Mode(String cliName) {
            this.cliName = cliName;
        }

        public String cliName() {
            return cliName;
        }

        /**
         * The mode named {@code name} (its CLI name or enum name, case-insensitive).
         *
         * @throws IllegalArgumentException for an unknown name, listing the known ones
         */
        public static Mode parse(String name) {
            String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            for (Mode m : values()) {
                if (m.cliName.equals(key) || m.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(key)) {
                    return m;
                }
            }
            StringBuilder known = new StringBuilder();
            for (Mode m : values()) {
                known.append(known.isEmpty() ? "" : ", ").append(m.cliName);
            }
            throw new IllegalArgumentException("unknown Azure sign-in mode '" + name + "'; use one of " + known);
        }
    }
}
