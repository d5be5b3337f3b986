// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.it;

import dev.milink.sqlserver.connect.SqlError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.core.error.MilinkException;
import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ServerFacts;
import dev.milink.core.secret.Secret;
import dev.milink.sandbox.catalog.CatalogEngine;
import dev.milink.sandbox.scenario.Scenario;
import dev.milink.sandbox.scenario.Scenarios;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.SandboxCertificate;
import dev.milink.sandbox.server.SandboxInstance;
import dev.milink.sandbox.server.SandboxServer;
import dev.milink.sqlserver.collect.CollectScript;
import dev.milink.sqlserver.collect.OfflineFacts;
import dev.milink.sqlserver.collect.SqlServerCollector;
import dev.milink.sqlserver.connect.Authentication;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlConnector;
import dev.milink.sqlserver.connect.SqlTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The collector through the real mssql-jdbc against sandbox instances built from the shipped scenarios (and two
 * made here: awkward database names with backups, and 200 databases). The scenario model is the oracle.
 */
class SandboxCollectorTest {

    private static final List<String> SHIPPED = List.of("unprepared-2019", "prepared-2022",
            "sql2016-sp3-no-connect-pack", "linux-2022", "limited-login");

    @TempDir
    static Path dir;
    private static SandboxServer sandbox;
    private static final java.util.Map<String, Scenario> SCENARIOS = new java.util.HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        List<InstanceDef> defs = new ArrayList<>();
        for (String name : SHIPPED) {
            SCENARIOS.put(name, Scenarios.load(name));
        }
        SCENARIOS.put("names", yaml("names", """
                name: names
                base: prepared-2022
                databases:
                  - name: "Sales]Q1"
                    backups:
                      - {type: D, finish: "2026-11-01T22:00:00", checksum: true, device: 'C:\\backup\\q1.bak'}
                      - {type: D, copyOnly: true, finish: "2026-11-02T23:00:00", checksum: false, device: 'C:\\backup\\q1c.bak'}
                      - {type: L, finish: "2026-11-03T01:00:00", device: 'C:\\backup\\q1.trn'}
                  - name: "O'Brien data"
                  - name: "Продажи 2024"
                    state: ONLINE
                  - name: "Archive"
                    state: OFFLINE
                """));
        SCENARIOS.put("jobs", yaml("jobs", "name: jobs\nbase: prepared-2022\n"));
        SCENARIOS.put("readers-2022", yaml("readers-2022", """
                name: readers-2022
                base: prepared-2022
                server: {cpuCount: 16, schedulerCount: 12, physicalMemoryKb: 67108864, committedTargetKb: 50331648}
                logins:
                  - {name: sa, password: 'Sandbox#2022sa', serverRoles: [sysadmin]}
                  - {name: public_reader, password: 'Sandbox#Reader1'}
                  - {name: perf_reader, password: 'Sandbox#Reader2', permissions: [VIEW SERVER PERFORMANCE STATE]}
                """));
        SCENARIOS.put("two", yaml("two", manyDatabases(2)));
        SCENARIOS.put("many", yaml("many", manyDatabases(200)));
        SCENARIOS.forEach((name, s) -> defs.add(InstanceDef.of(name, CatalogEngine.create(s))));
        sandbox = SandboxServer.start(defs);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static String manyDatabases(int n) {
        StringBuilder b = new StringBuilder("name: many\nbase: prepared-2022\ndatabases:\n");
        for (int i = 1; i <= n; i++) {
            b.append("  - name: \"db").append(i).append("\"\n");
        }
        return b.toString();
    }

