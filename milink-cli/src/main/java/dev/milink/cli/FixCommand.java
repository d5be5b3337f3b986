// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.engine.FixRequest;
import dev.milink.engine.Milink;
import dev.milink.engine.fix.FixWorkflow;
import dev.milink.sqlserver.connect.SqlTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code milink fix TARGET}: plan (default), write scripts ({@code --script-dir}) or apply ({@code --apply}) the
 * remediations of one instance. Binds options the way {@code check} does and hands over to {@link Milink#fix};
 * the executor behind {@code --apply} is the only code that changes the server.
 */
@Command(name = "fix", sortOptions = false)
final class FixCommand extends MilinkCommand {

    @Parameters(paramLabel = "TARGET", arity = "0..1", descriptionKey = "fix-target")
    String target;

    @Option(names = "--apply", descriptionKey = "fix-apply")
    boolean apply;

    @Option(names = {"-y", "--yes"}, descriptionKey = "fix-yes")
    boolean yes;

    @Option(names = "--script-dir", paramLabel = "DIR", descriptionKey = "fix-script-dir")
    Path scriptDir;

    @Option(names = "--backup-dir", paramLabel = "PATH", descriptionKey = "fix-backup-dir")
    String backupDir;

    @Option(names = "--include-database", paramLabel = "NAME", descriptionKey = "fix-include-database")
    List<String> includeDatabases = new ArrayList<>();

    @Option(names = "--dmk-password-file", paramLabel = "FILE", descriptionKey = "fix-dmk-password-file")
    Path dmkPasswordFile;

    @Option(names = "--tde-pfx-out", paramLabel = "DIR", descriptionKey = "fix-tde-pfx-out")
    Path tdePfxOut;

    @Mixin
    LinkEndsOptions ends;

    @Override
    int run(Invocation inv) {
        MilinkConfig cfg = ends.assessment.config(inv);
        String name = target != null ? target : cfg.targets().size() == 1 ? cfg.targets().getFirst() : null;
        if (name == null) {
            throw new MilinkException(CoreError.USAGE, "milink fix works on one instance: give TARGET (HOST[,PORT] or"
                    + " HOST\\INSTANCE), or exactly one entry under 'targets:' in --config FILE.");
        }
        ends.connection.validate();
        SqlTarget parsed = SqlTarget.parse(name);
        Milink milink = ends.assessment.milink(cfg, inv);
        // Sign-in is resolved only when milink connects: a refused --apply must not prompt for a password first.
        FixRequest request = new FixRequest(name, () -> ends.settings(parsed, ends.signIn(cfg, inv), inv),
                ends.assessment.link(cfg),
                new FixWorkflow.Options(apply, yes, scriptDir, Set.copyOf(includeDatabases), dmkPasswordFile,
                        backupDir, tdePfxOut));
        AzureTargetOptions.ManagedInstance mi = ends.managedInstance(cfg, inv);
        if (mi.given()) {
            // the update policy is never among the ARM steps: no check offers it as an appliable fix
            request = request.withManagedInstance(mi.source()::read, mi.live() ? mi.arm() : null);
        }
        return milink.fix(request, inv).code();
    }
}
