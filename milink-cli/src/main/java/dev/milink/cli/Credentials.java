// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.error.ErrorCode;
import dev.milink.core.error.MilinkException;
import dev.milink.core.secret.Secret;
import dev.milink.sqlserver.connect.Authentication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Turns {@code --auth}/{@code --user} and the secret sources into an {@link Authentication}. Secrets never come
 * from the command line. A password (or client secret) comes, in this order, from {@code --password-file FILE},
 * the environment variable {@value #PASSWORD_ENV}, or a no-echo prompt when milink runs interactively; an access
 * token comes from {@value #TOKEN_ENV}. Anything else is a clear usage error, never a hang on a closed stdin.
 */
final class Credentials {

    static final String PASSWORD_ENV = "MILINK_SQL_PASSWORD";
    static final String TOKEN_ENV = "MILINK_ACCESS_TOKEN";

    private final Invocation invocation;
    private Secret cachedPassword;

    Credentials(Invocation invocation) {
        this.invocation = invocation;
    }

    /**
     * @param mode         the authentication mode
     * @param user         login, client id or UPN; required for sql, entra-password and entra-service-principal
     * @param passwordFile a file holding the password on its first line, or null
     */
    Authentication resolve(AuthMode mode, String user, Path passwordFile) {
        return switch (mode) {
            case SQL -> new Authentication.SqlLogin(required(user, mode), password(user, passwordFile));
            case INTEGRATED -> new Authentication.Integrated();
            case ENTRA_DEFAULT, ENTRA_MANAGED_IDENTITY -> new Authentication.Entra(mode.jdbcMode(), user, null);
            case ENTRA_SERVICE_PRINCIPAL, ENTRA_PASSWORD ->
                    new Authentication.Entra(mode.jdbcMode(), required(user, mode), password(user, passwordFile));
            case ACCESS_TOKEN -> new Authentication.AccessToken(invocation.remember(invocation.env().get(TOKEN_ENV)
                    .map(Secret::of).orElseThrow(() -> new MilinkException(ErrorCode.SECRET_MISSING,
                            "--auth access-token needs the token in the environment variable " + TOKEN_ENV
                                    + " (e.g. from 'az account get-access-token --resource https://database.windows.net/')."))));
        };
    }

    private static String required(String user, AuthMode mode) {
        if (user == null || user.isBlank()) {
            throw new MilinkException(ErrorCode.USAGE, "--auth " + mode.cliName() + " needs --user NAME"
                    + (mode == AuthMode.ENTRA_SERVICE_PRINCIPAL ? " (the application's client id)." : "."));
        }
        return user;
    }

    /** One password per run, asked for at most once, even for many targets. */
    private synchronized Secret password(String user, Path file) {
        if (cachedPassword == null) {
            cachedPassword = invocation.remember(readPassword(user, file));
        }
        return cachedPassword;
    }

    private Secret readPassword(String user, Path file) {
        if (file != null) {
            return fromFile(file);
        }
        var env = invocation.env();
        var fromEnv = env.get(PASSWORD_ENV);
        if (fromEnv.isPresent()) {
            return Secret.of(fromEnv.get());
        }
        if (env.interactive()) {
            char[] typed = env.console().readPassword("Password for %s: ", user);
            if (typed != null && typed.length > 0) {
                return Secret.of(typed);
            }
        }
        throw new MilinkException(ErrorCode.SECRET_MISSING, "No password for '" + user + "': set the environment"
                + " variable " + PASSWORD_ENV + ", use --password-file FILE, or run milink in a terminal to be"
                + " prompted. (There is no --password option: command lines end up in shell history and ps.)");
    }

    private Secret fromFile(Path file) {
        warnIfOthersCanRead(file);
        try {
            String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            if (first.isEmpty()) {
                throw new MilinkException(ErrorCode.SECRET_MISSING, "The password file " + file
                        + " is empty; put the password on its first line.");
            }
            return Secret.of(first);
        } catch (IOException e) {
            throw new MilinkException(ErrorCode.USAGE, "Cannot read the password file " + file + ": "
                    + describe(e) + ".", e);
        }
    }

    private void warnIfOthersCanRead(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                invocation.warn("the password file " + file + " can be read by other users; restrict it with"
                        + " 'chmod 600 " + file + "'.");
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system (Windows): ACLs are the user's business; reading will report real errors.
        }
    }

    /** "no such file", "permission denied" … rather than the exception class name. */
    static String describe(IOException e) {
        return switch (e) {
            case java.nio.file.NoSuchFileException n -> "no such file";
            case java.nio.file.AccessDeniedException a -> "permission denied";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
