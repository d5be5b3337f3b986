// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.network;

import dev.milink.cli.options.CommandBase;
import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.network.diagram.FlowDiagram;
import dev.milink.network.rules.Cidr;
import dev.milink.network.rules.LinkNetwork;
import dev.milink.network.rules.RuleFormat;
import dev.milink.network.rules.RuleSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code milink network rules}: every allow rule the link needs, for the MI subnet NSG (Azure CLI, Azure
 * PowerShell, Bicep), the SQL Server host (Windows, firewalld, ufw, nftables) and a flow table for the firewalls in
 * between. Writes text only; changes nothing. Overlapping ranges are an error (exit 2): no rule can route them.
 */
@Command(name = "rules", sortOptions = false)
final class NetworkRulesCommand extends CommandBase {

    @Option(names = "--sql-server", paramLabel = "IP|CIDR", required = true, split = ",", descriptionKey = "sql-server")
    List<String> sqlServer = new ArrayList<>();

    @Option(names = "--mi-subnet", paramLabel = "CIDR", required = true, descriptionKey = "mi-subnet")
    String miSubnet;

    @Option(names = "--sql-port", paramLabel = "PORT", defaultValue = "5022", descriptionKey = "sql-port")
    int sqlPort;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "all", split = ",", descriptionKey = "format")
    List<String> formats = new ArrayList<>();

    @Option(names = "--resource-group", paramLabel = "RG", descriptionKey = "resource-group")
    String resourceGroup;

    @Option(names = "--nsg-name", paramLabel = "NSG", descriptionKey = "nsg-name")
    String nsgName;

    @Option(names = "--priority", paramLabel = "N", defaultValue = "1000", descriptionKey = "priority")
    int priority;

    @Option(names = "--diagram", paramLabel = "FILE.svg", descriptionKey = "diagram")
    Path diagram;

    @Override
    public Integer call() {
        LinkNetwork network = network(sqlServer, miSubnet, sqlPort);
        List<String> overlaps = network.overlaps();
        if (!overlaps.isEmpty()) {
            throw new MilinkException(CoreError.USAGE, String.join("; ", overlaps) + ". Overlapping address ranges"
                    + " cannot be routed between SQL Server and the managed instance (spec N6): re-address one side,"
                    + " or correct --sql-server / --mi-subnet. No rules written.");
        }
        List<RuleFormat> chosen = formats(formats);
        RuleFormat.Options options;
        try {
            options = new RuleFormat.Options(resourceGroup == null ? RuleFormat.Options.DEFAULT.resourceGroup()
                    : resourceGroup, nsgName == null ? RuleFormat.Options.DEFAULT.nsgName() : nsgName, priority);
        } catch (IllegalArgumentException e) {
            throw new MilinkException(CoreError.USAGE, Sentences.end("--priority: " + e.getMessage()));
        }
        RuleSet rules = RuleSet.of(network);
        PrintWriter out = out();
        boolean headings = chosen.size() > 1;
        for (RuleFormat f : chosen) {
            if (headings) {
                out.println("==== " + f.cliName() + " ====");
            }
            out.print(f.render(rules, options));
            if (headings) {
                out.println();
            }
        }
        out.flush();
        if (diagram != null) {
            try {
                Files.writeString(diagram, FlowDiagram.svg(network), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MilinkException(CoreError.USAGE, "Cannot write the diagram to " + diagram + ": "
                        + e.getMessage() + ".", e);
            }
            err().println("Diagram written to " + diagram);
        }
        return 0;
    }

    /** Validates the ranges, one line per problem. */
    static LinkNetwork network(List<String> sqlServer, String miSubnet, int sqlPort) {
        List<Cidr> sql = new ArrayList<>();
        for (String s : sqlServer) {
            if (!s.isBlank()) {
                sql.add(cidr("--sql-server", s));
            }
        }
        Cidr mi = cidr("--mi-subnet", miSubnet);
        try {
            return new LinkNetwork(sql, mi, sqlPort);
        } catch (IllegalArgumentException e) {
            throw new MilinkException(CoreError.USAGE, Sentences.end("Invalid network: " + e.getMessage()));
        }
    }

    static Cidr cidr(String option, String text) {
        try {
            return Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            throw new MilinkException(CoreError.USAGE, Sentences.end(option + ": " + e.getMessage()));
        }
    }

    private static List<RuleFormat> formats(List<String> names) {
        if (names.stream().anyMatch(n -> n.equalsIgnoreCase("all"))) {
            return Arrays.asList(RuleFormat.values());
        }
        List<RuleFormat> out = new ArrayList<>();
        for (String n : names) {
            try {
                out.add(RuleFormat.fromCliName(n.trim()));
            } catch (IllegalArgumentException e) {
                throw new MilinkException(CoreError.USAGE, "--format: " + e.getMessage() + ", all.");
            }
        }
        return out;
    }
}
