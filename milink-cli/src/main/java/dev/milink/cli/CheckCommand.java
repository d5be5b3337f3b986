// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.check.Severity;
import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.engine.Assessment;
import dev.milink.engine.AssessmentRequest;
import dev.milink.engine.Milink;
import dev.milink.engine.Source;
import dev.milink.core.model.LinkSettings;
import dev.milink.report.FleetSummary;
import dev.milink.sqlserver.connect.Authentication;
import dev.milink.sqlserver.connect.SqlTarget;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code milink check TARGET…}: is this SQL Server ready for the Managed Instance link? Reads, never changes.
 * Binds options (command line over {@code --config}), then hands over to {@link Milink#assess} and a renderer.
 */
@Command(name = "check", sortOptions = false)
final class CheckCommand extends MilinkCommand {

    @Parameters(paramLabel = "TARGET", arity = "0..*", descriptionKey = "targets")
    List<String> targets = new ArrayList<>();

    @Mixin
    FailOnOption failOn;

    @Option(names = "--facts", paramLabel = "FILE", descriptionKey = "facts")
    List<Path> facts = new ArrayList<>();

    @Mixin
    ShowSkippedOption showSkipped;

    @Option(names = "--parallel", paramLabel = "N", descriptionKey = "parallel")
    Integer parallel;

    @Mixin
    InventoryOptions inventory;

    @Mixin
    LinkEndsOptions ends;

    @Mixin
    OutputOptions output;

    @Override
    int run(Invocation inv) {
        MilinkConfig cfg = ends.assessment.config(inv);
        ReportOutput report = ReportOutput.chosen(output, showSkipped, cfg, inv);
        Milink milink = ends.assessment.milink(cfg, inv);
        Severity gate = failOn.severity(cfg); // validated before anything is collected or printed
        int n = parallel(cfg);
        inventory.validate();
        LinkSettings link = ends.assessment.link(cfg);
        InventoryOptions.Fleet fleet = inventory.given() ? inventoryFleet(link, cfg, inv)
                : new InventoryOptions.Fleet(sources(cfg, inv), Map.of());
        AssessmentRequest request = AssessmentRequest.of(fleet.sources()).withLink(link)
                .withParallel(n).withFailOn(gate)
                .withListener(ProgressBar.forRun(inv, fleet.sources().size()));
        for (Map.Entry<String, LinkSettings> own : fleet.links().entrySet()) {
            request = request.withLinkFor(own.getKey(), own.getValue());
        }
        AzureTargetOptions.ManagedInstance mi = ends.managedInstance(cfg, inv);
        if (mi.given()) {
            request = request.withManagedInstance(mi.source()::read);
        }
        request = ends.azure.perRow(request, fleet.managedInstances(), mi, Clock.systemUTC());
        Assessment result = milink.assess(request);
        String preamble = fleet.sources().size() >= 2 && report.text()
                ? FleetSummary.of(result.report(), notAssessed(result)).text() : "";
        return report.write(result, preamble);
    }

    private InventoryOptions.Fleet inventoryFleet(LinkSettings link, MilinkConfig cfg, Invocation inv) {
        if (!targets.isEmpty() || !facts.isEmpty()) {
            throw new MilinkException(CoreError.USAGE, "Give either --inventory or TARGETs / --facts, not both.");
        }
        Authentication[] runAuth = new Authentication[1];
        return inventory.read(link, () -> {
            if (runAuth[0] == null) {
                runAuth[0] = ends.signIn(cfg, inv);
            }
            return runAuth[0];
        }, ends.auth, cfg, c -> ends.settings(c.target(), c.authentication(), inv), inv);
    }

    private static Map<String, String> notAssessed(Assessment result) {
        Map<String, String> m = new LinkedHashMap<>();
        result.failures().forEach(f -> m.put(f.target(), f.error().getMessage() + " [" + f.error().code() + "]"));
        return m;
    }

    /** Live targets (from the command line, else the config), or facts files; never both. */
    private List<Source> sources(MilinkConfig cfg, Invocation inv) {
        List<String> names = targets.isEmpty() ? cfg.targets() : targets;
        if (!facts.isEmpty()) {
            if (!targets.isEmpty()) {
                throw new MilinkException(CoreError.USAGE, "Give either TARGETs to connect to or --facts FILE to"
                        + " judge offline, not both.");
            }
            return facts.stream().map(f -> f.toAbsolutePath().normalize()).distinct().map(Source::factsFile)
                    .toList();
        }
        if (names.isEmpty()) {
            throw new MilinkException(CoreError.USAGE, "No target. Give one or more HOST[,PORT] or HOST\\INSTANCE,"
                    + " 'targets:' in --config FILE, or --facts FILE from 'milink collect-script'.");
        }
        ends.connection.validate();
        List<SqlTarget> parsed = distinct(names.stream().map(SqlTarget::parse).toList(), inv);
        Authentication authentication = ends.signIn(cfg, inv);
        List<Source> sources = new ArrayList<>();
        for (SqlTarget t : parsed) {
            sources.add(new Source.Live(t.display(), ends.settings(t, authentication, inv)));
        }
        return sources;
    }

    /** Each instance once, however often it was named (same host, case-insensitive, and same port or instance). */
    private static List<SqlTarget> distinct(List<SqlTarget> targets, Invocation inv) {
        java.util.Map<String, SqlTarget> seen = new java.util.LinkedHashMap<>();
        List<String> repeated = new ArrayList<>();
        for (SqlTarget t : targets) {
            String key = t.endpoint().toLowerCase(Locale.ROOT);
            if (seen.putIfAbsent(key, t) != null && !repeated.contains(t.display())) {
                repeated.add(t.display());
            }
        }
        if (!repeated.isEmpty()) {
            inv.warn("named more than once, assessed once: " + String.join(", ", repeated) + ".");
        }
        return List.copyOf(seen.values());
    }

    private int parallel(MilinkConfig cfg) {
        int n = parallel != null ? parallel : cfg.parallel() != null ? cfg.parallel()
                : AssessmentRequest.DEFAULT_PARALLEL;
        if (n < 1) {
            throw new MilinkException(CoreError.USAGE, "--parallel must be 1 or more, not " + n + ".");
        }
        return n;
    }

}
