// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine;

import dev.milink.azure.AzureError;
import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.assess.CheckConfig;
import dev.milink.core.assess.Assessor;
import dev.milink.core.buildref.BuildReference;
import dev.milink.core.buildref.BuildReferences;
import dev.milink.core.catalog.CheckCatalog;
import dev.milink.core.check.Check;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Part;
import dev.milink.azure.AzureError;
import dev.milink.core.error.CoreError;
import dev.milink.core.error.ErrorCode;
import dev.milink.core.fix.FixPlan;
import dev.milink.core.fix.FixPlanner;
import dev.milink.core.fix.FixScripts;
import dev.milink.core.model.Direction;
import dev.milink.core.model.Facts;
import dev.milink.core.model.Input;
import dev.milink.core.model.LinkSettings;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.NetworkFacts;
import dev.milink.core.model.ServerFacts;
import dev.milink.core.error.ExitStatus;
import dev.milink.engine.fix.FixTerminal;
import dev.milink.engine.fix.FixWorkflow;
import dev.milink.network.test.LinkTestOptions;
import dev.milink.report.ReportError;
import dev.milink.network.test.LinkTestReport;
import dev.milink.network.test.LinkTester;
import dev.milink.network.test.TestTarget;
import dev.milink.report.ReportError;
import dev.milink.sqlserver.collect.CollectScript;
import dev.milink.sqlserver.collect.JdbcSqlServerCollector;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlConnector;
import dev.milink.sqlserver.connect.SqlError;
import dev.milink.sqlserver.connect.SqlTarget;
import dev.milink.sqlserver.fix.ApplyOptions;
import dev.milink.sqlserver.fix.FixExecutor;
import dev.milink.sqlserver.fix.FixResult;
import dev.milink.sqlserver.fix.ProgressListener;
import dev.milink.sqlserver.fix.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * This is your starting point: milink as a library. Assess one or many links, plan fixes from the assessment,
 * apply a plan, and test the network between a link's ends; the results are the same model every report renders.
 *
 * <pre>{@code
 * Milink milink = Milink.configure().load();
 * Assessment a = milink.assess(AssessmentRequest.of(List.of(Source.factsFile(Path.of("sql01-facts.txt")))));
 * System.out.println(a.report().verdict() + ", exit " + a.exitStatus().code());
 * List<FixPlan> plans = milink.plan(a, "D:\\Backup");
 * }</pre>
 *
 * <p>An instance is immutable and thread-safe; build it once. Nothing here prints or calls {@code System.exit}:
 * the {@code milink} command line is one client of this class, see {@code docs/library.md}.
 *
 * @since 0.2
 */
public final class Milink {

    private final CheckCatalog catalog;
    private final BuildReference builds;
    private final Clock clock;
    private final CheckConfig checks;
    private final String toolVersion;

    private Milink(Configuration c) {
        this.catalog = c.catalog;
        this.builds = c.builds != null ? c.builds : BuildReferences.bundled();
        this.clock = c.clock;
        this.checks = c.checks;
        this.toolVersion = c.toolVersion != null ? c.toolVersion : version();
    }

    /** Starts a configuration: the standard catalog, the bundled build reference, the system clock. */
    public static Configuration configure() {
        return new Configuration();
    }

    /** Settings of a {@link Milink}; every one has a default. */
    public static final class Configuration {
        private CheckCatalog catalog = CheckCatalog.standard();
        private BuildReference builds;
        private Clock clock = Clock.systemUTC();
        private CheckConfig checks = CheckConfig.NONE;
        private String toolVersion;

        private Configuration() {
        }

        /** The checks to run (default {@link CheckCatalog#standard()}). */
        public Configuration catalog(CheckCatalog c) {
            this.catalog = Objects.requireNonNull(c, "catalog");
            return this;
        }

        /** SQL Server build reference data (default: the bundled file). */
        public Configuration buildReference(BuildReference b) {
            this.builds = Objects.requireNonNull(b, "buildReference");
            return this;
        }

        /** A build reference file in the bundled file's format. */
        public Configuration buildReference(Path file) {
            return buildReference(BuildReferences.load(file));
        }

        /** "Now" for expiry and age rules and report times (default: the system clock, UTC). */
        public Configuration clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * Per-check configuration applied to every link's findings after the checks ran (severity overrides,
         * disabled checks, suppressions with their reason), in assessments, fix runs and the network test alike;
         * default none.
         */
        public Configuration checks(CheckConfig config) {
            this.checks = Objects.requireNonNull(config, "checks");
            return this;
        }

