// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.network;

import dev.milink.cli.options.HelpOption;
import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.network.allowlist.Allowlist;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code milink network allowlist}: the endpoints to allow when the tools' machine has filtered egress (spec §1.7). */
@Command(name = "allowlist", sortOptions = false)
final class NetworkAllowlistCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

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
        PrintWriter out = spec.commandLine().getOut();
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
