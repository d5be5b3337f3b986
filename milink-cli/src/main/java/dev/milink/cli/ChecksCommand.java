// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.cli.options.HelpOption;
import dev.milink.core.internal.Json;
import dev.milink.core.error.CoreError;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.error.MilinkException;
import dev.milink.core.model.Direction;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code milink checks}: the catalog of checks ({@code list}, {@code explain ID}). */
@Command(name = "checks",
        subcommands = {ChecksListCommand.class, ChecksExplainCommand.class})
final class ChecksCommand {

    @Mixin
    HelpOption help;


    /** Text and JSON are the formats for catalog listings. */
    static boolean json(OutputOptions output) {
        String f = output.formatOr("text").toLowerCase(Locale.ROOT);
        return switch (f) {
            case "text" -> false;
            case "json" -> true;
            default -> throw new MilinkException(CoreError.USAGE,
                    "Unknown output format '" + output.format + "' for this command. Valid formats: text, json.");
        };
    }

    /** "sql-to-mi, mi-to-sql" in enum order. */
    static String directions(CheckMetadata m) {
        return Arrays.stream(Direction.values()).filter(m::appliesTo).map(Direction::cliName)
                .collect(Collectors.joining(", "));
    }

    static ObjectNode toJson(CheckMetadata m) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("id", m.id());
        n.put("title", m.title());
        n.put("area", m.area().name());
        n.put("scope", m.scope().name());
        n.put("severity", m.severity().name());
        ArrayNode directions = n.putArray("directions");
        Arrays.stream(Direction.values()).filter(m::appliesTo).forEach(d -> directions.add(d.cliName()));
        n.put("fixable", m.fixable());
        n.put("since", m.since());
        n.put("docsUrl", m.docsUrl());
        m.aliases().forEach(n.putArray("aliases")::add);
        m.specRefs().forEach(n.putArray("specRefs")::add);
        n.put("rationale", m.rationale());
        return n;
    }
}
