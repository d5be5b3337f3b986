// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.test;

import dev.milink.core.error.MilinkException;
import dev.milink.core.script.TSql;
import dev.milink.network.probe.ControlProbe;
import dev.milink.network.probe.ProbeOutcome;
import dev.milink.network.probe.ProbeResult;
import dev.milink.network.probe.ProbeTarget;
import dev.milink.network.probe.TcpProber;
import dev.milink.network.rules.Cidr;
import dev.milink.network.test.Cleanup.Side;
import dev.milink.sqlserver.connect.SqlExceptionTranslator;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Proves the link's TCP connectivity in both directions (spec §2), from where it matters.
 *
 * <p>Most callers want {@code Milink.testNetwork} (milink-engine), which also judges the result (MIL-N9).
 * Directly:
 * <pre>{@code
 * LinkTestReport report = new LinkTester(LinkTestOptions.defaults().withSqlServerAddress("10.1.0.4"))
 *         .run(new TestTarget("sql01", "sql01:1433", () -> SqlConnector.open(sqlSettings)),
 *              new TestTarget(miFqdn, miFqdn + ":1433", () -> SqlConnector.open(miSettings)));
 * System.out.print(report.render());
 * NetworkFacts facts = report.facts(Instant.now()); // for the checks
 * }</pre>
 *
 * <ul>
 *   <li><b>SQL Server → MI</b>: the MI's endpoint ({@code DnsRecordName:5022}) and its current primary node
 *       ({@code <node>.<ClusterName>:HadrPort}), read from the MI's fabric DMVs on every run. Probed by a temporary
 *       SQL Agent job on SQL Server where Agent can run PowerShell (Windows, Agent running); otherwise from this
 *       machine when it is the SQL Server host; otherwise reported as not proven, with the command to prove it.</li>
 *   <li><b>MI → SQL Server</b>: a temporary Agent job on the MI probes SQL Server's mirroring endpoint; when SQL
 *       Server has none, a temporary certificate-authenticated endpoint is created (only if master has a database
 *       master key; milink never creates one silently).</li>
 * </ul>
 * Every object created carries the prefix {@value AgentJob#PREFIX} and is removed in a {@code finally}, and by a
 * shutdown hook on Ctrl-C; a run first removes what an interrupted run left behind. Apart from those temporary
 * objects the test changes nothing.
 *
 * @since 0.1
 */
public final class LinkTester {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final LinkTestOptions options;
    private final java.util.function.Consumer<List<String>> onInterrupt;

    public LinkTester(LinkTestOptions options) {
        this(options, lines -> { });
    }

    private LinkTester(LinkTestOptions options, java.util.function.Consumer<List<String>> onInterrupt) {
        this.options = options;
        this.onInterrupt = onInterrupt;
    }

    /**
     * Where an interrupted run (Ctrl-C, SIGTERM) reports, from its shutdown hook, what it removed and the T-SQL for
     * anything it could not remove; the CLI prints these lines on stderr.
     */
    public LinkTester withInterruptReport(java.util.function.Consumer<List<String>> report) {
        return new LinkTester(options, java.util.Objects.requireNonNull(report, "report"));
    }

    /**
     * Runs both directions.
     *
     * @throws MilinkException when a server cannot be reached or the MI's fabric cannot be read (exit 3)
     */
    public LinkTestReport run(TestTarget sql, TestTarget mi) {
        String runId = HexFormat.of().formatHex(RANDOM.generateSeed(4));
        Map<Side, Connection> live = new EnumMap<>(Side.class);
        Map<Side, TestTarget> targets = Map.of(Side.SQL_SERVER, sql, Side.MANAGED_INSTANCE, mi);
        live.put(Side.SQL_SERVER, sql.connector().get());
        try {
            live.put(Side.MANAGED_INSTANCE, mi.connector().get());
        } catch (RuntimeException e) {
            closeQuietly(live.get(Side.SQL_SERVER));
            throw e;
        }
        Cleanup cleanup = new Cleanup(new Cleanup.Connections() {
            @Override
            public synchronized Connection current(Side side) {
                return live.get(side);
            }

            @Override
            public synchronized Connection reopen(Side side) {
                closeQuietly(live.get(side));
                Connection c = targets.get(side).connector().get();
                live.put(side, c);
                return c;
            }
        });
        Thread hook = new Thread(() -> cleanup.interrupt(onInterrupt), "milink-network-test-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        List<String> notes = new ArrayList<>();
        List<String> leftovers = new ArrayList<>();
        List<HopResult> hops = new ArrayList<>();
        MiFabric fabric;
        try {
            Connection s = live.get(Side.SQL_SERVER);
            Connection m = live.get(Side.MANAGED_INSTANCE);
            leftovers.addAll(sweep(s, true, sql.endpoint(), notes));
            leftovers.addAll(sweep(m, false, mi.endpoint(), notes));
            fabric = read(() -> FabricReader.read(m, mi.endpoint()), mi.endpoint());
            SqlHost host = read(() -> SqlHost.read(s), sql.endpoint());
            String sqlAddress = options.sqlServerAddress() != null ? options.sqlServerAddress() : sql.host();
            Advice advice = new Advice(sqlRanges(sqlAddress), options.miSubnet(),
                    host.endpointPort() != null ? host.endpointPort() : options.testEndpointPort());
            hops.addAll(sqlToMi(s, sql, host, fabric, runId, cleanup, advice, notes));
            if (options.miSubnet() == null && hops.stream().anyMatch(h -> h.status() == HopStatus.REACHABLE
                    && h.remoteAddress() != null)) {
                notes.add("Without --mi-subnet milink cannot tell whether the addresses reached lie inside the"
                        + " managed instance subnet; a name that resolves to the public endpoint also connects.");
            }
            hops.addAll(miToSql(s, m, host, sqlAddress, runId, cleanup, advice, notes));
        } finally {
            cleanup.runAll();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs (and finds nothing left to do)
            }
            live.values().forEach(LinkTester::closeQuietly);
        }
        return new LinkTestReport(runId, fabric, hops, notes, leftovers, cleanup.removed(), cleanup.problems());
    }

    private List<Cidr> sqlRanges(String sqlAddress) {
        if (!options.sqlServerRanges().isEmpty()) {
            return options.sqlServerRanges();
        }
        try {
            return List.of(Cidr.parse(sqlAddress));
        } catch (IllegalArgumentException e) {
            return List.of(); // a name, not an IP: the advice uses a placeholder
        }
    }

    // ---- SQL Server -> managed instance ----

    private List<HopResult> sqlToMi(Connection s, TestTarget sql, SqlHost host, MiFabric f, String runId,
                                    Cleanup cleanup, Advice advice, List<String> notes) {
        List<Hop> hops = List.of(
                new Hop(TestDirection.SQL_TO_MI, "the managed instance's endpoint", f.serverName(),
                        options.miEndpointPort()),
                new Hop(TestDirection.SQL_TO_MI, "the managed instance's current primary node, HADR port (changes on"
                        + " failover)", f.node(), f.hadrPort()));
        String proveCommand = "milink network probe " + hops.get(0).endpoint() + " " + hops.get(1).endpoint();
        if (host.agentCanRunPowerShell()) {
            return viaAgent(s, Side.SQL_SERVER, AgentJob.PREFIX + runId + "_to_mi", hops, false, cleanup, advice,
                    TestMethod.AGENT_JOB_ON_SQL_SERVER, proveCommand);
        }
        Optional<String> same = options.hostDetector().sameHost(sql.host(), host.machineName());
        if (same.isPresent()) {
            notes.add("SQL Server -> managed instance was probed from this machine: " + same.get() + ".");
            TcpProber prober = new TcpProber(options.probeTimeout());
            List<ProbeResult> results = prober.probeAll(hops.stream().map(h -> new ProbeTarget(h.host(), h.port()))
                    .toList());
            Optional<String> untrusted = options.controlProbe() ? ControlProbe.check(results, options.probeTimeout())
                    : Optional.empty();
            if (!options.controlProbe() && results.stream().anyMatch(ControlProbe::needsControl)) {
                notes.add("An OPEN result from this machine can also come from a transparent proxy on its path;"
                        + " --control-probe checks for one (it connects to " + ControlProbe.ADDRESS + ", an address"
                        + " reserved for documentation).");
            }
            List<HopResult> out = new ArrayList<>();
            for (int i = 0; i < hops.size(); i++) {
                ProbeResult r = results.get(i);
                if (r.outcome() == ProbeOutcome.OPEN && untrusted.isPresent()) {
                    out.add(hops.get(i).result(TestMethod.LOCAL_PROBE, HopStatus.NOT_PROVEN, r.address(),
                            untrusted.get(), List.of("prove it where nothing intercepts TCP, e.g. with the SQL Agent"
                                    + " job on a Windows SQL Server, or: " + proveCommand)));
                    continue;
                }
                HopStatus status = switch (r.outcome()) {
                    case OPEN -> HopStatus.REACHABLE;
                    case REFUSED -> HopStatus.REFUSED;
                    case FILTERED -> HopStatus.FILTERED;
                    case DNS_FAILURE -> HopStatus.DNS_FAILURE;
                    case UNREACHABLE -> HopStatus.UNREACHABLE;
                };
                out.add(result(hops.get(i), TestMethod.LOCAL_PROBE, status, r.address(), r.detail(), advice));
            }
            return out;
        }
        String why = Boolean.FALSE.equals(host.windows())
                ? "SQL Server runs on Linux, where SQL Agent cannot run PowerShell steps, and milink does not run on"
                        + " the SQL Server host"
                : host.windows() == null ? "the SQL Server host's platform is unknown (no VIEW SERVER STATE), and"
                        + " milink does not run on the SQL Server host"
                : "SQL Server Agent is " + host.agentState().toLowerCase(java.util.Locale.ROOT) + " (start it to let"
                        + " milink test through an Agent job), and milink does not run on the SQL Server host";
        List<HopResult> out = new ArrayList<>();
        for (Hop h : hops) {
            out.add(notProven(h, why + "; a probe from another machine proves nothing about SQL Server's path.",
                    List.of("on the SQL Server host run: " + proveCommand,
                    "or, without milink there: nc -vz -w 5 " + h.host() + " " + h.port()
                            + "  (PowerShell: Test-NetConnection " + h.host() + " -Port " + h.port() + ")")));
        }
        return out;
    }

    // ---- managed instance -> SQL Server ----

    private List<HopResult> miToSql(Connection s, Connection m, SqlHost host, String sqlAddress, String runId,
                                    Cleanup cleanup, Advice advice, List<String> notes) {
        int port;
        if (host.endpointPort() != null) {
            port = host.endpointPort();
            if (!"STARTED".equalsIgnoreCase(host.endpointState())) {
                notes.add("The mirroring endpoint " + host.endpointName() + " is " + host.endpointState()
                        + "; nothing listens until it is started: ALTER ENDPOINT " + TSql.quoteName(host.endpointName())
                        + " STATE = STARTED;");
            }
        } else {
            port = options.testEndpointPort();
            Hop hop = new Hop(TestDirection.MI_TO_SQL, "SQL Server's mirroring endpoint", sqlAddress, port);
            if (!options.createTestEndpoint()) {
                return List.of(notProven(hop, "SQL Server has no DATABASE_MIRRORING endpoint, so nothing listens for"
                        + " the managed instance to reach.", List.of("create the link's endpoint (milink check shows"
                        + " the script), or re-run without --no-test-endpoint to let milink create a temporary one")));
            }
            try {
                if (!SqlHost.hasMasterKey(s)) {
                    return List.of(notProven(hop, "SQL Server has no DATABASE_MIRRORING endpoint, and master has no"
                            + " database master key, which a certificate for a temporary test endpoint needs. milink"
                            + " does not create a master key on its own.", List.of(
                            "create one (the link needs it anyway): USE master; CREATE MASTER KEY ENCRYPTION BY"
                                    + " PASSWORD = N'<strong password>'; then re-run milink network test",
                            "or create the link's endpoint first (milink check shows the script)")));
                }
                createTestEndpoint(s, runId, port, cleanup);
                notes.add("SQL Server had no mirroring endpoint: milink created the temporary endpoint "
                        + AgentJob.PREFIX + runId + " on port " + port + " for this test.");
            } catch (SQLException e) {
                return List.of(hop.result(TestMethod.NONE, HopStatus.ERROR, null,
                        "could not create a temporary test endpoint: " + e.getMessage(),
                        List.of("creating an endpoint needs CREATE ENDPOINT and CREATE CERTIFICATE permission"
                                + " (sysadmin); or create the link's endpoint first")));
            }
        }
        if (isLoopback(sqlAddress)) {
            notes.add("The managed instance was asked to reach SQL Server at '" + sqlAddress + "', a loopback"
                    + " address, which on the managed instance means the managed instance itself. Give the address"
                    + " the managed instance reaches SQL Server at: --sql-address IP.");
        } else if (!isIpLiteral(sqlAddress)) {
            notes.add("The managed instance was asked to reach SQL Server as '" + sqlAddress + "', a name: it must"
                    + " resolve inside the managed instance's VNet (custom DNS). Prefer the IP address, as the link's"
                    + " endpoint URL should (--sql-address IP).");
        }
        Hop hop = new Hop(TestDirection.MI_TO_SQL, "SQL Server's mirroring endpoint", sqlAddress, port);
        return viaAgent(m, Side.MANAGED_INSTANCE, AgentJob.PREFIX + runId + "_to_sql", List.of(hop), true, cleanup,
                advice, TestMethod.AGENT_JOB_ON_MANAGED_INSTANCE, null);
    }

    private void createTestEndpoint(Connection s, String runId, int port, Cleanup cleanup) throws SQLException {
        String name = AgentJob.PREFIX + runId;
        String expiry = LocalDate.now().plusDays(2).format(DateTimeFormatter.BASIC_ISO_DATE);
        cleanup.create(name + "/cert", "certificate " + name + " on SQL Server", Side.SQL_SERVER, dropCertificate(name),
                () -> AgentJob.execute(s, SqlScripts.render("create_test_certificate.sql", Map.of("certificate",
                        name, "expiry", expiry))));
        cleanup.create(name + "/endpoint", "endpoint " + name + " on SQL Server", Side.SQL_SERVER, dropEndpoint(name),
                () -> AgentJob.execute(s, SqlScripts.render("create_test_endpoint.sql", Map.of("certificate",
                        name, "endpoint", name, "port", Integer.toString(port)))));
    }

    static String dropCertificate(String name) {
        return SqlScripts.render("drop_certificate.sql", Map.of("certificate", name));
    }

    static String dropEndpoint(String name) {
        return SqlScripts.render("drop_endpoint.sql", Map.of("endpoint", name));
    }

    // ---- Agent jobs ----

    private List<HopResult> viaAgent(Connection c, Side side, String job, List<Hop> hops, boolean quiet,
                                     Cleanup cleanup, Advice advice, TestMethod method, String proveCommand) {
        String where = side == Side.SQL_SERVER ? "SQL Server" : "the managed instance";
        List<AgentJob.StepRow> rows;
        List<String> commands = hops.stream().map(h -> AgentJob.tnc(h.host(), h.port(), quiet)).toList();
        try {
            // registered before it exists; sp_add_job may also succeed before a later statement fails
            cleanup.create(job, "Agent job " + job + " on " + where, side, deleteJobIfExists(job),
                    () -> AgentJob.create(c, job, commands));
        } catch (SQLException e) {
            return errors(hops, method, "could not create the Agent job on " + where + ": " + e.getMessage(),
                    agentHelp(side, proveCommand));
        }
        try {
            AgentJob.start(c, job);
            rows = AgentJob.await(c, job, options.jobTimeout(), options.pollInterval());
        } catch (SQLException e) {
            return errors(hops, method, "the Agent job on " + where + " failed: " + e.getMessage(),
                    agentHelp(side, proveCommand));
        } finally {
            cleanup.runNow(job);
        }
        if (rows == null) {
            List<HopResult> out = new ArrayList<>();
            for (Hop h : hops) {
                out.add(h.result(method, HopStatus.NOT_PROVEN, null, "the Agent job on " + where
                        + " did not finish within " + options.jobTimeout().toSeconds() + " s",
                        agentHelp(side, proveCommand)));
            }
            return out;
        }
        List<HopResult> out = new ArrayList<>();
        for (int i = 0; i < hops.size(); i++) {
            Hop h = hops.get(i);
            int stepId = i + 1;
            String message = rows.stream().filter(r -> r.stepId() == stepId).map(AgentJob.StepRow::message)
                    .findFirst().orElse(null);
            if (message == null) {
                out.add(h.result(method, HopStatus.ERROR, null, "the Agent job did not run step " + stepId,
                        agentHelp(side, proveCommand)));
                continue;
            }
            TncOutput t = TncOutput.parse(message);
            HopStatus status = t.succeeded() == null ? HopStatus.ERROR
                    : t.succeeded() ? HopStatus.REACHABLE
                    : t.nameFailed() ? HopStatus.DNS_FAILURE : HopStatus.NOT_REACHABLE;
            out.add(result(h, method, status, t.remoteAddress(), oneLine(message), advice));
        }
        return out;
    }

    private static String deleteJobIfExists(String job) {
        return "IF EXISTS (SELECT 1 FROM msdb.dbo.sysjobs WHERE name = " + TSql.literal(job) + ") "
                + SqlScripts.render("delete_job.sql", Map.of("job_name", (job)));
    }

    private static List<String> agentHelp(Side side, String proveCommand) {
        List<String> help = new ArrayList<>();
        if (side == Side.SQL_SERVER) {
            help.add("the job needs SQL Server Agent running and a login allowed to create PowerShell job steps"
                    + " (sysadmin, or SQLAgentUserRole with a PowerShell proxy); check the Agent error log");
            help.add("or prove it on the SQL Server host: " + proveCommand);
        } else {
            help.add("the job needs a login on the managed instance allowed to create and start Agent jobs"
                    + " (sysadmin, or SQLAgentUserRole)");
        }
        return help;
    }

    private HopResult result(Hop h, TestMethod method, HopStatus status, String address, String detail,
                             Advice advice) {
        if (status == HopStatus.REACHABLE && h.direction() == TestDirection.SQL_TO_MI && options.miSubnet() != null
                && address != null && isIpLiteral(address) && !options.miSubnet().overlaps(Cidr.parse(address))) {
            status = HopStatus.WRONG_ADDRESS;
        }
        List<String> todo = switch (status) {
            case REACHABLE, NOT_PROVEN, ERROR -> List.of();
            case WRONG_ADDRESS -> List.of(h.host() + " resolved to " + address + ", outside the managed instance"
                    + " subnet " + options.miSubnet() + ": the SQL Server host reaches another endpoint (the public"
                    + " one?). Make the name resolve to the private address inside the subnet (VNet DNS, a private"
                    + " zone or a hosts entry).");
            case DNS_FAILURE -> List.of(h.direction() == TestDirection.SQL_TO_MI
                    ? "the SQL Server host must resolve " + h.host() + " to the managed instance's private address"
                            + " (DNS forwarding to the VNet, a private zone, or a hosts entry)"
                    : "the managed instance cannot resolve '" + h.host() + "': use SQL Server's IP address"
                            + " (--sql-address IP), or custom DNS on the managed instance's VNet");
            case REFUSED -> h.direction() == TestDirection.MI_TO_SQL
                    ? List.of("nothing listens on " + h.endpoint() + ": check the mirroring endpoint is STARTED on"
                            + " that port (on the host: Test-NetConnection localhost -Port " + h.port() + ")")
                    : List.of("the path works but nothing listens on " + h.endpoint() + "; check the managed"
                            + " instance name (--mi) and that the instance is running");
            case NOT_REACHABLE, FILTERED, UNREACHABLE -> {
                List<String> l = new ArrayList<>();
                if (h.direction() == TestDirection.MI_TO_SQL && status == HopStatus.NOT_REACHABLE) {
                    l.add("check that SQL Server's endpoint listens (on the host: Test-NetConnection localhost -Port "
                            + h.port() + "), then:");
                }
                l.addAll(advice.forBlockedPath(h.direction(), h.port()));
                yield l;
            }
        };
        return h.result(method, status, address, detail, todo);
    }

    private static HopResult notProven(Hop h, String why, List<String> todo) {
        return h.result(TestMethod.NONE, HopStatus.NOT_PROVEN, null, why, todo);
    }

    private static List<HopResult> errors(List<Hop> hops, TestMethod method, String why, List<String> todo) {
        return hops.stream().map(h -> h.result(method, HopStatus.ERROR, null, why, todo)).toList();
    }

    // ---- leftovers ----

    /** Removes what an interrupted run left behind on one server; returns what was removed. */
    private static List<String> sweep(Connection c, boolean sqlServer, String endpoint, List<String> notes) {
        List<String> removed = new ArrayList<>();
        try {
            for (String job : AgentJob.leftovers(c)) {
                AgentJob.delete(c, job);
                removed.add("Agent job " + job + " on " + endpoint);
            }
            if (sqlServer) {
                List<String[]> objects = new ArrayList<>();
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery(SqlScripts.render("leftover_endpoints.sql"))) {
                    while (rs.next()) {
                        objects.add(new String[] {rs.getString("kind"), rs.getString("name")});
                    }
                }
                // endpoints before certificates: a certificate in use by an endpoint cannot be dropped
                objects.sort((a, b) -> a[0].compareTo(b[0]) * -1);
                for (String[] o : objects) {
                    boolean ep = o[0].equals("ENDPOINT");
                    AgentJob.execute(c, ep ? dropEndpoint(o[1]) : dropCertificate(o[1]));
                    removed.add((ep ? "endpoint " : "certificate ") + o[1] + " on " + endpoint);
                }
            }
        } catch (SQLException e) {
            notes.add("Could not look for leftovers of an earlier, interrupted test on " + endpoint + ": "
                    + e.getMessage());
        }
        return removed;
    }

    // ---- helpers ----

    @FunctionalInterface
    private interface SqlRead<T> {
        T read() throws SQLException;
    }

    private static <T> T read(SqlRead<T> r, String endpoint) {
        try {
            return r.read();
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate(e, endpoint);
        }
    }

    private static boolean isLoopback(String s) {
        return s.equalsIgnoreCase("localhost") || s.startsWith("127.") || s.equals("::1");
    }

    private static boolean isIpLiteral(String s) {
        return s.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || (s.contains(":") && s.matches("[0-9A-Fa-f:.]+"));
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 400 ? t.substring(0, 400) + "…" : t;
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing after the test: nothing left to do with it
            }
        }
    }

    /** One hop to probe. */
    private record Hop(TestDirection direction, String purpose, String host, int port) {
        /** This hop's result. */
        HopResult result(TestMethod method, HopStatus status, String remoteAddress, String detail,
                         List<String> advice) {
            return new HopResult(direction, purpose, host, port, method, status, remoteAddress, detail, advice);
        }

        String endpoint() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }
}
