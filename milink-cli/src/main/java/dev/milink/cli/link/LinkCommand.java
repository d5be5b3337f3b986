// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.link;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code milink link}: the link itself, both ends at once. */
@Command(name = "link", resourceBundle = "dev.milink.cli.link.Messages", sortOptions = false,
        mixinStandardHelpOptions = true,
        subcommands = {
            LinkCreateCommand.class,
            LinkStatusCommand.class,
            LinkFailoverCommand.class,
            LinkDeleteCommand.class
        })
public final class LinkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        spec.commandLine().getErr().println("Error [USAGE]: Missing command: create, status, failover or delete.");
        return 2;
    }
}
