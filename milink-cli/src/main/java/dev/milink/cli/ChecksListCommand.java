// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.internal.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.milink.core.check.Check;
import dev.milink.core.catalog.CheckCatalog;
import dev.milink.core.check.CheckMetadata;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code milink checks list}: one line per check (id, area, severity, directions, title), or JSON. */
@Command(name = "list")
final class ChecksListCommand extends MilinkCommand {

    @Mixin
    OutputOptions output;

    @Override
    int run(Invocation inv) {
        PrintWriter out = inv.out();
        List<CheckMetadata> checks = CheckCatalog.standard().checks().stream().map(Check::metadata).toList();
        if (ChecksCommand.json(output)) {
            ArrayNode list = Json.mapper().createArrayNode();
            checks.forEach(m -> list.add(ChecksCommand.toJson(m)));
            out.println(Json.pretty(list));
            return 0;
        }
        int idWidth = Math.max(2, checks.stream().mapToInt(m -> m.id().length()).max().orElse(2));
        String row = "%-" + idWidth + "s  %-12s  %-8s  %-20s  %s%n";
        out.printf(row, "ID", "AREA", "SEVERITY", "DIRECTIONS", "TITLE");
        for (CheckMetadata m : checks) {
            out.printf(row, m.id(), m.area().name().toLowerCase(java.util.Locale.ROOT), m.severity(),
                    ChecksCommand.directions(m), m.title());
        }
        out.printf("%n%d checks. Details: milink checks explain ID (or docs/checks/ID.md).%n", checks.size());
        return 0;
    }
}