        /** The version reports name (default: this library's). */
        public Configuration toolVersion(String v) {
            this.toolVersion = v;
            return this;
        }

        public Milink load() {
            return new Milink(this);
        }
    }

    /**
     * Reads every source (a live instance, a facts file, your facts), builds one link per instance with the
     * request's settings and managed-instance end, judges each and returns one report. A target that cannot be
     * read is in {@link Assessment#failures()} and the report's notes; the others are still judged.
     *
     * @throws dev.milink.core.error.MilinkException when no target at all could be read (the first error), or a
     *     named database exists on no target (USAGE)
     */
    public Assessment assess(AssessmentRequest request) {
        return CheckRun.run(this, request, context());
    }

    /**
     * The fix plans of an assessment, one per assessed link. {@code backupPath} is where chain-starting full
     * backups and certificate files go, as the SQL Server service sees it; null leaves the sqlcmd variable
     * {@code $(MILINK_BACKUP_DIR)} in the scripts, and milink does not apply those steps itself.
     */
    public List<FixPlan> plan(Assessment assessment, String backupPath) {
        CheckContext context = context().withBackupPath(backupPath);
        List<FixPlan> plans = new ArrayList<>();
        for (Facts link : assessment.links()) {
            plans.add(FixPlanner.plan(link.server().target(), evaluate(link, context), FixPlanner.Options.DEFAULT));
        }
        return plans;
    }

    /**
     * Runs a plan's appliable T-SQL steps on {@code server}, one by one, telling {@code listener} as it goes; stops
     * at the first failing step. The only call in milink that changes a server.
     */
    public FixResult apply(FixPlan plan, ConnectionSettings server, Secrets secrets, ApplyOptions options,
                           ProgressListener listener) {
        return FixExecutor.of(options).apply(plan, server, secrets, listener);
    }

    /**
     * What {@code milink fix} does: collect and check one instance, print the plan to {@code terminal}, write the
     * scripts when asked, and with {@code options.apply()} (confirmed through the terminal) apply it and check
     * again.
     *
     * @return READY after a dry run; after applying FIX_FAILED, CONNECT (not checked again) or the findings' status
     */
    public ExitStatus fix(FixRequest request, FixTerminal terminal) {
        CheckContext context = context().withBackupPath(request.options().backupPath());
        FixWorkflow.Server server = new FixWorkflow.Server() {
            private ConnectionSettings settings;

            private ConnectionSettings settings() {
                if (settings == null) {
                    settings = request.server().get();
                }
                return settings;
            }

            @Override
            public FixWorkflow.Checked check() {
                ServerFacts facts = new JdbcSqlServerCollector().collect(settings());
                Input<ManagedInstanceFacts> mi = request.managedInstance().map(CheckRun::read)
                        .orElse(Input.notGiven(Facts.NO_MANAGED_INSTANCE));
                return new FixWorkflow.Checked(evaluate(new Facts(facts, mi, Input.notGiven(Facts.NO_NETWORK_TEST),
                        request.link()), context), FixScripts.Platform.of(facts));
            }

            @Override
            public FixResult apply(FixPlan plan, Secrets secrets, ApplyOptions options, ProgressListener listener) {
                return LinkFix.apply(plan, request.arm().orElse(null), listener,
                        rest -> Milink.this.apply(rest, settings(), secrets, options, listener),
                        () -> new TdeMigration(this::settings, request.options().tdePfxOut(),
                                secrets.get(TdeMigration.PFX_PASSWORD_VARIABLE).orElse(null)),
                        name -> LinkFix.publicKey(settings(), name));
            }
        };
        return new FixWorkflow(server, terminal, request.options(), clock).run(request.target());
    }

    /**
     * Proves the link's TCP paths in both directions from the link's own ends (temporary SQL Agent jobs, always
     * removed) and judges them with the network checks (MIL-N9). Changes nothing else.
     */
    public NetworkTestResult testNetwork(NetworkTestRequest request) {
        return testNetwork(request, lines -> { });
    }

    /**
     * As {@link #testNetwork(NetworkTestRequest)}; when the process is interrupted (Ctrl-C, SIGTERM) during the
     * test, {@code onInterrupt} gets, from the shutdown hook, what was removed and the T-SQL for anything that
     * could not be.
     */
    public NetworkTestResult testNetwork(NetworkTestRequest request, Consumer<List<String>> onInterrupt) {
        LinkTestOptions options = LinkTestOptions.defaults()
                .withSqlServerAddress(request.sqlServerAddress())
                .withNetwork(request.sqlServerRanges(), request.miSubnet())
                .withTimes(request.jobTimeout(), request.pollInterval(), Duration.ofSeconds(5))
                .withCreateTestEndpoint(request.createTestEndpoint())
                .withControlProbe(request.controlProbe())
                .withTestEndpointPort(request.testEndpointPort());
        SqlTarget sql = request.sqlServer().target();
        SqlTarget mi = request.managedInstance().target();
        LinkTestReport details = new LinkTester(options).withInterruptReport(onInterrupt).run(
                new TestTarget(sql.host(), sql.endpoint(), () -> SqlConnector.open(request.sqlServer())),
                new TestTarget(mi.host(), mi.endpoint(), () -> SqlConnector.open(request.managedInstance())));
        Instant at = clock.instant();
        NetworkFacts facts = details.facts(at);
        Facts link = new Facts(ServerFacts.notCollected(sql.display(), at, "The network test reads no instance"
                + " facts; 'milink check' does."), Input.notGiven(Facts.NO_MANAGED_INSTANCE), Input.of(facts),
                LinkSettings.of(Direction.SQL_TO_MI).withManagedInstanceFqdn(mi.host()));
        // Only the checks that read the network alone: the others would judge facts this run did not read.
        CheckCatalog network = CheckCatalog.of(catalog.checks().stream()
                .filter(c -> c.metadata().needs().equals(java.util.Set.of(Part.NETWORK))).toList());
        List<Finding> findings = checks.apply(Assessor.of(network).evaluate(link, context(),
                Assessor.DatabaseSelection.ALL_USER), today()).findings();
        AssessmentReport report = new AssessmentReport(toolVersion, at, Direction.SQL_TO_MI,
                List.of(sql.display()), findings, List.of());
        return new NetworkTestResult(details, facts, report);
    }

    /**
     * The T-SQL script that collects an instance's facts where milink cannot connect (run it with sqlcmd, pass
     * its output to {@link Source#factsFile}). It only reads.
     */
    public static String collectScript() {
        return CollectScript.text();
    }

    /**
     * Every error code milink can report, from every module, in documentation order: the source of
     * {@code docs/errors.md} and of {@code Error [CODE]} lines.
     */
    public static List<ErrorCode> errorCodes() {
        return Stream.<ErrorCode[]>of(CoreError.values(), SqlError.values(), AzureError.values(), ReportError.values(),
                        dev.milink.core.link.LinkError.values())
                .flatMap(Stream::of).toList();
    }

    /**
     * The link itself, both ends at once: {@code create}, {@code status}, {@code failover}, {@code delete} as
     * plans, applied only by {@link dev.milink.engine.link.LinkOperations#apply}. Connects to SQL Server now; the
     * managed instance is read through {@code arm}. The readiness gate of create uses this facade's checks context.
     *
     * @param stateDir where an interrupted operation's state is kept (owner-only JSON)
     * @since 0.3
     */
    public dev.milink.engine.link.LinkOperations link(dev.milink.sqlserver.connect.ConnectionSettings sqlServer,
                                                      dev.milink.azure.ArmConnection arm, String miResourceId,
                                                      java.nio.file.Path stateDir) {
        return dev.milink.engine.link.LinkOperations.open(sqlServer, arm, miResourceId, stateDir, clock)
                .checkContext(context());
    }

    /** This library's version, e.g. {@code 0.2.0}; "unknown" outside a build. */
    public static String version() {
        try (InputStream in = Milink.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The checks this instance runs. */
    public CheckCatalog catalog() {
        return catalog;
    }

    /** The build reference data, clock and defaults checks are given. */
    public CheckContext context() {
        return CheckContext.of(builds).withClock(clock);
    }

    CheckConfig checks() {
        return checks;
    }

    /** Today in UTC by this instance's clock: when suppressions expire. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    String toolVersion() {
        return toolVersion;
    }

    /** Report-level notes every assessment carries (build reference age). */
    List<String> notes() {
        return builds.stalenessNote(clock).stream().toList();
    }

    /** One link judged with this catalog and the per-check configuration. */
    private List<Finding> evaluate(Facts link, CheckContext context) {
        return checks.apply(Assessor.of(catalog).evaluate(link, context,
                Assessor.DatabaseSelection.of(link.link().databases())), today()).findings();
    }

    /** For callers that hold checks of their own: the standard catalog plus {@code extra}, in that order. */
    public static CheckCatalog standardCatalogWith(List<Check> extra) {
        List<Check> all = new ArrayList<>(CheckCatalog.standard().checks());
        all.addAll(extra);
        return CheckCatalog.of(all);
    }
}