    private static Scenario yaml(String name, String text) throws Exception {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, text);
        return Scenario.fromYaml(file);
    }

    private static Scenario scenario(String instance) {
        return SCENARIOS.get(instance);
    }

    private static ConnectionSettings settings(String instance, String user) {
        SandboxInstance s = sandbox.instance(instance);
        Scenario.Login login = scenario(instance).login(user);
        return ConnectionSettings.of(new SqlTarget(s.host(), s.port(), null),
                new Authentication.SqlLogin(user, Secret.of(login.password))).withEncrypt(false);
    }

    private static ServerFacts collect(String instance) {
        return SqlServerCollector.jdbc().collect(settings(instance, "sa"));
    }

    private static DatabaseFacts db(ServerFacts f, String name) {
        return f.databases().orElse(List.of()).stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"unprepared-2019", "prepared-2022", "sql2016-sp3-no-connect-pack", "linux-2022"})
    void factsMatchTheScenario(String name) {
        Scenario s = scenario(name);
        ServerFacts f = collect(name);
        assertThat(f.product().orElse(null).version().toString()).isEqualTo(s.server.productVersion);
        assertThat(f.product().orElse(null).engineEdition()).isEqualTo(s.server.engineEdition);
        assertThat(f.host().orElse(null).platform()).isEqualTo(s.host.platform);
        assertThat(f.identity().orElse(null).serverName()).isEqualTo(s.server.serverName);
        assertThat(f.sysadmin()).isEqualTo(Fact.of(true));
        assertThat(f.hadrEnabled()).isEqualTo(Fact.of(s.server.hadrEnabled));
        assertThat(f.wsfc().orElse(null).present()).isEqualTo(s.cluster != null);
        assertThat(f.masterKeyInMaster()).isEqualTo(Fact.of(s.database("master").masterKey));
        assertThat(f.certificates().orElse(null)).extracting(ServerFacts.Certificate::name)
                .containsExactlyInAnyOrderElementsOf(s.database("master").certificates.stream().map(c -> c.name).toList());
        // the public blob (CERTENCODED) is read, and the thumbprint is its SHA-1: what the MI-side checks match on
        assertThat(f.certificates().orElse(null)).allSatisfy(c -> assertThat(java.util.HexFormat.of().withUpperCase()
                .formatHex(sha1(java.util.HexFormat.of().parseHex(c.publicBlobHex())))).as(c.name())
                .isEqualTo(c.thumbprint()));
        assertThat(f.mirroringEndpoint().orElse(null)).extracting(ServerFacts.MirroringEndpoint::port)
                .containsExactlyElementsOf(s.endpoints.stream().map(e -> e.port).toList());
        assertThat(f.databases().orElse(null)).extracting(DatabaseFacts::name)
                .containsExactlyElementsOf(s.databases.stream().map(d -> d.name).toList());
        for (Scenario.Database d : s.databases) {
            DatabaseFacts df = db(f, d.name);
            assertThat(df.recoveryModel()).as(d.name).isEqualTo(d.recovery);
            assertThat(df.state()).as(d.name).isEqualTo(d.state);
            if (d.id != 2) { // tempdb is encrypted as soon as any database is
                assertThat(df.encryption().orElse(null).encrypted()).as(d.name).isEqualTo(d.tdeCertificate != null);
            }
            if (d.id > 4 && d.online()) {
                assertThat(df.filegroups().orElse(null)).as(d.name + ": " + df.filegroups().reason())
                        .extracting(DatabaseFacts.Filegroup::name)
                        .containsExactlyInAnyOrderElementsOf(d.filegroups.stream().map(g -> g.name).toList());
                assertThat(df.fileTables()).isEqualTo(Fact.of((int) d.tables.stream().filter(t -> t.filetable).count()));
            }
        }
        assertUnknownsHaveReasons(f);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unprepared-2019", "prepared-2022", "sql2016-sp3-no-connect-pack", "linux-2022"})
    void traceFlagsRunningVersusStartup(String name) {
        Scenario s = scenario(name);
        ServerFacts f = collect(name);
        Set<Integer> running = new HashSet<>(s.traceFlags.running);
        running.addAll(s.traceFlags.startup);
        assertThat(f.runningTraceFlags()).isEqualTo(Fact.of(running));
        if (s.isLinux()) {
            // SQL Server on Linux lists -d/-l/-e in the error log and no mssql.conf flags: that proves nothing
            assertThat(f.startupParameters().reason()).contains("list no -T trace flag").contains("mssql.conf");
        } else {
            assertThat(f.startupParameters().orElse(null).traceFlags())
                    .as(f.startupParameters().reason()).isEqualTo(Set.copyOf(s.traceFlags.startup));
            assertThat(f.startupParameters().orElse(null).source()).isEqualTo("registry");
        }
    }

    @Test
    void awkwardNamesBackupsAndOfflineDatabases() {
        ServerFacts f = collect("names");
        DatabaseFacts sales = db(f, "Sales]Q1");
        assertThat(sales.filegroups().isKnown()).as(sales.filegroups().reason()).isTrue();
        DatabaseFacts.Backups b = sales.backups().orElse(null);
        assertThat(b.lastChainFull()).isNotNull();
        assertThat(b.lastChainFullChecksum()).isTrue();
        assertThat(b.lastCopyOnlyFull()).isAfter(b.lastChainFull());
        assertThat(b.lastLog()).isAfter(b.lastCopyOnlyFull());
        assertThat(db(f, "O'Brien data").filegroups().isKnown()).isTrue();
        assertThat(db(f, "Продажи 2024").filegroups().isKnown()).isTrue();
        assertThat(db(f, "O'Brien data").backups()).isEqualTo(Fact.of(DatabaseFacts.Backups.NONE));
        assertThat(db(f, "Archive").filegroups().reason()).contains("OFFLINE");
    }

    @Test
    void milinksOwnLeftoverAgentJobsAreCollectedAndOthersAreNot() throws Exception {
        String leftover = "milink_nettest_0a1b2c3d_sql'to]mi";
        try (Connection c = SqlConnector.open(settings("jobs", "sa")); var st = c.createStatement()) {
            st.execute("EXEC msdb.dbo.sp_add_job @job_name = N'milink_nettest_0a1b2c3d_sql''to]mi';"
                    + " EXEC msdb.dbo.sp_add_job @job_name = N'DatabaseBackup - USER_DATABASES - LOG';");
        }
        assertThat(collect("jobs").milinkAgentJobs()).isEqualTo(Fact.of(List.of(leftover)));
        assertThat(collect("prepared-2022").milinkAgentJobs()).isEqualTo(Fact.of(List.of()));
        Scenario s = scenario("limited-login");
        String user = s.logins.stream().filter(l -> !l.serverRoles.contains("sysadmin") && l.password != null)
                .map(l -> l.name).findFirst().orElseThrow();
        assertThat(SqlServerCollector.jdbc().collect(settings("limited-login", user)).milinkAgentJobs().reason())
                .contains("sysadmin");
    }

    @Test
    void limitedLoginGetsUnknownsNotACrash() {
        Scenario s = scenario("limited-login");
        String user = s.logins.stream().filter(l -> !l.serverRoles.contains("sysadmin") && l.password != null)
                .map(l -> l.name).findFirst().orElseThrow();
        ServerFacts f = SqlServerCollector.jdbc().collect(settings("limited-login", user));
        assertThat(f.sysadmin()).isEqualTo(Fact.of(false));
        assertThat(f.product().isKnown()).isTrue();
        assertThat(f.databases().isKnown()).isTrue();
        List<String> reasons = unknownReasons(f);
        assertThat(reasons).isNotEmpty();
        assertThat(reasons).anyMatch(r -> r.contains("needs VIEW SERVER STATE") || r.contains("VIEW ANY DEFINITION"));
        assertUnknownsHaveReasons(f);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unprepared-2019", "prepared-2022", "sql2016-sp3-no-connect-pack", "readers-2022"})
    void cpusAndMemoryAreReadInTheSameBatch(String name) {
        Scenario s = scenario(name);
        ServerFacts.Capacity c = collect(name).capacity().orElse(null);
        assertThat(c).isEqualTo(new ServerFacts.Capacity(s.server.cpuCount, s.server.schedulers(),
                s.server.physicalMemoryKb, s.server.committedTargetKb()));
        if (name.equals("readers-2022")) {
            assertThat(c.usableCpus()).isEqualTo(12);
            assertThat(c.usableMemoryGb()).isEqualTo(48.0);
        }
    }

    @Test
    void cpusAndMemoryNeedViewServerPerformanceStateFrom2022() {
        ServerFacts none = SqlServerCollector.jdbc().collect(settings("readers-2022", "public_reader"));
        assertThat(none.capacity().isKnown()).isFalse();
        assertThat(none.capacity().reason()).contains("sys.dm_os_sys_info needs VIEW SERVER PERFORMANCE STATE, or VIEW SERVER STATE",
                "error 297");
        ServerFacts perf = SqlServerCollector.jdbc().collect(settings("readers-2022", "perf_reader"));
        assertThat(perf.capacity()).isEqualTo(Fact.of(new ServerFacts.Capacity(16, 12, 67_108_864L, 50_331_648L)));
        // before 2022 the same view needs VIEW SERVER STATE
        String user = scenario("limited-login").logins.stream().filter(l -> !l.serverRoles.contains("sysadmin")
                && l.password != null).map(l -> l.name).findFirst().orElseThrow();
        assertThat(SqlServerCollector.jdbc().collect(settings("limited-login", user)).capacity().reason())
                .contains("sys.dm_os_sys_info needs VIEW SERVER STATE (error 297");
    }

    @Test
    void wrongPasswordIsLoginFailed() {
        SandboxInstance s = sandbox.instance("prepared-2022");
        ConnectionSettings wrong = ConnectionSettings.of(new SqlTarget(s.host(), s.port(), null),
                new Authentication.SqlLogin("sa", Secret.of("not-the-password"))).withEncrypt(false);
        assertThatThrownBy(() -> SqlServerCollector.jdbc().collect(wrong))
                .isInstanceOfSatisfying(MilinkException.class, e -> {
                    assertThat(e.code()).isEqualTo(SqlError.SQL_LOGIN_FAILED);
                    assertThat(e.getMessage()).contains(s.host() + ":" + s.port()).doesNotContain("not-the-password");
                });
    }

    @Test
    void tlsWithTrustServerCertificateAndWithTrustStore() {
        ServerFacts trusting = SqlServerCollector.jdbc().collect(settings("prepared-2022", "sa").withEncrypt(true)
                .withTrustServerCertificate(true));
        assertThat(trusting.product().isKnown()).isTrue();
        SandboxCertificate cert = SandboxCertificate.get();
        SandboxInstance s = sandbox.instance("prepared-2022");
        ConnectionSettings validated = settings("prepared-2022", "sa").withEncrypt(true)
                .withHostNameInCertificate("localhost").withTrustStore(cert.keystore(), Secret.of(cert.password()));
        assertThat(SqlServerCollector.jdbc().collect(validated).product().isKnown()).isTrue();
        ConnectionSettings untrusted = settings("prepared-2022", "sa").withEncrypt(true);
        assertThatThrownBy(() -> SqlServerCollector.jdbc().collect(untrusted))
                .isInstanceOfSatisfying(MilinkException.class,
                        e -> assertThat(e.code()).isEqualTo(SqlError.SQL_TLS_UNTRUSTED));
        assertThat(s.port()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"two", "many"})
    void atMostTwoRoundTripsAfterLogin(String instance) {
        SandboxInstance s = sandbox.instance(instance);
        long mark = s.requestLog().mark();
        ServerFacts f = collect(instance);
        assertThat(s.requestLog().roundTripsSince(mark)).isLessThanOrEqualTo(2);
        long userDbs = f.databases().orElse(List.of()).stream().filter(d -> !d.isSystem()).count();
        assertThat(userDbs).isEqualTo(instance.equals("two") ? 2 : 200);
        assertThat(f.databases().orElse(List.of()).stream().filter(d -> !d.isSystem())
                .allMatch(d -> d.filegroups().isKnown())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prepared-2022", "names", "limited-login", "linux-2022", "sql2016-sp3-no-connect-pack"})
    void scriptCollectedFactsEqualOnlineFacts(String instance) throws Exception {
        String user = instance.equals("limited-login") ? scenario(instance).logins.stream()
                .filter(l -> !l.serverRoles.contains("sysadmin") && l.password != null).map(l -> l.name)
                .findFirst().orElseThrow() : "sa";
        ServerFacts online = SqlServerCollector.jdbc().collect(settings(instance, user));
        byte[] output;
        try (Connection c = SqlConnector.open(settings(instance, user))) {
            output = ScriptCapture.run(c, CollectScript.text());
        }
        ServerFacts offline = OfflineFacts.parse(output, "facts.txt", online.target(), Instant.EPOCH);
        assertThat(offline).usingRecursiveComparison().ignoringFields("collectedAt").isEqualTo(online);
    }

    private static void assertUnknownsHaveReasons(ServerFacts f) {
        assertThat(unknownReasons(f)).allSatisfy(r -> assertThat(r).isNotBlank());
    }

    private static List<String> unknownReasons(ServerFacts f) {
        List<Fact<?>> all = new ArrayList<>(List.of(f.product(), f.host(), f.identity(), f.sysadmin(), f.hadrEnabled(),
                f.wsfc(), f.systemAccountPermissions(), f.runningTraceFlags(), f.startupParameters(), f.startTime(),
                f.masterKeyInMaster(), f.certificates(), f.mirroringEndpoint(), f.services(), f.availabilityGroups(),
                f.configurations(), f.databases()));
        for (DatabaseFacts d : f.databases().orElse(List.of())) {
            all.addAll(List.of(d.acceleratedRecovery(), d.mirrored(), d.logShippingPrimary(), d.files(),
                    d.filegroups(), d.fileTables(), d.encryption(), d.backups(), d.logChainStarted(),
                    d.logSpaceUsedPercent()));
        }
        return all.stream().filter(x -> !x.isKnown()).map(Fact::reason).collect(Collectors.toList());
    }

    private static byte[] sha1(byte[] der) {
        try {
            return java.security.MessageDigest.getInstance("SHA-1").digest(der);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
