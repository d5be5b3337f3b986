// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.network;

import dev.milink.cli.options.CommandBase;
import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.network.allowlist.Allowlist;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code milink network allowlist}: the endpoints to allow when the tools' machine has filtered egress (spec §1.7). */
@Command(name = "allowlist", sortOptions = false)
final class NetworkAllowlistCommand extends CommandBase {

    @Option(names = "--cloud", paramLabel = "CLOUD", defaultValue = "public", descriptionKey = "cloud")
    String cloud;

    @Option(names = "--mi-fqdn", paramLabel = "FQDN", descriptionKey = "allowlist-mi-fqdn")
    String miFqdn;

    @Override
    public Integer call() {
        Allowlist.Cloud c;
        try {
            c = Allowlist.Cloud.fromCliName(cloud);
        } catch (IllegalArgumentException e) {
            throw new MilinkException(CoreError.USAGE, Sentences.end("--cloud: " + e.getMessage()));
        }
        List<Allowlist.Entry> entries = Allowlist.forCloud(c, miFqdn);
        int width = entries.stream().mapToInt(e -> e.value().length()).max().orElse(10);
        PrintWriter out = out();
        out.println("Egress allow-list for " + c.label() + " (the machine running milink, SSMS or the Azure tools):");
        for (Allowlist.Entry e : entries) {
            out.println("  " + e.value() + " ".repeat(width - e.value().length() + 2) + e.purpose());
        }
        out.println("Values from the Azure SDK's environment table for this cloud; confirm against SSMS Tools >"
                + " Options > Azure Services.");
        out.flush();
        return 0;
    }
}
