// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.options;

import dev.milink.azure.AzureOptions;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --cloud} and {@code --azure-auth}: which Azure cloud, and how to sign in to its Resource Manager, for every
 * command that reads or changes the managed instance through ARM ({@code check}, {@code fix}, {@code link …}). No
 * secret is an option: a client secret comes from a file option of the command or from the environment.
 */
public final class AzureSignInOptions {

    @Option(names = "--cloud", paramLabel = "CLOUD", descriptionKey = "cloud")
    String cloud;

    @Option(names = "--azure-auth", paramLabel = "MODE", descriptionKey = "azure-auth")
    String auth;

    /**
     * The ARM options these say, each falling back to the given value (e.g. the config file's) when not given, the
     * credential's secrets from {@code clientSecretFile} or {@code environment}.
     */
    public AzureOptions options(String cloudFallback, String authFallback, Path clientSecretFile,
                                Map<String, String> environment) {
        return AzureOptions.fromEnvironment(given(cloud) ? cloud : cloudFallback, given(auth) ? auth : authFallback,
                clientSecretFile, environment);
    }

    private static boolean given(String s) {
        return s != null && !s.isBlank();
    }
}
