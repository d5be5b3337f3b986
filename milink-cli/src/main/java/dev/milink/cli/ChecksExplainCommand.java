// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.internal.Json;
import dev.milink.core.catalog.CheckCatalog;
import dev.milink.core.check.CheckMetadata;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code milink checks explain ID}: everything milink knows about one check. */
@Command(name = "explain")
final class ChecksExplainCommand extends MilinkCommand {

    @Parameters(paramLabel = "ID", descriptionKey = "check-id")
    String id;

    @Mixin
    OutputOptions output;

    @Override
    int run(Invocation inv) {
        CheckMetadata m = CheckCatalog.standard().require(id).metadata();
        PrintWriter out = inv.out();
        if (ChecksCommand.json(output)) {
            out.println(Json.pretty(ChecksCommand.toJson(m)));
            return 0;
        }
        out.println(m.id() + "  " + m.title());
        out.println();
        row(out, "Area", m.area().title());
        row(out, "Scope", m.scope().name().toLowerCase(Locale.ROOT));
        row(out, "Severity", m.severity().name());
        row(out, "Directions", ChecksCommand.directions(m));
        row(out, "Fixable", m.fixable() ? "yes: milink can produce a fix script" : "no: the finding explains the manual steps");
        row(out, "Since", m.since());
        if (!m.aliases().isEmpty()) {
            row(out, "Former ids", String.join(", ", m.aliases()));
        }
        row(out, "Microsoft docs", m.docsUrl());
        row(out, "milink docs", "docs/checks/" + m.id() + ".md");
        out.println();
        out.println("Why it matters");
        m.rationale().lines().forEach(paragraph -> wrap(out, paragraph, 98));
        return 0;
    }

    /** Word-wraps one paragraph at {@code width} columns with a two-space indent. */
    private static void wrap(PrintWriter out, String paragraph, int width) {
        StringBuilder line = new StringBuilder("  ");
        for (String word : paragraph.strip().split("\\s+")) {
            if (line.length() > 2 && line.length() + 1 + word.length() > width) {
                out.println(line);
                line.setLength(0);
                line.append("  ");
            }
            line.append(line.length() > 2 ? " " : "").append(word);
        }
        out.println(line);
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("  %-15s %s%n", label + ":", value == null ? "" : value);
    }
}
