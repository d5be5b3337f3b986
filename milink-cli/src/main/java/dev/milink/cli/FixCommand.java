// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.core.secret.Secret;
import dev.milink.engine.FixRequest;
import dev.milink.engine.Milink;
import dev.milink.engine.fix.FixTerminal;
import dev.milink.engine.fix.FixWorkflow;
import dev.milink.sqlserver.connect.SqlTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code milink fix TARGET}: plan (default), write scripts ({@code --script-dir}) or apply ({@code --apply}) the
 * remediations of one instance. Binds options the way {@code check} does and hands over to {@link Milink#fix};
 * the executor behind {@code --apply} is the only code that changes the server.
 */
@Command(name = "fix", sortOptions = false)
final class FixCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

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
    AssessmentOptions assessment;

    @Mixin
    AzureTargetOptions azure;

    @Mixin
    AuthOptions auth;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    VerbosityOptions verbosity;

    @Override
    public Integer call() {
        Invocation inv = Invocation.of(spec);
        MilinkConfig cfg = assessment.config(inv);
        String name = target != null ? target : cfg.targets().size() == 1 ? cfg.targets().getFirst() : null;
        if (name == null) {
            throw new MilinkException(CoreError.USAGE, "milink fix works on one instance: give TARGET (HOST[,PORT] or"
                    + " HOST\\INSTANCE), or exactly one entry under 'targets:' in --config FILE.");
        }
        connection.validate();
        SqlTarget parsed = SqlTarget.parse(name);
        Milink milink = assessment.milink(cfg, inv);
        // Sign-in is resolved only when milink connects: a refused --apply must not prompt for a password first.
        FixRequest request = new FixRequest(name, () -> connection.settings(parsed,
                AssessmentOptions.signIn(auth, connection, cfg, inv), inv), assessment.link(cfg),
                new FixWorkflow.Options(apply, yes, scriptDir, Set.copyOf(includeDatabases), dmkPasswordFile,
                        backupDir, tdePfxOut));
        AzureTargetOptions.ManagedInstance mi = azure.managedInstance(cfg, inv, Clock.systemUTC());
        if (mi.given()) {
            mi.source().signIn(); // a missing or refused Azure credential stops before anything is read or changed
            // the update policy is never among the ARM steps: no check offers it as an appliable fix
            request = request.withManagedInstance(mi.source()::read, mi.live() ? mi.arm() : null);
        }
        return milink.fix(request, terminal(inv)).code();
    }

    private static FixTerminal terminal(Invocation inv) {
        return new FixTerminal() {
            @Override
            public PrintWriter out() {
                return inv.out();
            }

            @Override
            public PrintWriter err() {
                return inv.err();
            }

            @Override
            public Optional<String> env(String variable) {
                return inv.env().get(variable);
            }

            @Override
            public boolean interactive() {
                return inv.env().interactive();
            }

            @Override
            public String readLine(String prompt) {
                inv.out().flush();
                return inv.env().console().readLine("%s", prompt);
            }

            @Override
            public char[] readPassword(String prompt) {
                inv.out().flush();
                return inv.env().console().readPassword("%s", prompt);
            }

            @Override
            public void remember(Secret secret) {
                inv.remember(secret);
            }
        };
    }

}
