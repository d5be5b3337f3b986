// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.link;

import dev.milink.cli.auth.AuthContext;
import dev.milink.engine.link.LinkOperations;
import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.core.link.FailoverPlanner;
import dev.milink.core.link.LinkPlan;
import dev.milink.core.link.LinkStep;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code milink link failover}: planned, forced, or the resolution of split brain. */
@Command(name = "failover", sortOptions = false, mixinStandardHelpOptions = true)
final class LinkFailoverCommand extends LinkChangeCommand {

    @Option(names = "--forced", descriptionKey = "forced")
    boolean forced;

    @Option(names = "--allow-data-loss", descriptionKey = "allow-data-loss")
    boolean allowDataLoss;

    @Option(names = "--tsql", descriptionKey = "tsql")
    boolean tsql;

    @Option(names = "--resolve-split-brain", descriptionKey = "resolve-split-brain")
    boolean resolveSplitBrain;

    @Option(names = "--keep", paramLabel = "END", descriptionKey = "keep")
    String keep;

    @Option(names = "--backup-dir", paramLabel = "DIR", descriptionKey = "backup-dir")
    String backupDir;

    @Override
    int run(LinkOperations link, AuthContext context, boolean json) {
        LinkPlan plan = resolveSplitBrain ? link.planSplitBrainResolution(target.link(), keep(),
                Optional.ofNullable(backupDir))
                : link.planFailover(target.link(), forced ? FailoverPlanner.Mode.FORCED
                : FailoverPlanner.Mode.PLANNED, allowDataLoss, tsql);
        if (forced && allowDataLoss) {
            context.warn("FORCED FAILOVER WITH DATA LOSS requested: transactions not yet on the secondary are lost.");
        }
        return show(plan, link, context, json, done(plan));
    }

    private LinkStep.End keep() {
        if (keep == null) {
            throw new MilinkException(CoreError.USAGE, "--resolve-split-brain needs --keep sql-server or --keep "
                    + "managed-instance: the end that stays primary.");
        }
        return switch (keep.toLowerCase(Locale.ROOT)) {
            case "sql-server", "sql" -> LinkStep.End.SQL_SERVER;
            case "managed-instance", "mi" -> LinkStep.End.MANAGED_INSTANCE;
            default -> throw new MilinkException(CoreError.USAGE, "--keep must be sql-server or managed-instance, not '"
                    + keep + "'.");
        };
    }
}
