// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.link;

import dev.milink.cli.auth.AuthContext;
import dev.milink.engine.link.LinkOperations;
import dev.milink.core.error.ExitStatus;
import dev.milink.report.RenderOptions;
import dev.milink.report.ReportRenderers;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code milink link create}: gate, plan (the default), apply with {@code --apply}. */
@Command(name = "create", sortOptions = false, mixinStandardHelpOptions = true)
final class LinkCreateCommand extends LinkChangeCommand {

    @Option(names = "--pause-log-backups", descriptionKey = "pause-log-backups")
    boolean pauseLogBackups;

    @Option(names = "--sql-endpoint-address", paramLabel = "HOST", descriptionKey = "sql-endpoint-address")
    String sqlEndpointAddress;

    @Override
    int run(LinkOperations link, AuthContext context, boolean json) throws IOException {
        String host = sqlEndpointAddress != null ? sqlEndpointAddress : target.sqlTarget().host();
        LinkOperations.CreatePreview p = link.previewCreate(target.link(), pauseLogBackups, host);
        if (!p.gateBlocks().isEmpty()) {
            // The same output as milink check: the readiness report, then the refusal.
            PrintWriter out = out();
            ReportRenderers.byName(json ? "json" : "text").render(p.gate(), out, RenderOptions.defaults());
            err().println("Error [LINK_REFUSED]: " + p.gateBlocks().size()
                    + " readiness check(s) block the link (see above); fix them (milink fix) and run again.");
            out.flush();
            return ExitStatus.NOT_READY.code();
        }
        p.earlier().ifPresent(s -> context.warn("continuing an earlier run: " + s.explain()));
        return show(p.plan(), link, context, json, "Link created: " + p.plan().linkName()
                + ". Watch it with milink link status.");
    }
}
