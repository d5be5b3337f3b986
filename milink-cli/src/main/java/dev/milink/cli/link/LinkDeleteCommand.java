// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.link;

import dev.milink.cli.auth.AuthContext;
import dev.milink.engine.link.LinkOperations;
import dev.milink.core.link.LinkPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code milink link delete}: the ARM resource, then the DAG (and on request the AG); never a database. */
@Command(name = "delete", sortOptions = false, mixinStandardHelpOptions = true)
final class LinkDeleteCommand extends LinkChangeCommand {

    @Option(names = "--drop-availability-group", descriptionKey = "drop-availability-group")
    boolean dropAvailabilityGroup;

    @Override
    int run(LinkOperations link, AuthContext context, boolean json) {
        LinkPlan plan = link.planDelete(target.link(), dropAvailabilityGroup);
        return show(plan, link, context, json, done(plan));
    }
}
