// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.network;

import dev.milink.core.error.ErrorCode;
import dev.milink.core.error.MilinkException;
import dev.milink.core.secret.Secret;
import dev.milink.sqlserver.connect.Authentication;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Sign-in for one side of {@code milink network test}. Like {@code milink check}, secrets never come from the
 * command line: a password comes from a file, an environment variable (one per side, so SQL Server and the managed
 * instance can use different logins) or a no-echo prompt; an access token from an environment variable.
 *
 * @param label       "SQL Server" or "the managed instance", for messages
 * @param passwordEnv e.g. {@code MILINK_SQL_PASSWORD}
 * @param tokenEnv    e.g. {@code MILINK_ACCESS_TOKEN}
 */
record SideAuth(String label, String userOption, String passwordEnv, String tokenEnv) {

    static final SideAuth SQL = new SideAuth("SQL Server", "--user", "MILINK_SQL_PASSWORD", "MILINK_ACCESS_TOKEN");
    static final SideAuth MI = new SideAuth("the managed instance", "--mi-user", "MILINK_MI_PASSWORD",
            "MILINK_MI_ACCESS_TOKEN");

    /** The modes, by their command-line names (the same as {@code milink check --auth}). */
    static final String[] MODES = {"sql", "integrated", "entra-default", "entra-managed-identity",
        "entra-service-principal", "entra-password", "access-token"};

    Authentication resolve(String mode, String user, Path passwordFile, UnaryOperator<String> env) {
        String m = mode == null ? "sql" : mode.trim().toLowerCase(Locale.ROOT);
        return switch (m) {
            case "sql" -> new Authentication.SqlLogin(required(user, m), password(user, passwordFile, env));
            case "integrated" -> new Authentication.Integrated();
            case "entra-default" -> new Authentication.Entra("ActiveDirectoryDefault", user, null);
            case "entra-managed-identity" -> new Authentication.Entra("ActiveDirectoryManagedIdentity", user, null);
            case "entra-service-principal" -> new Authentication.Entra("ActiveDirectoryServicePrincipal",
                    required(user, m), password(user, passwordFile, env));
            case "entra-password" -> new Authentication.Entra("ActiveDirectoryPassword", required(user, m),
                    password(user, passwordFile, env));
            case "access-token" -> {
                String token = env.apply(tokenEnv);
                if (token == null || token.isEmpty()) {
                    throw new MilinkException(ErrorCode.SECRET_MISSING, "Access-token sign-in to " + label
                            + " needs the token in the environment variable " + tokenEnv + ".");
                }
                yield new Authentication.AccessToken(Secret.of(token));
            }
            default -> throw new MilinkException(ErrorCode.USAGE, "Unknown authentication mode '" + mode + "' for "
                    + label + ". Valid modes: " + Arrays.stream(MODES).collect(Collectors.joining(", ")) + ".");
        };
    }

    private String required(String user, String mode) {
        if (user == null || user.isBlank()) {
            throw new MilinkException(ErrorCode.USAGE, "Sign-in to " + label + " with " + mode + " needs "
                    + userOption + " NAME.");
        }
        return user;
    }

    private Secret password(String user, Path file, UnaryOperator<String> env) {
        if (file != null) {
            try {
                String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
                if (first.isEmpty()) {
                    throw new MilinkException(ErrorCode.SECRET_MISSING, "The password file " + file
                            + " is empty; put the password on its first line.");
                }
                return Secret.of(first);
            } catch (NoSuchFileException e) {
                throw new MilinkException(ErrorCode.USAGE, "Cannot read the password file " + file
                        + ": no such file.", e);
            } catch (IOException e) {
                throw new MilinkException(ErrorCode.USAGE, "Cannot read the password file " + file + ": "
                        + e.getMessage() + ".", e);
            }
        }
        String fromEnv = env.apply(passwordEnv);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return Secret.of(fromEnv);
        }
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Password for %s on %s: ", user, label);
            if (typed != null && typed.length > 0) {
                return Secret.of(typed);
            }
        }
        throw new MilinkException(ErrorCode.SECRET_MISSING, "No password for '" + user + "' on " + label + ": set "
                + passwordEnv + ", use the password-file option, or run milink in a terminal to be prompted.");
    }
}
