// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.link;

import dev.milink.cli.auth.AuthContext;
import dev.milink.engine.link.LinkOperations;
import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.core.link.FailoverPlanner;
import dev.milink.core.link.LinkPlan;
import dev.milink.core.link.LinkStep;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code milink link failover}: planned, forced, or the resolution of split brain. */
@Command(name = "failover", sortOptions = false, mixinStandardHelpOptions = true)
final class LinkFailoverCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LinkTargetOptions target;

    @Option(names = "--apply", descriptionKey = "apply")
    boolean apply;

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
    public Integer call() {
        boolean json = target.json();
        AuthContext context = AuthContext.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (LinkOperations link = target.open(context, Clock.systemUTC())) {
            LinkPlan plan = resolveSplitBrain ? link.planSplitBrainResolution(target.link(), keep(),
                    java.util.Optional.ofNullable(backupDir))
                    : link.planFailover(target.link(), forced ? FailoverPlanner.Mode.FORCED
                    : FailoverPlanner.Mode.PLANNED, allowDataLoss, tsql);
            if (forced && allowDataLoss) {
                context.warn("FORCED FAILOVER WITH DATA LOSS requested: transactions not yet on the secondary are lost.");
            }
            return LinkDeleteCommand.show(plan, apply, json, link, target, out, spec.commandLine().getErr(), context);
        }
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
