// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.cli.auth.AuthMode;
import dev.milink.cli.auth.Credentials;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --auth}, {@code --user}, {@code --password-file}. There is deliberately no {@code --password}: a secret
 * on the command line ends up in shell history and in {@code ps} output. See {@link Credentials} for where the
 * password or token comes from instead.
 */
final class AuthOptions {

    @Option(names = "--auth", paramLabel = "MODE", descriptionKey = "auth", converter = AuthMode.Converter.class,
            completionCandidates = AuthMode.Names.class)
    AuthMode mode;

    @Option(names = {"-U", "--user"}, paramLabel = "NAME", descriptionKey = "user")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", descriptionKey = "password-file")
    Path passwordFile;
}
