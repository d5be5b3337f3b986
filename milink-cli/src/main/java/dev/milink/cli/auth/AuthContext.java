// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.auth;

import dev.milink.core.secret.Secret;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What signing in needs from the run around it: environment variables, a no-echo prompt when milink runs in a
 * terminal, a place for warnings, and the error output's secret masking. The root command's invocation implements
 * it; commands in any package reach it through {@link #of(CommandSpec)}, so tests that inject an environment
 * through {@code Main.run(Environment, …)} reach every command that signs in.
 *
 * @since 0.1
 */
public interface AuthContext {

    /** The environment variable {@code name}; empty when unset or empty. */
    Optional<String> env(String name);

    /** Whether {@link #readPassword} can ask a person. */
    boolean interactive();

    /**
     * Whether progress may be drawn in place (a bar redrawn with {@code \r}): a person watches a terminal, outside CI
     * ({@code CI=true}) and without {@code MILINK_NO_PROGRESS}. Otherwise progress is plain lines.
     */
    default boolean showsProgress() {
        return interactive() && !"true".equalsIgnoreCase(env("CI").orElse("")) && env("MILINK_NO_PROGRESS").isEmpty();
    }

    /** A password typed without echo, or null at end of input. Only call when {@link #interactive()}. */
    char[] readPassword(String prompt);

    /** Registers a secret so that no error text the CLI prints can show it; returns it. */
    Secret remember(Secret secret);

    /** Prints {@code Warning: message} to stderr, secrets masked. */
    void warn(String message);

    /** The context of the run the command {@code spec} belongs to. */
    static AuthContext of(CommandSpec spec) {
        if (spec.root().userObject() instanceof Provider p) {
            return p.authContext();
        }
        throw new IllegalStateException(spec.qualifiedName() + " must run under milink's root command, which"
                + " provides the sign-in context");
    }

    /** Implemented by the root command: where {@link #of(CommandSpec)} finds the context. */
    interface Provider {
        AuthContext authContext();
    }
}
