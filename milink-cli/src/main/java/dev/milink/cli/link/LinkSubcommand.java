// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.link;

import dev.milink.cli.auth.AuthContext;
import dev.milink.engine.link.LinkOperations;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every {@code milink link} subcommand shares: both ends and the link ({@link LinkTargetOptions}), the run's
 * sign-in context, and the link's operations, opened (both ends signed in) for {@link #run} and closed after it.
 * picocli reads the annotated fields of superclasses, so a subcommand declares only its own options.
 */
abstract class LinkSubcommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LinkTargetOptions target;

    @Override
    public final Integer call() throws IOException {
        boolean json = target.json();
        AuthContext context = AuthContext.of(spec);
        refuseEarly(context, json);
        try (LinkOperations link = target.open(context, Clock.systemUTC())) {
            return run(link, context, json);
        }
    }

    /** Usage errors to report before anything signs in or connects; none by default. */
    void refuseEarly(AuthContext context, boolean json) {
    }

    /** The subcommand's work on the open link; returns the exit code. */
    abstract int run(LinkOperations link, AuthContext context, boolean json) throws IOException;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
