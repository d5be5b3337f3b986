// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.buildref.BuildReference;
import dev.milink.core.buildref.BuildReferences;
import dev.milink.core.check.CheckContext;
import dev.milink.core.error.ErrorCode;
import dev.milink.core.error.MilinkException;
import dev.milink.core.model.Direction;
import dev.milink.report.ReportRenderer;
import dev.milink.sqlserver.connect.Authentication;
import dev.milink.sqlserver.connect.SqlTarget;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code milink check TARGET…}: is this SQL Server ready for the Managed Instance link? Reads, never changes.
 * Binds options (command line over {@code --config}), then hands over to {@link CheckRun} and a renderer.
 */
@Command(name = "check", sortOptions = false)
final class CheckCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    static final int DEFAULT_PARALLEL = 4;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TARGET", arity = "0..*", descriptionKey = "targets")
    List<String> targets = new ArrayList<>();

    @Option(names = "--direction", paramLabel = "DIRECTION", descriptionKey = "direction")
    String direction;

    @Option(names = {"-d", "--database"}, paramLabel = "NAME", descriptionKey = "database")
    List<String> databases = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "LEVEL", descriptionKey = "fail-on")
    FailOn failOn;

    @Option(names = "--config", paramLabel = "FILE", descriptionKey = "config")
    Path config;

    @Option(names = "--mi-fqdn", paramLabel = "FQDN", descriptionKey = "mi-fqdn")
    String miFqdn;

    @Option(names = "--build-reference", paramLabel = "FILE", descriptionKey = "build-reference")
    Path buildReference;

    @Option(names = "--facts", paramLabel = "FILE", descriptionKey = "facts")
    List<Path> facts = new ArrayList<>();

    @Option(names = "--show-skipped", descriptionKey = "show-skipped")
    boolean showSkipped;

    @Option(names = "--parallel", paramLabel = "N", descriptionKey = "parallel")
    Integer parallel;

    @Mixin
    AuthOptions auth;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Mixin
    VerbosityOptions verbosity;

    @Override
    public Integer call() {
        Invocation inv = Invocation.of(spec);
        MilinkConfig cfg = config == null ? MilinkConfig.empty() : MilinkConfig.load(config, inv.env().variables());
        String format = first(output.format, cfg.output(), "text");
        inv.json(format.equalsIgnoreCase("json"));
        ReportRenderer renderer = ReportOutput.renderer(format);
        output.file = first(output.file, cfg.outputFile(), null);
        CheckContext context = context(cfg);
        List<CheckRun.Source> sources = sources(cfg, inv);
        List<String> notes = context.builds().stalenessNote(Clock.systemUTC()).stream().toList();
        CheckRun.Result result = CheckRun.run(sources, parallel(cfg), context,
                databases.isEmpty() ? cfg.databases() : databases, notes);
        result.failures().forEach(f -> inv.warn("not assessed: " + f.getMessage() + " [" + f.code() + "]"));
        ReportOutput.write(result.report(), renderer, output.file, output.color(inv.env()), showSkipped, inv);
        return result.exitCode(failOn != null ? failOn : failOn(cfg));
    }

    private CheckContext context(MilinkConfig cfg) {
        Direction dir;
        try {
            dir = Direction.fromCliName(first(direction, cfg.direction(), Direction.SQL_TO_MI.cliName()));
        } catch (IllegalArgumentException e) {
            throw new MilinkException(ErrorCode.USAGE, "Unknown direction: " + e.getMessage() + ".");
        }
        Path ref = first(buildReference, cfg.buildReference(), null);
        BuildReference builds = ref == null ? BuildReferences.bundled() : BuildReferences.load(ref);
        String fqdn = first(miFqdn, cfg.miFqdn(), null);
        return CheckContext.of(dir, builds).withManagedInstanceFqdn(fqdn);
    }

    /** Live targets (from the command line, else the config), or facts files; never both. */
    private List<CheckRun.Source> sources(MilinkConfig cfg, Invocation inv) {
        List<String> names = targets.isEmpty() ? cfg.targets() : targets;
        if (!facts.isEmpty()) {
            if (!targets.isEmpty()) {
                throw new MilinkException(ErrorCode.USAGE, "Give either TARGETs to connect to or --facts FILE to"
                        + " judge offline, not both.");
            }
            return facts.stream().map(f -> new CheckRun.Source(Collectors.offlineName(f),
                    () -> Collectors.offline(f))).toList();
        }
        if (names.isEmpty()) {
            throw new MilinkException(ErrorCode.USAGE, "No target. Give one or more HOST[,PORT] or HOST\\INSTANCE,"
                    + " 'targets:' in --config FILE, or --facts FILE from 'milink collect-script'.");
        }
        List<SqlTarget> parsed = names.stream().map(SqlTarget::parse).toList();
        Authentication authentication = authentication(cfg, inv);
        connection.trustServerCertificate |= Boolean.TRUE.equals(cfg.trustServerCertificate());
        connection.hostNameInCertificate = first(connection.hostNameInCertificate, cfg.hostNameInCertificate(), null);
        connection.trustStore = first(connection.trustStore, cfg.trustStore(), null);
        connection.warnIfInsecure(inv);
        List<CheckRun.Source> sources = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            var settings = connection.settings(parsed.get(i), authentication, inv);
            sources.add(new CheckRun.Source(parsed.get(i).display(), () -> Collectors.live(settings)));
        }
        return sources;
    }

    private Authentication authentication(MilinkConfig cfg, Invocation inv) {
        AuthMode mode = auth.mode != null ? auth.mode
                : cfg.auth() != null ? AuthMode.fromCliName(cfg.auth()) : AuthMode.SQL;
        return new Credentials(inv).resolve(mode, first(auth.user, cfg.user(), null),
                first(auth.passwordFile, cfg.passwordFile(), null));
    }

    private int parallel(MilinkConfig cfg) {
        int n = parallel != null ? parallel : cfg.parallel() != null ? cfg.parallel() : DEFAULT_PARALLEL;
        if (n < 1) {
            throw new MilinkException(ErrorCode.USAGE, "--parallel must be 1 or more, not " + n + ".");
        }
        return n;
    }

    private static FailOn failOn(MilinkConfig cfg) {
        if (cfg.failOn() == null) {
            return FailOn.BLOCKER;
        }
        try {
            return FailOn.valueOf(cfg.failOn().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MilinkException(ErrorCode.CONFIG_INVALID, "Config file " + cfg.source() + ": 'fail-on' must be"
                    + " blocker or warning, not '" + cfg.failOn() + "'.");
        }
    }

    private static <T> T first(T a, T b, T fallback) {
        return a != null ? a : b != null ? b : fallback;
    }
}
