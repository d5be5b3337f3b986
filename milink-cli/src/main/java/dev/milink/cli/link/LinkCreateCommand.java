// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.link;

import dev.milink.cli.auth.AuthContext;
import dev.milink.engine.link.LinkOperations;
import dev.milink.core.error.ExitStatus;
import dev.milink.core.link.LinkRunState;
import dev.milink.report.RenderOptions;
import dev.milink.report.ReportRenderers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code milink link create}: gate, plan (the default), apply with {@code --apply}. */
@Command(name = "create", sortOptions = false, mixinStandardHelpOptions = true)
final class LinkCreateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LinkTargetOptions target;

    @Option(names = "--apply", descriptionKey = "apply")
    boolean apply;

    @Option(names = "--pause-log-backups", descriptionKey = "pause-log-backups")
    boolean pauseLogBackups;

    @Option(names = "--sql-endpoint-address", paramLabel = "HOST", descriptionKey = "sql-endpoint-address")
    String sqlEndpointAddress;

    @Override
    public Integer call() {
        boolean json = target.json();
        AuthContext context = AuthContext.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (LinkOperations link = target.open(context, Clock.systemUTC())) {
            String host = sqlEndpointAddress != null ? sqlEndpointAddress : target.sqlTarget().host();
            LinkOperations.CreatePreview p = link.previewCreate(target.link(), pauseLogBackups, host);
            if (!p.gateBlocks().isEmpty()) {
                // The same output as milink check: the readiness report, then the refusal.
                try {
                    ReportRenderers.byName(json ? "json" : "text").render(p.gate(), out, RenderOptions.defaults());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                spec.commandLine().getErr().println("Error [LINK_REFUSED]: " + p.gateBlocks().size()
                        + " readiness check(s) block the link (see above); fix them (milink fix) and run again.");
                out.flush();
                return ExitStatus.NOT_READY.code();
            }
            p.earlier().ifPresent(s -> context.warn("continuing an earlier run: " + s.explain()));
            boolean run = apply && !p.plan().refused();
            if (!json) {
                out.print(LinkText.plan(p.plan(), run));
                out.flush();
            }
            if (p.plan().refused()) {
                if (json) {
                    out.print(LinkText.planJson(p.plan(), false, Optional.empty()));
                }
                out.flush();
                spec.commandLine().getErr().println("Error [LINK_REFUSED]: " + p.plan().refusals().size()
                        + " reason(s), nothing was changed: " + p.plan().refusals().getFirst());
                return ExitStatus.NOT_READY.code();
            }
            Optional<LinkRunState> state = Optional.empty();
            if (run) {
                link.remember(target.link());
                state = Optional.of(link.apply(p.plan(), target.link(),
                        LinkText.progress(spec.commandLine().getErr(), context.showsProgress())));
                if (!json) {
                    out.println("Link created: " + p.plan().linkName() + ". Watch it with milink link status.");
                }
            }
            if (json) {
                out.print(LinkText.planJson(p.plan(), run, state));
            }
            out.flush();
            return ExitStatus.READY.code();
        }
    }
}
