// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.link;

import dev.milink.cli.auth.AuthContext;
import dev.milink.engine.link.LinkOperations;
import dev.milink.core.error.ExitStatus;
import dev.milink.core.link.LinkPlan;
import dev.milink.core.link.LinkRunState;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code milink link delete}: the ARM resource, then the DAG (and on request the AG); never a database. */
@Command(name = "delete", sortOptions = false, mixinStandardHelpOptions = true)
final class LinkDeleteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LinkTargetOptions target;

    @Option(names = "--apply", descriptionKey = "apply")
    boolean apply;

    @Option(names = "--drop-availability-group", descriptionKey = "drop-availability-group")
    boolean dropAvailabilityGroup;

    @Override
    public Integer call() {
        AuthContext context = AuthContext.of(spec);
        try (LinkOperations link = target.open(context, Clock.systemUTC())) {
            LinkPlan plan = link.planDelete(target.link(), dropAvailabilityGroup);
            return show(plan, apply, target.json(), link, target, spec.commandLine().getOut(),
                    spec.commandLine().getErr(), context);
        }
    }

    /** Prints the plan; applies it with {@code --apply} unless refused. Exit 0 done or planned, 1 refused. */
    static int show(LinkPlan plan, boolean apply, boolean json, LinkOperations link, LinkTargetOptions target,
                    PrintWriter out, PrintWriter err, AuthContext context) {
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
                out.println("Done: " + plan.operation() + " of " + plan.linkName() + ".");
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
}
