// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.link;

import dev.milink.azure.ArmConnection;
import dev.milink.azure.AzureCollector;
import dev.milink.azure.fix.ArmFixExecutor;
import dev.milink.azure.link.ArmLinkEnd;
import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.assess.Assessor;
import dev.milink.core.catalog.CheckCatalog;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.Finding;
import dev.milink.core.link.CreateOptions;
import dev.milink.core.link.CreatePlanner;
import dev.milink.core.link.DeletePlanner;
import dev.milink.core.link.FailoverPlanner;
import dev.milink.core.link.LinkContext;
import dev.milink.core.link.LinkHealth;
import dev.milink.core.link.LinkNames;
import dev.milink.core.link.LinkObservation;
import dev.milink.core.link.LinkPlan;
import dev.milink.core.link.LinkRunState;
import dev.milink.core.link.LinkRunner;
import dev.milink.core.link.LinkStep;
import dev.milink.core.link.LogBackupJobs;
import dev.milink.core.model.Facts;
import dev.milink.core.model.Input;
import dev.milink.core.model.LinkSettings;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ServerFacts;
import dev.milink.core.model.SqlVersion;
import dev.milink.sqlserver.collect.JdbcSqlServerCollector;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlConnector;
import dev.milink.sqlserver.link.LinkStateFile;
import dev.milink.sqlserver.link.SqlLinkEnd;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The link commands as a library: {@code create}, {@code status}, {@code failover} and {@code delete} on both
 * ends at once. Every operation plans first ({@link LinkPlan}, nothing changed); {@link #apply} is the only method
 * that changes anything, through {@link LinkRunner}.
 *
 * <pre>
 * try (LinkOperations link = LinkOperations.open(sqlSettings, arm, miResourceId, Path.of(".milink"))) {
 *     LinkOperations.CreatePreview p = link.previewCreate(LinkSettings.of(Direction.SQL_TO_MI)
 *             .withDatabases(List.of("Sales")), false, "10.1.0.4");
 *     if (p.gateBlocks().isEmpty() &amp;&amp; !p.plan().refused()) link.apply(p.plan(), progress);
 * }
 * </pre>
 *
 * @since 0.3
 */
public final class LinkOperations implements AutoCloseable {

    /** What create would do: the readiness gate's report, the plan, and what an earlier run left. */
    public record CreatePreview(AssessmentReport gate, LinkPlan plan, Optional<LinkRunState> earlier) {
        /** The blocking findings of the gate; any one stops create (no --force). */
        public List<Finding> gateBlocks() {
            return gate.findings().stream().filter(Finding::isBlocking).toList();
        }
    }

    /** Both ends of every link, judged; plus what an unfinished operation left behind. */
    public record Status(List<LinkObservation> links, List<Finding> findings, Optional<LinkRunState> saved) {}

    private final ConnectionSettings sqlSettings;
    private final Connection connection;
    private final SqlLinkEnd sql;
    private final ArmConnection arm;
    private final ArmLinkEnd mi;
    private final String miResourceId;
    private final Path stateDir;
    private final Clock clock;
    private LinkRunner.Waiting waiting = LinkRunner.Waiting.every(Duration.ofSeconds(10), Duration.ofHours(6 * 24));
    private Duration certificateWarning = Duration.ofDays(30);
    private CheckContext checkContext;

    private LinkOperations(ConnectionSettings sqlSettings, Connection connection, ArmConnection arm,
                           String miResourceId, Path stateDir, Clock clock) {
        this.sqlSettings = sqlSettings;
        this.connection = connection;
        this.sql = new SqlLinkEnd(connection, sqlSettings.target().endpoint());
        this.arm = arm;
        this.mi = new ArmLinkEnd(arm, miResourceId, CreateOptions.API_VERSION, ArmFixExecutor.Progress.NONE);
        this.miResourceId = miResourceId;
        this.stateDir = stateDir;
        this.clock = clock;
        this.checkContext = CheckContext.of(dev.milink.core.buildref.BuildReferences.bundled()).withClock(clock);
    }

    /** Connects to SQL Server; the ARM connection is the caller's (signed in lazily on first use). */
    public static LinkOperations open(ConnectionSettings sqlSettings, ArmConnection arm, String miResourceId,
                                      Path stateDir, Clock clock) {
        return new LinkOperations(sqlSettings, SqlConnector.open(sqlSettings), arm, miResourceId, stateDir, clock);
    }

    /** How long and how often to observe while waiting for seeding or LSNs. */
    public LinkOperations waiting(LinkRunner.Waiting w) {
        this.waiting = w;
        return this;
    }

    /** The readiness checks' settings for the gate (certificate warning, backup path, ...). */
    public LinkOperations checkContext(CheckContext c) {
        this.checkContext = c;
        this.certificateWarning = c.certificateExpiryWarning();
        return this;
    }

    /** Reads both ends, runs the readiness gate for the link's databases and plans create. Changes nothing. */
    public CreatePreview previewCreate(LinkSettings link, boolean pauseLogBackups, String sqlEndpointHost) {
        ServerFacts server = new JdbcSqlServerCollector(clock).collect(sqlSettings);
        ManagedInstanceFacts miFacts = new AzureCollector(arm, clock).collect(miResourceId);
        Facts facts = Facts.of(server, link).withManagedInstance(Input.of(miFacts));
        AssessmentReport gate = gate(facts);
        LinkStateFile state = stateFile(link);
        Optional<LinkRunState> earlier = state.load().filter(s -> s.operation().equals("create") && !s.finished());
        CreateOptions options = new CreateOptions(LogBackupJobs.find(sql.jobSteps()), pauseLogBackups,
                sqlEndpointHost).withPausedEarlier(new HashSet<>(earlier.map(LinkRunState::pausedJobs)
                .orElse(List.of())));
        return new CreatePreview(gate, CreatePlanner.plan(facts, options), earlier);
    }

    private AssessmentReport gate(Facts facts) {
        Assessor assessor = Assessor.of(CheckCatalog.standard());
        List<Finding> findings = assessor.evaluate(facts, checkContext,
                Assessor.DatabaseSelection.of(facts.link().databases()));
        return new AssessmentReport("link create", clock.instant(), facts.direction(),
                List.of(sqlSettings.target().endpoint(), miResourceId), findings, List.of());
    }

    /** Both ends of each database's link, judged as MIL-L findings. */
    public Status status(LinkSettings link) {
        List<LinkObservation> seen = observe(names(link));
        return new Status(seen, LinkHealth.evaluate(seen, clock.instant(), certificateWarning),
                stateFile(link).load().filter(s -> !s.finished() || !s.pausedJobs().isEmpty()));
    }

    public LinkPlan planFailover(LinkSettings link, FailoverPlanner.Mode mode, boolean allowDataLoss, boolean tsql) {
        return FailoverPlanner.plan(context(link), mode, allowDataLoss, tsql);
    }

    /**
     * Plans the resolution of split brain: a safety backup of the end given up (a log backup into
     * {@code backupDirectory} on SQL Server, or a point-in-time copy on the managed instance), then that end becomes
     * the secondary. Changes nothing.
     *
     * @param backupDirectory where SQL Server writes its safety log backup (needed when {@code keep} is the MI)
     */
    public LinkPlan planSplitBrainResolution(LinkSettings link, LinkStep.End keep, Optional<String> backupDirectory) {
        String location = miInstance().map(ManagedInstanceFacts.ManagedInstance::location).orElse(null);
        return FailoverPlanner.resolveSplitBrain(context(link), keep,
                new FailoverPlanner.SplitBrainOptions(backupDirectory, location, clock.instant()));
    }

    public LinkPlan planDelete(LinkSettings link, boolean dropAvailabilityGroup) {
        return DeletePlanner.plan(context(link), dropAvailabilityGroup);
    }

    /**
     * Applies a plan (the only method that changes anything), continuing a saved state of the same operation.
     * Log-backup jobs the run disabled are enabled again when it fails and, through a shutdown hook, on Ctrl-C or
     * SIGTERM; after a crash the saved state lets the next run enable them.
     */
    public LinkRunState apply(LinkPlan plan, LinkSettings link, LinkRunner.Progress progress) {
        LinkStateFile state = stateFile(link);
        LinkRunState start = state.load().filter(s -> s.operation().equals(plan.operation()) && !s.finished())
                .orElse(LinkRunState.start(plan.operation(), plan.linkName(), clock.instant()));
        LinkRunner runner = new LinkRunner(sqlSide(), mi, this::observeByName, state, progress, waiting, clock);
        Thread hook = new Thread(() -> resumeIfSafe(runner, state, plan), "milink-link-resume-jobs");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            LinkRunState done = runner.run(plan, start);
            state.delete();
            return done;
        } catch (RuntimeException e) {
            resumeIfSafe(runner, state, plan);
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
    }

    /**
     * After a failure or on Ctrl-C/SIGTERM: enables the log-backup jobs a run disabled, unless a link is still
     * seeding. Enabling them then would let the next log backup break the seeding (1408/1412), so they stay
     * disabled, the saved state keeps them, and the next run of the same command enables them once seeding ended.
     */
    private void resumeIfSafe(LinkRunner runner, LinkStateFile state, LinkPlan plan) {
        Optional<LinkRunState> saved = state.load().filter(s -> !s.pausedJobs().isEmpty());
        if (saved.isEmpty()) {
            return;
        }
        boolean seeding;
        try {
            seeding = observeByName(java.util.Arrays.asList(plan.linkName().split(", "))).stream()
                    .anyMatch(LinkOperations::stillSeeding);
        } catch (RuntimeException unreadable) {
            seeding = true;   // cannot tell: keeping them disabled is the safe side
        }
        if (seeding) {
            notices.accept("The log-backup jobs " + String.join(", ", saved.get().pausedJobs()) + " stay disabled: the "
                    + "link is still seeding and a log backup now would break it (1408/1412). Rerun the same "
                    + "milink link create to follow the seeding; it enables them when seeding ends.");
            return;
        }
        runner.resumePausedJobs(saved.get(), plan);
        notices.accept("The log-backup jobs milink disabled are enabled again.");
    }

    private static boolean stillSeeding(LinkObservation o) {
        Optional<LinkObservation.End> m = o.managedInstance();
        if (m.isEmpty()) {
            return false;
        }
        boolean failed = m.get().state() != null && m.get().state().contains("Error");
        return !failed && (m.get().seeding().isPresent() || o.sqlServer().flatMap(LinkObservation.End::seeding)
                .isPresent() || "CreatingLink".equalsIgnoreCase(m.get().state()));
    }

    private java.util.function.Consumer<String> notices = n -> { };

    /** Where warnings go that the caller must show (e.g. jobs left disabled while seeding runs). */
    public LinkOperations onNotice(java.util.function.Consumer<String> sink) {
        this.notices = sink;
        return this;
    }

    /** The saved state file of a link between these two ends. */
    public LinkStateFile stateFile(LinkSettings link) {
        return LinkStateFile.forLink(stateDir, sqlSettings.target().endpoint(), miResourceId,
                String.join(",", names(link).stream().map(LinkNames::linkName).toList()));
    }

    private LinkRunner.SqlServerSide sqlSide() {
        return new LinkRunner.SqlServerSide() {
            @Override
            public void execute(String tsql) {
                sql.execute(tsql);
            }

            @Override
            public void setJobsEnabled(List<String> jobIds, boolean enabled) {
                sql.setJobsEnabled(jobIds, enabled);
            }
        };
    }

    private List<LinkNames> names(LinkSettings link) {
        boolean several = link.databases().size() > 1;
        return link.databases().stream().map(d -> LinkNames.of(d, link.linkName().orElse(null), several)).toList();
    }

    private LinkContext context(LinkSettings link) {
        SqlVersion version = sqlVersion();
        List<LinkContext.Link> links = new ArrayList<>();
        for (LinkNames n : names(link)) {
            links.add(new LinkContext.Link(n, observe(n)));
        }
        return new LinkContext(links, version, miResourceId, CreateOptions.API_VERSION);
    }

    private List<LinkObservation> observe(List<LinkNames> names) {
        return names.stream().map(this::observe).toList();
    }

    private LinkObservation observe(LinkNames n) {
        String fqdn = miFqdn();
        return new LinkObservation(n.linkName(), n.database(), sql.observe(n, fqdn, clock.instant()), mi.observe(n),
                clock.instant());
    }

    private List<LinkObservation> observeByName(List<String> linkNames) {
        List<LinkObservation> out = new ArrayList<>();
        for (String name : linkNames) {
            out.add(observe(linkNamesFor(name)));
        }
        return out;
    }

    private final java.util.Map<String, LinkNames> known = new java.util.concurrent.ConcurrentHashMap<>();

    private LinkNames linkNamesFor(String name) {
        LinkNames n = known.get(name);
        if (n == null) {
            throw new IllegalStateException("unknown link " + name);
        }
        return n;
    }

    /** Remembers the names of the links the next apply waits for. */
    public LinkOperations remember(LinkSettings link) {
        names(link).forEach(n -> known.put(n.linkName(), n));
        return this;
    }

    private Optional<ManagedInstanceFacts.ManagedInstance> instanceCache;

    private Optional<ManagedInstanceFacts.ManagedInstance> miInstance() {
        if (instanceCache == null) {
            instanceCache = new AzureCollector(arm, clock).collect(miResourceId).instance().asOptional();
        }
        return instanceCache;
    }

    private String miFqdn() {
        return miInstance().map(ManagedInstanceFacts.ManagedInstance::fullyQualifiedDomainName).orElse("");
    }

    private SqlVersion sqlVersion() {
        return new JdbcSqlServerCollector(clock).collect(sqlSettings).product().asOptional()
                .map(ServerFacts.Product::version).orElse(SqlVersion.parse("16.0.0.0"));
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing a connection that failed: nothing left to do
        }
    }
}
