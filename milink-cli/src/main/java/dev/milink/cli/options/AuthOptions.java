// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.options;

import dev.milink.cli.auth.AuthContext;
import dev.milink.cli.auth.AuthMode;
import dev.milink.cli.auth.Credentials;
import dev.milink.cli.auth.Side;
import dev.milink.sqlserver.connect.Authentication;
import java.nio.file.Path;
import java.util.Objects;
import picocli.CommandLine.Option;

/**
 * {@code --auth}, {@code --user}, {@code --password-file}: how to sign in to SQL Server, for every command that
 * connects to it ({@code check}, {@code fix}, {@code network test}, {@code link …}). There is deliberately no
 * {@code --password}: a secret on the command line ends up in shell history and in {@code ps} output. See
 * {@link Credentials} for where the password or token comes from instead.
 */
public final class AuthOptions {

    @Option(names = "--auth", paramLabel = "MODE", descriptionKey = "auth", converter = AuthMode.Converter.class,
            completionCandidates = AuthMode.Names.class)
    AuthMode mode;

    @Option(names = {"-U", "--user"}, paramLabel = "NAME", descriptionKey = "user")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", descriptionKey = "password-file")
    Path passwordFile;

    /** What the three options say, each null where not given: for callers that merge them with a config file. */
    public record Given(AuthMode mode, String user, Path passwordFile) {
    }

    public Given given() {
        return new Given(mode, user, passwordFile);
    }

    /** Signs in as the options say ({@code --auth} defaults to sql), the secrets named by {@code side}. */
    public Authentication resolve(AuthContext context, Side side) {
        return new Credentials(context, side).resolve(Objects.requireNonNullElse(mode, AuthMode.SQL), user,
                passwordFile);
    }
}
