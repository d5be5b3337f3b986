// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.testing;

import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.DatabaseFacts.Backups;
import dev.milink.core.model.DatabaseFacts.Encryption;
import dev.milink.core.model.DatabaseFacts.Files;
import dev.milink.core.model.DatabaseFacts.Replication;
import dev.milink.core.model.Fact;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts;
import dev.milink.core.model.ServerFacts.Certificate;
import dev.milink.core.model.ServerFacts.HostInfo;
import dev.milink.core.model.ServerFacts.Identity;
import dev.milink.core.model.ServerFacts.MirroringEndpoint;
import dev.milink.core.model.ServerFacts.Product;
import dev.milink.core.model.ServerFacts.ServiceInfo;
import dev.milink.core.model.ServerFacts.StartupParameters;
import dev.milink.core.model.ServerFacts.Wsfc;
import dev.milink.core.model.SqlVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Hand-built facts for check tests. {@link #ready()} describes a SQL Server 2022 CU14 Enterprise on Windows that
 * passes every check, with one ready user database {@code Sales}; tests change one thing at a time through the
 * record's canonical constructor via {@link #server(UnaryOperator)}-style helpers.
 *
 * <pre>{@code
 * Facts f = TestFacts.ready().hadr(Fact.of(false)).build();
 * Facts g = TestFacts.ready().database("Sales", db -> TestFacts.withRecovery(db, "SIMPLE")).build();
 * }</pre>
 */
public final class TestFacts {

    /** Fixed "now" for tests: 2026-06-01T00:00:00Z. */
    public static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    public static final String INSTANCE = "sql01.contoso.local";
    public static final String MI_FQDN = "contoso-mi.abc123def456.database.windows.net";

    private ServerFacts server;
    private dev.milink.core.model.Input<dev.milink.core.model.ManagedInstanceFacts> mi =
            dev.milink.core.model.Input.notGiven(Facts.NO_MANAGED_INSTANCE);
    private dev.milink.core.model.LinkSettings link = dev.milink.core.model.LinkSettings.of(dev.milink.core.model.Direction.SQL_TO_MI);

    private TestFacts(ServerFacts server) {
        this.server = server;
    }

    public static TestFacts ready() {
        return new TestFacts(new ServerFacts(
                INSTANCE,
                NOW,
                Fact.of(new Product(SqlVersion.parse("16.0.4135.4"), "RTM", "CU14", "KB5038325",
                        "Enterprise Edition: Core-based Licensing (64-bit)", 3,
                        "Microsoft SQL Server 2022 (RTM-CU14) (KB5038325) - 16.0.4135.4 (X64)")),
                Fact.of(new HostInfo("Windows", "Windows Server 2022 Datacenter", "10.0", 8)),
                Fact.of(new Identity("SQL01", "SQL01", null, "SQL_Latin1_General_CP1_CI_AS", false)),
                Fact.of(true),
                Fact.of(true),
                Fact.of(new Wsfc(null)),
                Fact.of(Set.of()),
                Fact.of(Set.of(1800, 9567)),
                Fact.of(new StartupParameters(List.of("-dC:\\data\\master.mdf", "-eC:\\log\\ERRORLOG",
                        "-lC:\\data\\mastlog.ldf", "-T1800", "-T9567"), "registry")),
                Fact.of(NOW.minusSeconds(86_400)),
                Fact.of(true),
                Fact.of(List.of(
                        new Certificate("Cert_SQL01_endpoint", 256, "SQL01 link endpoint", "SQL01 link endpoint",
                                NOW.minusSeconds(86_400 * 30), Instant.parse("2030-01-01T00:00:00Z"), "MK",
                                TestCertificates.SQL_ENDPOINT_SHA1),
                        new Certificate(MI_FQDN, 257, "CN=" + MI_FQDN, "CN=Microsoft Azure RSA TLS Issuing CA 03",
                                NOW.minusSeconds(86_400 * 30), Instant.parse("2027-03-01T00:00:00Z"), "NA",
                                TestCertificates.MI_ENDPOINT_SHA1),
                        new Certificate("MicrosoftPKI", 258, "CN=Microsoft RSA Root Certificate Authority 2017",
                                "CN=Microsoft RSA Root Certificate Authority 2017",
                                Instant.parse("2019-12-18T22:51:22Z"), Instant.parse("2042-07-18T23:00:23Z"), "NA",
                                "73A5E64A3BFF8316FF0EDCCC618A906E4EAE4D74"),
                        new Certificate("DigiCertPKI", 259, "CN=DigiCert Global Root G2", "CN=DigiCert Global Root G2",
                                Instant.parse("2013-08-01T12:00:00Z"), Instant.parse("2038-01-15T12:00:00Z"), "NA",
                                "DF3C24F9BFD666761B268073FE06D1CC8D4F82A4"))),
                Fact.of(List.of(new MirroringEndpoint("Hadr_endpoint", "STARTED", "ALL", "CERTIFICATE",
                        "Cert_SQL01_endpoint", true, "AES", 5022, "ALL"))),
                Fact.of(List.of(new ServiceInfo("SQL Server (MSSQLSERVER)", "Running", "Automatic"),
                        new ServiceInfo("SQL Server Agent (MSSQLSERVER)", "Running", "Automatic"))),
                Fact.of(List.of()),
                Fact.of(Map.of("contained database authentication", 0L, "backup compression default", 1L)),
                Fact.of(List.of(systemDb(1, "master"), systemDb(2, "tempdb"), systemDb(3, "model"),
                        systemDb(4, "msdb"), readyDatabase(5, "Sales"))),
                Fact.unknown("milink's own Agent jobs were not read"),
                Fact.of(READY_CAPACITY)));
    }

    /** 8 CPUs, 32 GB, a memory target of 28 GB: comparable to {@link TestMi#ready()}'s 8 vCores Gen5 (40.8 GB). */
    public static final ServerFacts.Capacity READY_CAPACITY = new ServerFacts.Capacity(8, 8, 33_554_432L,
            29_360_128L);

    /** CPUs and memory ({@code sys.dm_os_sys_info}). */
    public TestFacts capacity(Fact<ServerFacts.Capacity> v) {
        return with(s -> copy(s, "capacity", v));
    }

    /** A user database that passes every database check. */
    public static DatabaseFacts readyDatabase(int id, String name) {
        return new DatabaseFacts(id, name, "ONLINE", false, "MULTI_USER", false, "FULL", 160,
                "SQL_Latin1_General_CP1_CI_AS", false, "NONE", true, Replication.NONE,
                Fact.of(false), Fact.of(0), Fact.of(false), Fact.of(false),
                Fact.of(new Files(1, 1, 0, 1024, 256)), Fact.of(List.of(new DatabaseFacts.Filegroup(1, "PRIMARY", "FG"))),
                Fact.of(0), Fact.of(Encryption.NONE),
                Fact.of(new Backups(NOW.minusSeconds(3_600), true, null, NOW.minusSeconds(600))),
                Fact.of(true), Fact.of(12.5));
    }

    private static DatabaseFacts systemDb(int id, String name) {
        DatabaseFacts d = readyDatabase(id, name);
        return withRecovery(d, id == 4 ? "SIMPLE" : d.recoveryModel());
    }

    /** Replaces the whole server record (use the record's constructor or a helper below). */
    public TestFacts server(UnaryOperator<ServerFacts> change) {
        server = change.apply(server);
        return this;
    }

    /** Changes the named database. */
    public TestFacts database(String name, UnaryOperator<DatabaseFacts> change) {
        List<DatabaseFacts> dbs = new ArrayList<>(server.databases().orElse(List.of()));
        dbs.replaceAll(d -> d.name().equals(name) ? change.apply(d) : d);
        return databases(Fact.of(List.copyOf(dbs)));
    }

    /** Adds a database. */
    public TestFacts addDatabase(DatabaseFacts db) {
        List<DatabaseFacts> dbs = new ArrayList<>(server.databases().orElse(List.of()));
        dbs.add(db);
        return databases(Fact.of(List.copyOf(dbs)));
    }

    public TestFacts product(Fact<Product> v) {
        return with(s -> copy(s, "product", v));
    }

    /** Shortcut: version/edition/engine edition with a plausible banner. */
    public TestFacts version(String version, String edition, int engineEdition) {
        return product(Fact.of(new Product(SqlVersion.parse(version), "RTM", null, null, edition, engineEdition,
                "Microsoft SQL Server - " + version)));
    }

    public TestFacts host(Fact<HostInfo> v) {
        return with(s -> copy(s, "host", v));
    }

    public TestFacts identity(Fact<Identity> v) {
        return with(s -> copy(s, "identity", v));
    }

    public TestFacts sysadmin(Fact<Boolean> v) {
        return with(s -> copy(s, "sysadmin", v));
    }

    public TestFacts hadr(Fact<Boolean> v) {
        return with(s -> copy(s, "hadrEnabled", v));
    }

    public TestFacts wsfc(Fact<Wsfc> v) {
        return with(s -> copy(s, "wsfc", v));
    }

    public TestFacts systemAccountPermissions(Fact<Set<String>> v) {
        return with(s -> copy(s, "systemAccountPermissions", v));
    }

    public TestFacts runningTraceFlags(Fact<Set<Integer>> v) {
        return with(s -> copy(s, "runningTraceFlags", v));
    }

    public TestFacts startupParameters(Fact<StartupParameters> v) {
        return with(s -> copy(s, "startupParameters", v));
    }

    public TestFacts startTime(Fact<Instant> v) {
        return with(s -> copy(s, "startTime", v));
    }

    public TestFacts masterKey(Fact<Boolean> v) {
        return with(s -> copy(s, "masterKeyInMaster", v));
    }

    /** SQL Agent jobs of milink's own (the network test's), as the collector reads them. */
    public TestFacts milinkAgentJobs(Fact<List<String>> v) {
        return with(s -> copy(s, "milinkAgentJobs", v));
    }

    public TestFacts certificates(Fact<List<Certificate>> v) {
        return with(s -> copy(s, "certificates", v));
    }

    public TestFacts mirroringEndpoint(Fact<List<MirroringEndpoint>> v) {
        return with(s -> copy(s, "mirroringEndpoint", v));
    }

    public TestFacts services(Fact<List<ServiceInfo>> v) {
        return with(s -> copy(s, "services", v));
    }

    public TestFacts availabilityGroups(Fact<List<ServerFacts.AvailabilityGroup>> v) {
        return with(s -> copy(s, "availabilityGroups", v));
    }

    public TestFacts configurations(Fact<Map<String, Long>> v) {
        return with(s -> copy(s, "configurations", v));
    }

    public TestFacts databases(Fact<List<DatabaseFacts>> v) {
        return with(s -> copy(s, "databases", v));
    }

    private TestFacts with(UnaryOperator<ServerFacts> change) {
        server = change.apply(server);
        return this;
    }

    public ServerFacts buildServer() {
        return server;
    }

    public Facts build() {
        return Facts.of(server, link).withManagedInstance(mi);
    }

    /**
     * {@link #ready()} with the managed-instance end of {@link TestMi#ready()} and SQL Server's address
     * {@link TestMi#SQL_ADDRESS} given: a link whose both ends pass every check.
     */
    public static TestFacts linked() {
        return ready().mi(TestMi.ready()).sqlAddresses(TestMi.SQL_ADDRESS);
    }

    /** The managed-instance end. */
    public TestFacts mi(TestMi end) {
        return mi(dev.milink.core.model.Input.of(end.build()));
    }

    /** The managed-instance end as given, not given or unreadable. */
    public TestFacts mi(dev.milink.core.model.Input<dev.milink.core.model.ManagedInstanceFacts> end) {
        mi = end;
        return this;
    }

    /** SQL Server's addresses as the managed instance sees them ({@code --sql-address}). */
    public TestFacts sqlAddresses(String... addresses) {
        link = link.withSqlServerAddresses(List.of(addresses));
        return this;
    }

    /** The link settings as a whole (e.g. with a link name). */
    public TestFacts link(dev.milink.core.model.LinkSettings settings) {
        link = settings;
        return this;
    }

    /** The databases the link carries ({@code --database}). */
    public TestFacts linkDatabases(String... names) {
        link = link.withDatabases(List.of(names));
        return this;
    }

    /** The link's managed instance FQDN, as {@code --mi-fqdn} gives it. */
    public TestFacts miFqdn(String fqdn) {
        link = link.withManagedInstanceFqdn(fqdn);
        return this;
    }

    /** The link's direction. */
    public TestFacts direction(dev.milink.core.model.Direction direction) {
        link = link.withDirection(direction);
        return this;
    }

    /** The ready database {@code Sales} of {@link #ready()}. */
    public static DatabaseFacts sales(Facts facts) {
        return facts.server().databases().orElse(List.of()).stream().filter(d -> d.name().equals("Sales"))
                .findFirst().orElseThrow();
    }

    /** Copy of {@code d} with another recovery model. */
    public static DatabaseFacts withRecovery(DatabaseFacts d, String recoveryModel) {
        return new DatabaseFacts(d.databaseId(), d.name(), d.state(), d.readOnly(), d.userAccess(), d.autoClose(),
                recoveryModel, d.compatibilityLevel(), d.collation(), d.inAvailabilityGroup(), d.containment(),
                d.brokerEnabled(), d.replication(), d.acceleratedRecovery(), d.pvsFilegroupId(), d.mirrored(),
                d.logShippingPrimary(), d.files(), d.filegroups(), d.fileTables(), d.encryption(), d.backups(),
                d.logChainStarted(), d.logSpaceUsedPercent());
    }

    /**
     * Copy of {@code d} with one record component replaced, by name: one generic helper instead of a
     * {@code withX} method per component. A wrong name or type fails the test at once.
     *
     * <pre>{@code
     * TestFacts.with(db, "readOnly", true);
     * TestFacts.with(db, "backups", Fact.unknown("msdb not readable"));
     * }</pre>
     */
    public static DatabaseFacts with(DatabaseFacts d, String component, Object value) {
        return copy(d, component, value);
    }

    /** Copy of any record with one component replaced by name (see {@link #with(DatabaseFacts, String, Object)}). */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R copy(R d, String component, Object value) {
        Class<R> type = (Class<R>) d.getClass();
        java.lang.reflect.RecordComponent[] parts = type.getRecordComponents();
        Object[] args = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        boolean found = false;
        try {
            for (int i = 0; i < parts.length; i++) {
                types[i] = parts[i].getType();
                boolean match = parts[i].getName().equals(component);
                found |= match;
                args[i] = match ? value : parts[i].getAccessor().invoke(d);
            }
            if (!found) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no component '" + component + "'");
            }
            return type.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot set " + type.getSimpleName() + "." + component + " to "
                    + value, e);
        }
    }
}
