// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.error.CoreError;
import dev.milink.cli.fix.FixTerminal;
import dev.milink.cli.fix.FixWorkflow;
import dev.milink.core.assess.Assessor;
import dev.milink.core.assess.Assessor.DatabaseSelection;
import dev.milink.core.catalog.CheckCatalog;
import dev.milink.core.check.CheckContext;
import dev.milink.core.error.MilinkException;
import dev.milink.core.fix.FixPlan;
import dev.milink.core.fix.FixScripts;
import dev.milink.core.model.Direction;
import dev.milink.core.model.Facts;
import dev.milink.core.model.LinkSettings;
import dev.milink.core.model.ServerFacts;
import dev.milink.core.secret.Secret;
import dev.milink.sqlserver.connect.Authentication;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlTarget;
import dev.milink.sqlserver.fix.ApplyOptions;
import dev.milink.sqlserver.fix.FixExecutor;
import dev.milink.sqlserver.fix.FixResult;
import dev.milink.sqlserver.fix.ProgressListener;
import dev.milink.sqlserver.fix.Secrets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * remediations of one instance. Binds options the way {@code check} does and hands over to {@link FixWorkflow};
 * the {@link FixExecutor} behind {@code --apply} is the only code that changes the server.
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

    @Mixin
    AssessmentOptions assessment;

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
        CheckContext context = assessment.context(cfg);
        LinkSettings link = assessment.link(cfg);
        Direction dir = link.direction();
        if (backupDir != null) {
            context = context.withBackupPath(backupDir);
        }
        List<String> named = assessment.databases(cfg);
        DatabaseSelection selection = DatabaseSelection.of(named);
        CheckContext ctx = context;
        Assessor assessor = Assessor.of(CheckCatalog.standard());
        FixWorkflow workflow = new FixWorkflow(server(SqlTarget.parse(name), cfg, inv, facts -> new FixWorkflow.Checked(
                cfg.checks().apply(assessor.evaluate(Facts.of(facts, link), ctx, selection),
                        LocalDate.ofInstant(ctx.clock().instant(), ZoneOffset.UTC)).findings(),
                FixScripts.Platform.of(facts))), terminal(inv),
                new FixWorkflow.Options(apply, yes, scriptDir, Set.copyOf(includeDatabases), dmkPasswordFile), dir,
                Clock.systemUTC());
        return workflow.run(name);
    }

    /** Connection settings resolved lazily: a refused --apply must not prompt for a password first. */
    private FixWorkflow.Server server(SqlTarget parsed, MilinkConfig cfg, Invocation inv,
                                      java.util.function.Function<ServerFacts, FixWorkflow.Checked> evaluate) {
        return new FixWorkflow.Server() {
            private ConnectionSettings settings;

            private ConnectionSettings settings() {
                if (settings == null) {
                    Authentication a = AssessmentOptions.signIn(auth, connection, cfg, inv);
                    settings = connection.settings(parsed, a, inv);
                }
                return settings;
            }

            @Override
            public FixWorkflow.Checked check() {
                return evaluate.apply(Collectors.live(settings()));
            }

            @Override
            public FixResult apply(FixPlan plan, Secrets secrets, ApplyOptions options, ProgressListener listener) {
                return FixExecutor.of(options).apply(plan, settings(), secrets, listener);
            }
        };
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
