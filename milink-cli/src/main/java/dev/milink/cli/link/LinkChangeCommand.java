// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.link;

import dev.milink.cli.auth.AuthContext;
import dev.milink.core.error.ExitStatus;
import dev.milink.core.link.LinkPlan;
import dev.milink.core.link.LinkRunState;
import dev.milink.engine.link.LinkOperations;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * A link subcommand that changes the link ({@code create}, {@code failover}, {@code delete}): it plans, shows the
 * plan, and applies it only with {@code --apply}.
 */
abstract class LinkChangeCommand extends LinkSubcommand {

    @Option(names = "--apply", descriptionKey = "apply")
    boolean apply;

    /**
     * Prints the plan; applies it with {@code --apply} unless refused, then prints {@code done}. Exit 0 done or
     * planned, 1 refused.
     */
    int show(LinkPlan plan, LinkOperations link, AuthContext context, boolean json, String done) {
        PrintWriter out = out();
        PrintWriter err = err();
        boolean run = apply && !plan.refused();
        if (!json) {
            out.print(LinkText.plan(plan, run));
            out.flush();
        }
        Optional<LinkRunState> state = Optional.empty();
        if (run) {
            link.remember(target.link());
            state = Optional.of(link.apply(plan, target.link(), LinkText.progress(err, context.showsProgress())));
            if (!json) {
                out.println(done);
            }
        }
        if (json) {
            out.print(LinkText.planJson(plan, run, state));
        }
        out.flush();
        if (plan.refused()) {
            err.println("Error [LINK_REFUSED]: " + plan.refusals().size() + " reason(s), nothing was changed: "
                    + plan.refusals().getFirst());
            err.flush();
            return ExitStatus.NOT_READY.code();
        }
        return ExitStatus.READY.code();
    }

    /** What {@code failover} and {@code delete} say when they are done. */
    static String done(LinkPlan plan) {
        return "Done: " + plan.operation() + " of " + plan.linkName() + ".";
    }
}
