// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.fix;

import dev.milink.core.secret.Secret;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * What {@link FixWorkflow} needs from the process around it: the two streams, environment variables and, when
 * milink runs in a terminal, line and no-echo password input. The CLI adapts its invocation to this; tests
 * script it.
 *
 * @since 0.1
 */
public interface FixTerminal {

    PrintWriter out();

    PrintWriter err();

    Optional<String> env(String name);

    /** Whether {@link #readLine} and {@link #readPassword} can ask a person. */
    boolean interactive();

    /** A line typed by the user, or null at end of input. */
    String readLine(String prompt);

    /** A password typed without echo, or null at end of input. */
    char[] readPassword(String prompt);

    /** Registers a secret so that no error text the CLI prints can show it; returns it. */
    Secret remember(Secret secret);
}
