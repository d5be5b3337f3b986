// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.link;

import dev.milink.sandbox.link.LinkSide.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Managed Instance link as both stand-ins see it: the SQL Server's distributed availability group (declared by
 * T-SQL in the catalog engine) and the MI's {@code distributedAvailabilityGroups} resource (declared by the ARM
 * stand-in) meet here, so both ends always report the same roles, seeding progress, LSNs and errors.
 *
 * <p>Time does not pass on its own: the simulation moves one <em>step</em> per round trip that observes it (a SQL
 * batch on the sandbox SQL Server, an ARM request on a link), or when a test calls {@link #advance(int)}. Nothing
 * depends on the wall clock, so tests need no sleeps; the timestamps the views show are {@code settings.start()}
 * plus {@code step × settings.stepDuration()}.
 *
 * <pre>{@code
 * try (SandboxEstate estate = SandboxEstate.start(AzureScenarios.load("prepared-2022"))) {
 *     LinkSimulation link = estate.link();
 *     // … CREATE AVAILABILITY GROUP … through JDBC, PUT …/distributedAvailabilityGroups/DAG_SalesDB through azure-core …
 *     link.advance(10);
 *     assertThat(link.link("DAG_SalesDB").orElseThrow().database("SalesDB").seeding()).isEqualTo(Seeding.COMPLETED);
 * }
 * }</pre>
 *
 * <p>Thread-safe: every method synchronizes on the simulation; it never calls out while holding its lock.
 *
 * @since 0.1.0
 */
public final class LinkSimulation {
    /** The first LSN of a linked database: VLF 42, block 128, slot 1 (42000000012800001). */
    static final long FIRST_BLOCK = 128;

    /**
     * How the simulation moves.
     *
     * @param seedingSteps steps an automatic seeding takes from 0 to the database size
     * @param connectTimeoutSteps steps the MI waits for the SQL Server's DAG before the link fails (41962); the real
     *                            service waits 5 minutes
     * @param firstMiBackupAfterSteps steps after the MI first becomes primary for a database until its first full
     *                                backup exists
     * @param stepsPerRoundTrip steps each observing round trip advances (0 = only {@link #advance})
     * @param logBlocksPerStep log blocks the workload writes on the primary per step
     * @param start the time of step 0
     * @param stepDuration simulated time per step
     */
    public record Settings(int seedingSteps, int connectTimeoutSteps, int firstMiBackupAfterSteps,
                           int stepsPerRoundTrip, int logBlocksPerStep, Instant start, Duration stepDuration) {
        public Settings {
            if (seedingSteps < 1 || connectTimeoutSteps < 1 || firstMiBackupAfterSteps < 0 || stepsPerRoundTrip < 0
                    || logBlocksPerStep < 1) {
                throw new IllegalArgumentException("invalid link simulation settings");
            }
        }

        public static Settings defaults() {
            return new Settings(5, 12, 3, 1, 8, Instant.parse("2024-07-21T08:00:00Z"), Duration.ofSeconds(10));
        }

        public Settings withStepsPerRoundTrip(int steps) {
            return new Settings(seedingSteps, connectTimeoutSteps, firstMiBackupAfterSteps, steps, logBlocksPerStep,
                    start, stepDuration);
        }
    }

    /**
     * The answer to a role change or failover: done, or refused with the error each end reports.
     *
     * @param ok whether it was done
     * @param sqlError the SQL Server error number (T-SQL form)
     * @param armCode the ARM error code (REST form)
     * @param message the message
     */
    public record Outcome(boolean ok, int sqlError, String armCode, String message) {
        public static final Outcome OK = new Outcome(true, 0, null, null);

        static Outcome refused(int sqlError, String armCode, String message) {
            return new Outcome(false, sqlError, armCode, message);
        }
    }

    private final Settings settings;
    private final Map<String, LinkRecord> links = new LinkedHashMap<>();
    private final Set<String> scheduledLogBackups = new LinkedHashSet<>();
    private final List<String> scheduledBackupsTaken = new ArrayList<>();
    private long step;
    private boolean workload = true;
    private boolean autoAdvance = true;
    private String sqlEndpointCertificate;
    private Set<String> sqlCertificates;
    private String miEndpointCertificate;
    private Set<String> miTrustedCertificates;

    public LinkSimulation(Settings settings) {
        this.settings = settings;
    }

    public LinkSimulation() {
        this(Settings.defaults());
    }

    public Settings settings() {
        return settings;
    }

    // ---- observation and time ----

    /** The number of steps so far. */
    public synchronized long step() {
        return step;
    }

    /** The simulated time now. */
    public synchronized Instant now() {
        return time(step);
    }

    Instant time(long atStep) {
        return settings.start().plus(settings.stepDuration().multipliedBy(atStep));
    }

    /** One observing round trip at either end: advances {@code stepsPerRoundTrip} steps when links exist. */
    public synchronized void roundTrip() {
        if (autoAdvance && !links.isEmpty()) {
            advance(settings.stepsPerRoundTrip());
        }
    }

    /** Moves the simulation on by {@code steps} steps. */
    public synchronized void advance(int steps) {
        for (int i = 0; i < steps; i++) {
            step++;
            for (LinkRecord l : links.values()) {
                l.step(this, step);
            }
        }
    }

    /** With false, round trips no longer advance the simulation; only {@link #advance} does. */
    public synchronized void setAutoAdvance(boolean on) {
        this.autoAdvance = on;
    }

    /** Whether the application keeps writing on the primary (LSNs advance each step). Default: on. */
    public synchronized void setWorkload(boolean running) {
        this.workload = running;
    }

    synchronized boolean workload() {
        return workload;
    }

    // ---- reads ----

    /** Whether no link exists (neither end declared one). */
    public synchronized boolean isEmpty() {
        return links.isEmpty();
    }

    /** A snapshot of the link (the distributed AG) with this name, if either end declared it. */
    public synchronized Optional<LinkState> link(String name) {
        LinkRecord l = links.get(key(name));
        return l == null ? Optional.empty() : Optional.of(l.snapshot(this));
    }

    /** Snapshots of every link, in creation order. */
    public synchronized List<LinkState> links() {
        return links.values().stream().map(l -> l.snapshot(this)).toList();
    }

    /** The link (if any) that replicates this database. */
    public synchronized Optional<LinkState> linkOf(String database) {
        return links.values().stream().filter(l -> l.db(database) != null).findFirst().map(l -> l.snapshot(this));
    }

    // ---- the SQL Server end ----

    /** {@code CREATE AVAILABILITY GROUP … WITH (DISTRIBUTED)} on the SQL Server. */
    public synchronized void sqlCreated(LinkSide.Sql sql) {
        LinkRecord l = links.computeIfAbsent(key(sql.dagName()), k -> new LinkRecord(sql.dagName(), step));
        l.sql = sql;
        l.sqlRole = l.sqlRole == null ? sql.initialRole() : l.sqlRole;
        l.sqlSync = false;
        l.sqlCreatedStep = step;
    }

    /** {@code DROP AVAILABILITY GROUP [dag]} on the SQL Server. */
    public synchronized void sqlDropped(String dag) {
        endDropped(dag, l -> l.sql = null);
    }

    /** {@code ALTER AVAILABILITY GROUP [dag] MODIFY AVAILABILITY GROUP ON …}: whether both members commit synchronously. */
    public synchronized void sqlCommitMode(String dag, boolean synchronous) {
        ifLink(dag, l -> l.sqlSync = synchronous);
    }

    /** {@code ALTER AVAILABILITY GROUP [ag] GRANT CREATE ANY DATABASE} on the SQL Server's AG. */
    public synchronized void sqlGrantCreateAnyDatabase(String ag) {
        for (LinkRecord l : links.values()) {
            if (l.sql != null && l.sql.localAg().equalsIgnoreCase(ag)) {
                LinkSide.Sql s = l.sql;
                l.sql = new LinkSide.Sql(s.dagName(), s.localAg(), s.remoteAg(), s.localListenerUrl(),
                        s.remoteListenerUrl(), s.databases(), s.databaseSizes(), s.initialRole(), true);
            }
        }
    }

    /** {@code ALTER AVAILABILITY GROUP [dag] FAILOVER} on the SQL Server (planned, SQL Server 2022 CU13+). */
    public synchronized Outcome sqlFailover(String dag) {
        return withLink(dag, l -> l.plannedFailover(this, End.SQL_SERVER));
    }

    /** {@code ALTER AVAILABILITY GROUP [dag] FORCE_FAILOVER_ALLOW_DATA_LOSS} on the SQL Server. */
    public synchronized Outcome sqlForceFailover(String dag) {
        return withLink(dag, l -> l.forceFailover(this, End.SQL_SERVER));
    }

    /** {@code ALTER AVAILABILITY GROUP [dag] SET (ROLE = SECONDARY)} on the SQL Server. */
    public synchronized Outcome sqlSetSecondary(String dag) {
        return withLink(dag, l -> l.setSecondary(this, End.SQL_SERVER, false));
    }

    /**
     * A log backup (not COPY_ONLY) of a database on the SQL Server. When the SQL Server is the seeding source, the
     * seeding ends in error 1412 instead of completing, as the log the MI needed was truncated.
     */
    public synchronized void sqlLogBackup(String database) {
        for (LinkRecord l : links.values()) {
            LinkDatabase d = l.db(database);
            if (d != null && d.seeding == Seeding.SEEDING && l.sourceEnd() == End.SQL_SERVER) {
                d.logTruncated = true;
            }
        }
    }

    /**
     * The databases an enabled, scheduled SQL Agent job backs up the log of (the catalog engine reports them). Such
     * a job runs once while a database seeds, halfway through, and breaks the seeding like {@link #sqlLogBackup}.
     */
    public synchronized void setScheduledLogBackups(Set<String> databases) {
        scheduledLogBackups.clear();
        databases.forEach(d -> scheduledLogBackups.add(key(d)));
    }

    synchronized boolean scheduledLogBackup(String database) {
        return scheduledLogBackups.contains(key(database));
    }

    synchronized void scheduledBackupTaken(String database) {
        scheduledBackupsTaken.add(database);
    }

    /** The scheduled log backups the simulation ran since the last call (the catalog engine records them in msdb). */
    public synchronized List<String> drainScheduledBackupsTaken() {
        List<String> out = List.copyOf(scheduledBackupsTaken);
        scheduledBackupsTaken.clear();
        return out;
    }

    /** The SQL Server's certificates (DER hex): the one its mirroring endpoint uses, and all in master. */
    public synchronized void reportSqlCertificates(String endpointCertificate, Set<String> certificates) {
        this.sqlEndpointCertificate = upper(endpointCertificate);
        this.sqlCertificates = certificates.stream().map(LinkSimulation::upper).collect(
                java.util.stream.Collectors.toSet());
    }

    // ---- the Managed Instance end ----

    /** The ARM PUT of {@code distributedAvailabilityGroups/{name}} was accepted. */
    public synchronized void miCreated(LinkSide.Mi mi) {
        LinkRecord l = links.computeIfAbsent(key(mi.dagName()), k -> new LinkRecord(mi.dagName(), step));
        l.mi = mi;
        l.miRole = l.miRole == null ? mi.initialRole() : l.miRole;
        l.miSync = false;
        l.miCreatedStep = step;
        l.error = 0;
    }

    /** The ARM DELETE of the link. The MI keeps its databases. */
    public synchronized void miDeleted(String dag) {
        endDropped(dag, l -> {
            l.mi = null;
            l.error = 0;
        });
    }

    /** PATCH {@code replicationMode}: Sync or Async. */
    public synchronized void miReplicationMode(String dag, boolean synchronous) {
        ifLink(dag, l -> l.miSync = synchronous);
    }

    /** POST …/failover: Planned (the MI switches to synchronous commit itself and waits) or ForcedAllowDataLoss. */
    public synchronized Outcome miFailover(String dag, boolean forced) {
        return withLink(dag, l -> forced ? l.forceFailover(this, End.MANAGED_INSTANCE)
                : l.plannedFailover(this, End.MANAGED_INSTANCE));
    }

    /** POST …/setRole. */
    public synchronized Outcome miSetRole(String dag, Role role, boolean forced) {
        return withLink(dag, l -> {
            if (l.miRole == role) {
                return Outcome.refused(0, "DistributedAvailabilityGroupSetRoleInstanceAlreadyInRequestedRole",
                        "The instance is already in the requested role " + cap(role) + ".");
            }
            if (role == Role.PRIMARY) {
                return forced ? l.forceFailover(this, End.MANAGED_INSTANCE) : Outcome.refused(0,
                        "DistributedAvailabilityGroupSetRolePrimaryPlannedNotSupported",
                        "Planned role change to Primary is not supported; use the failover action.");
            }
            return l.setSecondary(this, End.MANAGED_INSTANCE, forced);
        });
    }

    /** The MI's certificates (DER hex): its endpoint certificate and the server trust certificates. */
    public synchronized void reportMiCertificates(String endpointCertificate, Set<String> trusted) {
        this.miEndpointCertificate = upper(endpointCertificate);
        this.miTrustedCertificates = trusted.stream().map(LinkSimulation::upper).collect(
                java.util.stream.Collectors.toSet());
    }

    /** The DER hex (upper case) of the SQL Server's mirroring endpoint certificate, as last reported, or null. */
    public synchronized String sqlEndpointCertificate() {
        return sqlEndpointCertificate;
    }

    /** 41973 when the MI does not trust the SQL Server's endpoint certificate, 41974 the other way, else 0. */
    synchronized int trustError() {
        if (sqlEndpointCertificate != null && miTrustedCertificates != null
                && !miTrustedCertificates.contains(sqlEndpointCertificate)) {
            return 41973;
        }
        if (miEndpointCertificate != null && sqlCertificates != null && !sqlCertificates.contains(miEndpointCertificate)) {
            return 41974;
        }
        return 0;
    }

    // ---- helpers ----

    /** Which end of the link. */
    public enum End { SQL_SERVER, MANAGED_INSTANCE }

    /** Automatic seeding of one database. */
    public enum Seeding { NOT_STARTED, SEEDING, COMPLETED, FAILED }

    /** Changes the link when there is one: a statement about a link the simulation never saw changes nothing. */
    private void ifLink(String dag, Consumer<LinkRecord> change) {
        LinkRecord l = links.get(key(dag));
        if (l != null) {
            change.accept(l);
        }
    }

    /** One end dropped the link ({@code forgetEnd} clears it): disconnected, and forgotten once no end declares it. */
    private void endDropped(String dag, Consumer<LinkRecord> forgetEnd) {
        ifLink(dag, l -> {
            forgetEnd.accept(l);
            l.disconnect();
            if (l.sql == null && l.mi == null) {
                links.remove(key(dag));
            }
        });
    }

    private Outcome withLink(String dag, java.util.function.Function<LinkRecord, Outcome> action) {
        LinkRecord l = links.get(key(dag));
        if (l == null) {
            return Outcome.refused(15151, "ResourceNotFound", "The distributed availability group '" + dag
                    + "' does not exist.");
        }
        return action.apply(l);
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    static String cap(Role r) {
        return r == Role.PRIMARY ? "Primary" : "Secondary";
    }

    private static String upper(String hex) {
        if (hex == null) {
            return null;
        }
        String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        return h.toUpperCase(Locale.ROOT);
    }

    /** An LSN as SQL Server prints it: VLF 42, the block, slot 1 (numeric(25,0)). */
    public static long lsn(long block) {
        return block == 0 ? 0 : 42L * 1_000_000_000_000_000L + block * 100_000L + 1;
    }
}
