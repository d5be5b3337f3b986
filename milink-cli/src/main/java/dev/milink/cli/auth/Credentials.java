// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.auth;

import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.core.io.BoundedFiles;
import dev.milink.core.secret.Secret;
import dev.milink.sqlserver.connect.Authentication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Turns a sign-in mode, a user and one side's secret sources into an {@link Authentication}. Secrets never come
 * from the command line. A password (or client secret) comes, in this order, from the side's password file
 * option, its password variable ({@code MILINK_SQL_PASSWORD}, {@code MILINK_MI_PASSWORD}), or a no-echo prompt
 * when milink runs interactively; an access token comes from its token variable ({@code MILINK_ACCESS_TOKEN},
 * {@code MILINK_MI_ACCESS_TOKEN}). Anything else is a clear usage error, never a hang on a closed stdin. Every
 * secret read is remembered, so error output masks it.
 *
 * <pre>{@code
 * Authentication a = new Credentials(AuthContext.of(spec), Side.SQL_SERVER).resolve(AuthMode.SQL, "milink", null);
 * }</pre>
 *
 * @since 0.1
 */
public final class Credentials {

    private final AuthContext context;
    private final Side side;
    private Secret cachedPassword;

    public Credentials(AuthContext context, Side side) {
        this.context = context;
        this.side = side;
    }

    /**
     * @param mode         the authentication mode
     * @param user         login, client id or UPN; required for sql, entra-password and entra-service-principal
     * @param passwordFile a file holding the password on its first line, or null
     */
    public Authentication resolve(AuthMode mode, String user, Path passwordFile) {
        return switch (mode) {
            case SQL -> new Authentication.SqlLogin(required(user, mode), password(user, passwordFile));
            case INTEGRATED -> new Authentication.Integrated();
            case ENTRA_DEFAULT, ENTRA_MANAGED_IDENTITY -> new Authentication.Entra(mode.jdbcMode(), user, null);
            case ENTRA_SERVICE_PRINCIPAL, ENTRA_PASSWORD ->
                    new Authentication.Entra(mode.jdbcMode(), required(user, mode), password(user, passwordFile));
            case ACCESS_TOKEN -> new Authentication.AccessToken(context.remember(context.env(side.tokenEnv())
                    .map(Secret::of).orElseThrow(() -> new MilinkException(CoreError.SECRET_MISSING,
                            side.authOption() + " access-token needs the token in the environment variable "
                                    + side.tokenEnv() + " (e.g. from 'az account get-access-token --resource"
                                    + " https://database.windows.net/')."))));
        };
    }

    private String required(String user, AuthMode mode) {
        if (user == null || user.isBlank()) {
            throw new MilinkException(CoreError.USAGE, side.authOption() + " " + mode.cliName() + " needs "
                    + side.userOption() + " NAME"
                    + (mode == AuthMode.ENTRA_SERVICE_PRINCIPAL ? " (the application's client id)." : "."));
        }
        if (user.startsWith("-")) {
            // "--user --password=…": the next argument was taken as the name; never echo it, it may be a secret
            throw new MilinkException(CoreError.USAGE, side.userOption() + " needs a login name, but the value"
                    + " given starts with '-' (an option?); it is not shown, in case it is a secret.");
        }
        return user;
    }

    /** One password per side and run, asked for at most once, even for many targets. */
    private synchronized Secret password(String user, Path file) {
        if (cachedPassword == null) {
            cachedPassword = context.remember(readPassword(user, file));
        }
        return cachedPassword;
    }

    private Secret readPassword(String user, Path file) {
        if (file != null) {
            return fromFile(file);
        }
        var fromEnv = context.env(side.passwordEnv());
        if (fromEnv.isPresent()) {
            return Secret.of(fromEnv.get());
        }
        if (context.interactive()) {
            char[] typed = context.readPassword("Password for " + user + side.where() + ": ");
            if (typed != null && typed.length > 0) {
                return Secret.of(typed);
            }
        }
        throw new MilinkException(CoreError.SECRET_MISSING, "No password for '" + user + "'" + side.where()
                + ": set the environment variable " + side.passwordEnv() + ", use " + side.passwordFileOption()
                + " FILE, or run milink in a terminal to be prompted. (There is no --password option: command"
                + " lines end up in shell history and ps.)");
    }

    private Secret fromFile(Path file) {
        warnIfOthersCanRead(file);
        byte[] bytes = BoundedFiles.read(file, BoundedFiles.SECRET_MAX, "password file", CoreError.USAGE);
        String text = new String(bytes, StandardCharsets.UTF_8);
        java.util.Arrays.fill(bytes, (byte) 0);
        String first = text.lines().findFirst().orElse("");
        if (first.isEmpty()) {
            throw new MilinkException(CoreError.SECRET_MISSING, "The password file " + file
                    + " is empty; put the password on its first line.");
        }
        return Secret.of(first);
    }

    private void warnIfOthersCanRead(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                context.warn("the password file " + file + " can be read by other users; restrict it with"
                        + " 'chmod 600 " + file + "'.");
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system (Windows): ACLs are the user's business; reading will report real errors.
        }
    }

    /** "no such file", "permission denied" … rather than the exception class name. */
    public static String describe(IOException e) {
        return BoundedFiles.describe(e);
    }
}
