// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.util.Configuration;
import com.azure.core.util.ConfigurationBuilder;
import com.azure.identity.AzureCliCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.EnvironmentCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;
import dev.milink.core.error.MilinkException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/** Builds the azure-identity credential for an {@link AzureAuth}: one per connection, shared by every read. */
final class AzureCredentials {
    private static final long MAX_SECRET_FILE_BYTES = 64 * 1024;

    private AzureCredentials() {}

    static TokenCredential create(AzureAuth auth, ArmEndpoints endpoints, HttpClient http, Map<String, String> env) {
        Configuration configuration = new ConfigurationBuilder(path -> Map.of(), path -> Map.of(), path -> env).build();
        String authority = endpoints.authorityHost();
        return switch (auth.mode()) {
            case DEFAULT -> {
                DefaultAzureCredentialBuilder b = new DefaultAzureCredentialBuilder().authorityHost(authority)
                        .httpClient(http).configuration(configuration);
                ifGiven(auth.tenantId(), b::tenantId);
                ifGiven(auth.clientId(), id -> b.managedIdentityClientId(id).workloadIdentityClientId(id));
                yield endpoints.customAuthority() ? b.disableInstanceDiscovery().build() : b.build();
            }
            case ENVIRONMENT -> new EnvironmentCredentialBuilder().authorityHost(authority).httpClient(http)
                    .configuration(configuration).build();
            case SERVICE_PRINCIPAL -> {
                String tenant = required(auth.tenantId(), env, "AZURE_TENANT_ID", "tenant id");
                String client = required(auth.clientId(), env, "AZURE_CLIENT_ID", "client id");
                ClientSecretCredentialBuilder b = new ClientSecretCredentialBuilder().authorityHost(authority)
                        .tenantId(tenant).clientId(client).clientSecret(secret(auth.clientSecretFile(), env))
                        .httpClient(http).configuration(configuration);
                yield endpoints.customAuthority() ? b.disableInstanceDiscovery().build() : b.build();
            }
            case MANAGED_IDENTITY -> {
                ManagedIdentityCredentialBuilder b = new ManagedIdentityCredentialBuilder().httpClient(http)
                        .configuration(configuration);
                yield auth.clientId() == null ? b.build() : b.clientId(auth.clientId()).build();
            }
            case AZURE_CLI -> {
                AzureCliCredentialBuilder b = new AzureCliCredentialBuilder().configuration(configuration);
                yield auth.tenantId() == null ? b.build() : b.tenantId(auth.tenantId()).build();
            }
            case WORKLOAD_IDENTITY -> {
                WorkloadIdentityCredentialBuilder b = new WorkloadIdentityCredentialBuilder().authorityHost(authority)
                        .httpClient(http).configuration(configuration);
                ifGiven(auth.tenantId(), b::tenantId);
                ifGiven(auth.clientId(), b::clientId);
                yield b.build();
            }
            case ACCESS_TOKEN -> fixedToken(env.get(AzureAuth.TOKEN_VARIABLE));
        };
    }

    /** A credential that always hands out the same token (its expiry is unknown, so it never looks expired). */
    static TokenCredential fixedToken(String token) {
        if (token == null || token.isBlank()) {
            throw new MilinkException(AzureError.AZURE_CREDENTIAL_MISSING, "Azure sign-in mode 'token' needs the "
                    + "access token in the environment variable " + AzureAuth.TOKEN_VARIABLE + " (e.g. from "
                    + "'az account get-access-token --query accessToken -o tsv').");
        }
        String value = token.strip();
        return new TokenCredential() {
            @Override
            public Mono<AccessToken> getToken(TokenRequestContext request) {
                return Mono.fromSupplier(() -> getTokenSync(request));
            }

            @Override
            public AccessToken getTokenSync(TokenRequestContext request) {
                return new AccessToken(value, OffsetDateTime.now().plusHours(1));
            }

            @Override
            public String toString() {
                return "fixed ARM token from " + AzureAuth.TOKEN_VARIABLE;
            }
        };
    }

    /** Hands an optional sign-in setting to a credential builder only when it was given. */
    private static void ifGiven(String value, Consumer<String> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    private static String required(String given, Map<String, String> env, String variable, String what) {
        String value = given != null && !given.isBlank() ? given : env.get(variable);
        if (value == null || value.isBlank()) {
            throw new MilinkException(AzureError.AZURE_CREDENTIAL_MISSING, "Azure sign-in mode 'service-principal' "
                    + "needs the " + what + ": set " + variable + " or the config key.");
        }
        return value.strip();
    }

    private static String secret(Path file, Map<String, String> env) {
        if (file == null) {
            String value = env.get("AZURE_CLIENT_SECRET");
            if (value == null || value.isEmpty()) {
                throw new MilinkException(AzureError.AZURE_CREDENTIAL_MISSING, "Azure sign-in mode "
                        + "'service-principal' needs the client secret in AZURE_CLIENT_SECRET or a secret file "
                        + "(never on the command line).");
            }
            return value;
        }
        try {
            if (Files.size(file) > MAX_SECRET_FILE_BYTES) {
                throw new MilinkException(AzureError.AZURE_CREDENTIAL_MISSING, "The client secret file " + file
                        + " is larger than 64 KiB; it should hold the secret only.");
            }
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new MilinkException(AzureError.AZURE_CREDENTIAL_MISSING, "The client secret file " + file
                        + " is empty.");
            }
            return value;
        } catch (IOException e) {
            throw new MilinkException(AzureError.AZURE_CREDENTIAL_MISSING, "Cannot read the client secret file "
                    + file + ": " + e.getClass().getSimpleName() + ".", e);
        }
    }
}
