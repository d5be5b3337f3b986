// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.network;

import dev.milink.cli.options.CommandBase;
import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import picocli.CommandLine.Command;

/**
 * {@code milink network}: the link's network, both directions. {@code rules} writes every allow rule,
 * {@code allowlist} the egress endpoints, {@code probe} TCP-probes from this machine, {@code test} proves the link's
 * paths from SQL Server and from the managed instance.
 *
 * @since 0.1
 */
@Command(name = "network", resourceBundle = "dev.milink.cli.network.Messages",
        sortOptions = false,
        subcommands = {
            NetworkTestCommand.class,
            NetworkRulesCommand.class,
            NetworkAllowlistCommand.class,
            NetworkProbeCommand.class,
        })
public final class NetworkCommand extends CommandBase {

    /** {@code milink network} alone: a usage error naming the subcommands. */
    @Override
    public Integer call() {
        throw new MilinkException(CoreError.USAGE, "Missing subcommand: milink network test|rules|allowlist|probe.");
    }
}
