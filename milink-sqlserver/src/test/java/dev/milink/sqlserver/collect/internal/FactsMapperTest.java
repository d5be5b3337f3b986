// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect.internal;

import static dev.milink.sqlserver.collect.internal.RawFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ServerFacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FactsMapperTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private static ServerFacts map(RawResults r, int major) {
        return FactsMapper.map("sql01", r, major, NOW);
    }

    private static DatabaseFacts db(ServerFacts f, String name) {
        return f.databases().orElse(List.of()).stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void readyWindows2022() {
        ServerFacts f = map(RawFixture.ready2022(), 16);
        assertThat(f.collectedAt()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(f.product().orElse(null).version().toString()).isEqualTo("16.0.4135.4");
        assertThat(f.product().orElse(null).engineEdition()).isEqualTo(3);
        assertThat(f.host().orElse(null).platform()).isEqualTo("Windows");
        assertThat(f.identity().orElse(null).instanceName()).isNull();
        assertThat(f.sysadmin()).isEqualTo(Fact.of(true));
        assertThat(f.hadrEnabled()).isEqualTo(Fact.of(true));
        assertThat(f.wsfc().orElse(null).present()).isFalse();
        assertThat(f.runningTraceFlags()).isEqualTo(Fact.of(Set.of(1800, 9567)));
        assertThat(f.startupParameters().orElse(null).arguments())
                .containsExactly("-dC:\\data\\master.mdf", "-eC:\\log\\ERRORLOG", "-lC:\\data\\mastlog.ldf", "-T1800");
        assertThat(f.startupParameters().orElse(null).traceFlags()).containsExactly(1800);
        assertThat(f.startupParameters().orElse(null).source()).isEqualTo("registry");
        // server local time 02:00 at UTC+2
        assertThat(f.startTime()).isEqualTo(Fact.of(Instant.parse("2026-05-31T00:00:00Z")));
        assertThat(f.masterKeyInMaster()).isEqualTo(Fact.of(true));
        assertThat(f.certificates().orElse(null).get(0).expiryDate()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(f.mirroringEndpoint().orElse(null).get(0).ipAddress()).isEqualTo("ALL");
        assertThat(f.mirroringEndpoint().orElse(null).get(0).port()).isEqualTo(5022);
        assertThat(f.services().orElse(null)).extracting(ServerFacts.ServiceInfo::name)
                .containsExactly("SQL Server (MSSQLSERVER)", "SQL Server Agent (MSSQLSERVER)");
        assertThat(f.availabilityGroups().orElse(null)).containsExactly(
                new ServerFacts.AvailabilityGroup("AG_Sales", false, "NONE", List.of("Sales")),
                new ServerFacts.AvailabilityGroup("DAG_Sales", true, "NONE", List.of()));
        assertThat(f.configurations().orElse(null)).containsEntry("contained database authentication", 0L);
        assertThat(f.systemAccountPermissions()).isEqualTo(Fact.of(Set.of()));
    }

    @Test
    void databaseFactsJoinEveryView() {
        DatabaseFacts sales = db(map(RawFixture.ready2022(), 16), "Sales");
        assertThat(sales.acceleratedRecovery()).isEqualTo(Fact.of(true));
        assertThat(sales.pvsFilegroupId()).isEqualTo(Fact.of(1));
        assertThat(sales.mirrored()).isEqualTo(Fact.of(false));
        assertThat(sales.logShippingPrimary()).isEqualTo(Fact.of(false));
        assertThat(sales.files()).isEqualTo(Fact.of(new DatabaseFacts.Files(2, 1, 1, 2048, 256)));
        assertThat(sales.filegroups().orElse(null)).extracting(DatabaseFacts.Filegroup::type).containsExactly("FG", "FD");
        assertThat(sales.fileTables()).isEqualTo(Fact.of(0));
        assertThat(sales.encryption()).isEqualTo(Fact.of(new DatabaseFacts.Encryption(3, "CERTIFICATE", "0102")));
        DatabaseFacts.Backups b = sales.backups().orElse(null);
        assertThat(b.lastChainFull()).isEqualTo(Instant.parse("2026-05-31T20:00:00Z"));
        assertThat(b.lastChainFullChecksum()).isTrue();
        assertThat(b.lastCopyOnlyFull()).isEqualTo(Instant.parse("2026-05-31T21:00:00.123Z"));
        assertThat(b.lastLog()).isEqualTo(Instant.parse("2026-05-31T21:30:00Z"));
        assertThat(sales.logChainStarted()).isEqualTo(Fact.of(true));
        assertThat(sales.logSpaceUsedPercent()).isEqualTo(Fact.of(12.5));
    }

    @Test
    void offlineAndSystemDatabasesSayWhyTheirCatalogIsUnknown() {
        ServerFacts f = map(RawFixture.ready2022(), 16);
        DatabaseFacts old = db(f, "Old");
        assertThat(old.filegroups().reason()).isEqualTo("the database is OFFLINE, so its catalog cannot be read");
        assertThat(old.files().reason()).contains("sys.master_files has no rows");
        assertThat(old.encryption()).isEqualTo(Fact.of(DatabaseFacts.Encryption.NONE));
        assertThat(old.backups()).isEqualTo(Fact.of(DatabaseFacts.Backups.NONE));
        assertThat(old.logChainStarted().reason()).contains("sys.database_recovery_status has no row");
        assertThat(old.pvsFilegroupId().reason()).startsWith("not applicable");
        assertThat(db(f, "master").filegroups().reason()).isEqualTo("not collected: system database");
        assertThat(FactsMapper.onlineUserDatabases(RawFixture.ready2022()))
                .containsExactly(new Batches.DatabaseRef(5, "Sales"));
    }

    @Test
    void permissionErrorsBecomeUnknownNamingThePermission() {
        RawResults r = RawFixture.ready2022();
        String denied = "VIEW SERVER STATE permission was denied on object 'server', database 'master'.";
        r.fail("registry_startup", 300, denied);
        r.fail("encryption_keys", 300, denied);
        r.fail("services", 300, denied);
        r.fail("database:5", 916, "The server principal \"limited\" is not able to access the database \"Sales\".");
        ServerFacts f = map(r, 16);
        assertThat(f.startupParameters().reason())
                .isEqualTo("sys.dm_server_registry needs VIEW SERVER STATE (error 300: " + denied + ")");
        assertThat(f.services().reason()).startsWith("sys.dm_server_services needs VIEW SERVER STATE (error 300");
        DatabaseFacts sales = db(f, "Sales");
        assertThat(sales.encryption().reason()).startsWith("sys.dm_database_encryption_keys needs VIEW SERVER STATE");
        assertThat(sales.filegroups().reason()).startsWith("[db].sys.filegroups needs access to the database");
        assertThat(sales.backups().isKnown()).isTrue();
        assertThat(f.runningTraceFlags().isKnown()).isTrue();
    }

    @Test
    void cpusAndMemoryComeFromSysInfoAndOlderFactsFilesSaySo() {
        RawResults r = withSysInfo(row("sqlserver_start_time", "2026-05-31T02:00:00", "cpu_count", 16,
                "scheduler_count", 12, "physical_memory_kb", 67_108_864L, "committed_target_kb", 50_331_648L));
        assertThat(map(r, 16).capacity()).isEqualTo(Fact.of(new ServerFacts.Capacity(16, 12, 67_108_864L,
                50_331_648L)));
        // a facts file saved before these columns were collected: the start time stands, the capacity is unknown
        ServerFacts old = map(RawFixture.ready2022(), 16);
        assertThat(old.startTime().isKnown()).isTrue();
        assertThat(old.capacity().reason()).contains("no cpu_count or physical_memory_kb", "collect them again");
        // the permission the version's query needs is named: VIEW SERVER PERFORMANCE STATE from 2022
        RawResults denied = RawFixture.ready2022();
        denied.fail("sys_info", 300, "VIEW SERVER PERFORMANCE STATE permission was denied on object 'server'.");
        assertThat(map(denied, 16).capacity().reason()).startsWith("sys.dm_os_sys_info needs VIEW SERVER "
                + "PERFORMANCE STATE, or VIEW SERVER STATE which includes it (error 300");
        // an impossible count is an odd value, named
        RawResults odd = withSysInfo(row("sqlserver_start_time", "2026-05-31T02:00:00", "cpu_count", -2,
                "physical_memory_kb", 1024L));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> map(odd, 16)).hasMessageContaining("cpu_count");
    }

    /** {@link RawFixture#ready2022()} with this one sys_info row instead of its own. */
    private static RawResults withSysInfo(java.util.Map<String, Object> sysInfo) {
        RawResults out = new RawResults();
        RawFixture.ready2022().asMap().forEach((k, v) -> {
            if (k.equals("sys_info")) {
                out.addRows(k, List.of(sysInfo));
            } else if (v instanceof RawResults.Rows rows) {
                out.addRows(k, rows.rows());
            }
        });
        return out;
    }

    @Test
    void hiddenRowsWithoutViewAnyDefinitionAreUnknownNotEmpty() {
        RawResults r = RawFixture.ready2022();
        RawResults limited = RawFixture.with(r, "server", List.of(RawFixture.server("16.0.4135.4", false, false)));
        ServerFacts f = map(limited, 16);
        assertThat(f.sysadmin()).isEqualTo(Fact.of(false));
        assertThat(f.masterKeyInMaster().reason()).contains("needs VIEW ANY DEFINITION");
        assertThat(f.certificates().isKnown()).isFalse();
        assertThat(f.mirroringEndpoint().isKnown()).isFalse();
        assertThat(db(f, "Sales").files().reason()).contains("sys.master_files shows only what this login may see");
        assertThat(f.configurations().isKnown()).isTrue();
    }

    @Test
    void sql2016UsesItsVariantsAndKnowsAdrDoesNotExist() {
        RawResults r = RawFixture.ready2022();
        RawResults old = RawFixture.with(r, Map.of(
                "server", List.of(RawFixture.server("13.0.7000.253", true, true)),
                "databases", List.of(RawFixture.database(5, "Sales", "ONLINE", false)),
                "host", List.of(row("host_platform", "Windows", "host_distribution", "Windows", "host_release", "10.0",
                        "host_sku", 7))), Set.of("pvs", "errorlog_startup"));
        ServerFacts f = map(old, 13);
        assertThat(f.product().orElse(null).version().major()).isEqualTo(13);
        DatabaseFacts sales = db(f, "Sales");
        assertThat(sales.acceleratedRecovery()).isEqualTo(Fact.of(false));
        assertThat(sales.pvsFilegroupId().reason()).startsWith("not applicable");
        assertThat(f.startupParameters().orElse(null).traceFlags()).containsExactly(1800);
        // host unknown on 2016 still means Windows
        old.fail("host", 300, "denied");
        assertThat(map(old, 13).startupParameters().orElse(null).source()).isEqualTo("registry");
        assertThat(Sections.named("pvs").forMajor(13)).isEmpty();
        assertThat(Sections.named("databases").forMajor(14).orElseThrow().resource()).isEqualTo("databases.2017.sql");
        assertThat(Sections.named("databases").forMajor(15).orElseThrow().resource()).isEqualTo("databases.sql");
        assertThat(Sections.named("host").forMajor(13).orElseThrow().resource()).isEqualTo("host.2016.sql");
    }

    @Test
    void linuxStartupParametersComeFromTheErrorLog() {
        RawResults r = RawFixture.ready2022();
        r.addRows("host", List.of());
        RawResults linux = RawFixture.with(r, Map.of(
                "host", List.of(row("host_platform", "Linux", "host_distribution", "Ubuntu",
                        "host_release", "22.04", "host_sku", null)),
                "errorlog_startup", List.of(
                        row("seq", 9, "process_info", "Server", "log_text", "Registry startup parameters: "),
                        row("seq", 10, "process_info", "Server", "log_text", "\t -d /var/opt/mssql/data/master.mdf"),
                        row("seq", 11, "process_info", "Server", "log_text", "\t -l /var/opt/mssql/data/mastlog.ldf"),
                        row("seq", 12, "process_info", "Server", "log_text", "\t -e /var/opt/mssql/log/errorlog"),
                        row("seq", 13, "process_info", "Server", "log_text", "\t -T 1800"),
                        row("seq", 14, "process_info", "Server", "log_text", "SQL Server detected 1 sockets"),
                        row("seq", 8, "process_info", "Server", "log_text", "Server process ID is 40."))), Set.of());
        ServerFacts.StartupParameters p = map(linux, 16).startupParameters().orElse(null);
        assertThat(p.source()).isEqualTo("errorlog");
        assertThat(p.arguments()).containsExactly("-d /var/opt/mssql/data/master.mdf",
                "-l /var/opt/mssql/data/mastlog.ldf", "-e /var/opt/mssql/log/errorlog", "-T 1800");
        assertThat(p.traceFlags()).containsExactly(1800);

        RawResults cycled = RawFixture.with(linux, "errorlog_startup", List.of(row("seq", 1, "process_info", "spid5s",
                "log_text", "The error log has been reinitialized.")));
        assertThat(map(cycled, 16).startupParameters().reason()).contains("mssql.conf").contains("cycled");

        RawResults noFlags = RawFixture.with(linux, "errorlog_startup", List.of(
                row("seq", 1, "process_info", "Server", "log_text", "Registry startup parameters: \n\t -d "
                        + "/var/opt/mssql/data/master.mdf\n\t -e /var/opt/mssql/log/errorlog"),
                row("seq", 2, "process_info", "Server", "log_text", "Command Line Startup Parameters:"),
                row("seq", 3, "process_info", "Server", "log_text", "Trace flag 1800 is set globally.")));
        // no -T line proves nothing on Linux: unknown, with the file to look at
        assertThat(map(noFlags, 16).startupParameters().reason())
                .contains("-d /var/opt/mssql/data/master.mdf -e /var/opt/mssql/log/errorlog").contains("mssql.conf");
        linux.fail("errorlog_startup", 15003, "Only members of the securityadmin role can execute this stored procedure.");
        assertThat(map(linux, 16).startupParameters().reason()).startsWith("the error log (xp_readerrorlog) needs"
                + " membership in securityadmin");
    }

    @Test
    void missingSectionsAndBatchAbortAreExplained() {
        RawResults r = new RawResults();
        r.fail("server", 0, "the batch stopped before this query ran");
        ServerFacts f = map(r, 16);
        assertThat(f.product().reason()).contains("the batch stopped");
        assertThat(f.databases().reason()).isEqualTo("sys.databases was not collected");
        assertThat(f.collectedAt()).isEqualTo(NOW);
        assertThat(f.hadrEnabled().isKnown()).isFalse();
    }

    @Test
    void nullHadrPropertyIsUnknownNotFalse() {
        RawResults r = RawFixture.ready2022();
        Map<String, Object> server = new java.util.LinkedHashMap<>(RawFixture.server("16.0.1000.6", true, true));
        server.put("is_hadr_enabled", null);
        RawResults s = RawFixture.with(r, "server", List.of(server));
        assertThat(map(s, 16).hadrEnabled().reason()).contains("returned NULL");
    }
}
