// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.sandbox.catalog.view.CatalogView;
import dev.milink.sandbox.catalog.view.ViewRegistry;
import dev.milink.sandbox.engine.SqlType;
import dev.milink.sandbox.scenario.Scenarios;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Queries from Microsoft's reference pages, run against the shipped scenarios. */
class CatalogViewsTest {
    @RegisterExtension
    static final Sandbox unprepared = Sandbox.of("unprepared-2019");
    @RegisterExtension
    static final Sandbox prepared = Sandbox.of("prepared-2022");

    @Test
    void serverPropertyAsInTheReference() {
        // learn.microsoft.com/sql/t-sql/functions/serverproperty-transact-sql, example "A"
        CollectingSink s = unprepared.run("SELECT SERVERPROPERTY('MachineName') AS ComputerName,\n"
                + "       SERVERPROPERTY('ServerName') AS InstanceName,\n"
                + "       SERVERPROPERTY('Edition') AS Edition,\n"
                + "       SERVERPROPERTY('ProductVersion') AS ProductVersion,\n"
                + "       SERVERPROPERTY('ProductLevel') AS ProductLevel;");
        CollectingSink.Result r = s.only();
        assertThat(r.columns()).extracting(c -> c.name()).containsExactly("ComputerName", "InstanceName", "Edition",
                "ProductVersion", "ProductLevel");
        assertThat(r.columns().get(0).type()).isEqualTo(SqlType.SQL_VARIANT);
        assertThat(r.rows().get(0)).containsExactly("SQLPROD01", "SQLPROD01", "Enterprise Edition (64-bit)",
                "15.0.4261.1", "RTM");
        assertThat(unprepared.run("SELECT CAST(SERVERPROPERTY('EngineEdition') AS int), "
                + "IIF(SERVERPROPERTY('IsHadrEnabled') = 1, 'on', 'off'), SERVERPROPERTY('ProductUpdateLevel')")
                .only().rows().get(0)).containsExactly(3, "off", "CU18");
    }

    @Test
    void versionNamesProductEditionAndOs() {
        String v = (String) unprepared.run("SELECT @@VERSION").scalar();
        assertThat(v).startsWith("Microsoft SQL Server 2019 (RTM-CU18) (KB5017593) - 15.0.4261.1 (X64)")
                .contains("Enterprise Edition (64-bit) on Windows Server 2019 Datacenter 10.0");
        assertThat(unprepared.run("SELECT @@SERVERNAME, IS_SRVROLEMEMBER('sysadmin'), SUSER_SNAME(), DB_NAME()")
                .only().rows().get(0)).containsExactly("SQLPROD01", 1, "sa", "master");
    }

    @Test
    void databasesFlagsForLinkReadiness() {
        // learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-databases-transact-sql
        CollectingSink.Result r = unprepared.run("SELECT name, state_desc, is_read_only, user_access, is_auto_close_on, "
                + "recovery_model, group_database_id, is_encrypted, is_accelerated_database_recovery_on "
                + "FROM sys.databases WHERE database_id > 4 ORDER BY name").only();
        assertThat(r.column("name")).contains("SalesDB", "Sales]Q1", "O'Brien DB", "Ведомости", "販売");
        int archive = r.column("name").indexOf("Archive2015");
        assertThat(r.value(archive, "is_read_only")).isEqualTo(true);
        assertThat(r.value(r.column("name").indexOf("Reports"), "is_auto_close_on")).isEqualTo(true);
        assertThat(r.value(r.column("name").indexOf("LegacyCRM"), "state_desc")).isEqualTo("OFFLINE");
        assertThat(r.value(r.column("name").indexOf("Payroll"), "is_encrypted")).isEqualTo(true);
        assertThat(r.value(r.column("name").indexOf("Inventory"), "group_database_id")).isNotNull();
        assertThat(r.value(r.column("name").indexOf("Staging"), "recovery_model")).isEqualTo(3);
    }

    @Test
    void acceleratedRecoveryColumnOnlyFrom2019() {
        try (Sandbox old = Sandbox.of("sql2016-sp3-no-connect-pack")) {
            CollectingSink s = old.run("SELECT name, is_accelerated_database_recovery_on FROM sys.databases");
            assertThat(s.errorNumbers()).containsExactly(207);
            assertThat(s.errors.get(0).getMessage()).isEqualTo("Invalid column name 'is_accelerated_database_recovery_on'.");
            assertThat(old.run("SELECT * FROM sys.dm_os_host_info").errorNumbers()).containsExactly(208);
            assertThat(old.run("SELECT windows_release FROM sys.dm_os_windows_info").scalar()).isEqualTo("10.0");
            assertThat(old.run("SELECT COUNT(*) FROM sys.dm_hadr_cluster").scalar()).isEqualTo(0L);
        }
    }

    @Test
    void masterKeyAndCertificates() {
        // learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-symmetric-keys-transact-sql
        assertThat(prepared.run("SELECT name, symmetric_key_id FROM master.sys.symmetric_keys "
                + "WHERE name LIKE '%DatabaseMasterKey%'").only().rows().get(0))
                .containsExactly("##MS_DatabaseMasterKey##", 101);
        assertThat(unprepared.run("SELECT * FROM sys.symmetric_keys WHERE symmetric_key_id = 101").only().rows())
                .isEmpty();
        CollectingSink.Result certs = prepared.run("SELECT name, expiry_date, pvt_key_encryption_type, thumbprint "
                + "FROM sys.certificates WHERE pvt_key_encryption_type = 'MK'").only();
        assertThat(certs.column("name")).containsExactly("Cert_SQLPROD02_endpoint");
        assertThat((byte[]) certs.value(0, "thumbprint")).hasSize(20);
        assertThat(prepared.run("SELECT COUNT(*) FROM sys.certificates WHERE name IN ('MicrosoftPKI', 'DigiCertPKI')")
                .scalar()).isEqualTo(2L);
        Object blob = prepared.run("SELECT CERTENCODED(CERT_ID(N'Cert_SQLPROD02_endpoint'))").scalar();
        assertThat((byte[]) blob).startsWith((byte) 0x30, (byte) 0x82);
    }

    @Test
    void mirroringEndpointAsTheLinkDocsQueryIt() {
        // Managed Instance link "configure with scripts" checks the endpoint with this query
        CollectingSink.Result r = prepared.run("SELECT name, type_desc, state_desc, role_desc, connection_auth_desc, "
                + "is_encryption_enabled, encryption_algorithm_desc FROM sys.database_mirroring_endpoints").only();
        assertThat(r.rows().get(0)).containsExactly("database_mirroring_endpoint", "DATABASE_MIRRORING", "STARTED",
                "ALL", "CERTIFICATE", true, "AES");
        assertThat(prepared.run("SELECT port FROM sys.tcp_endpoints WHERE type_desc = 'DATABASE_MIRRORING'").scalar())
                .isEqualTo(5022);
        assertThat(unprepared.run("SELECT COUNT(*) FROM sys.database_mirroring_endpoints").scalar()).isEqualTo(0L);
    }

    @Test
    void registryStartupParametersAndTraceFlags() {
        // learn.microsoft.com/sql/relational-databases/system-dynamic-management-views/sys-dm-server-registry-transact-sql
        CollectingSink.Result r = prepared.run("SELECT registry_key, value_name, value_data FROM sys.dm_server_registry "
                + "WHERE registry_key LIKE N'%Parameters'").only();
        assertThat(r.column("value_data")).contains("-T1800", "-T9567");
        assertThat((String) r.value(0, "registry_key")).isEqualTo(
                "HKLM\\Software\\Microsoft\\Microsoft SQL Server\\MSSQL16.MSSQLSERVER\\MSSQLServer\\Parameters");
        assertThat(r.column("value_name")).contains("SQLArg0", "SQLArg3", "SQLArg4");
        assertThat(unprepared.run("SELECT value_data FROM sys.dm_server_registry WHERE value_name LIKE 'SQLArg%'")
                .only().column("value_data")).noneMatch(v -> v.toString().startsWith("-T"));
        // T-SQL's LIKE has no escape character unless ESCAPE names one: the backslashes are literal
        CollectingSink.Result setup = unprepared.run("SELECT value_name, CAST(value_data AS nvarchar(4000)) AS v"
                + " FROM sys.dm_server_registry WHERE registry_key LIKE N'%\\MSSQLServer\\Parameters'"
                + " AND value_name LIKE N'SQLArg%' ORDER BY value_name").only();
        assertThat(setup.column("value_name")).containsExactly("SQLArg0", "SQLArg1", "SQLArg2");
        assertThat(setup.column("v")).containsExactly(
                "-dC:\\Program Files\\Microsoft SQL Server\\MSSQL15.MSSQLSERVER\\MSSQL\\DATA\\master.mdf",
                "-eC:\\Program Files\\Microsoft SQL Server\\MSSQL15.MSSQLSERVER\\MSSQL\\Log\\ERRORLOG",
                "-lC:\\Program Files\\Microsoft SQL Server\\MSSQL15.MSSQLSERVER\\MSSQL\\DATA\\mastlog.ldf");
        assertThat(unprepared.run("SELECT CASE WHEN N'a\\b' LIKE N'a\\b' THEN 1 ELSE 0 END,"
                + " CASE WHEN N'a_b' LIKE N'a!_b' ESCAPE '!' THEN 1 ELSE 0 END,"
                + " CASE WHEN N'axb' LIKE N'a!_b' ESCAPE '!' THEN 1 ELSE 0 END").only().rows().get(0))
                .containsExactly(1, 1, 0);
        CollectingSink status = unprepared.run("DBCC TRACESTATUS(1800, -1)");
        assertThat(status.results.get(0).rows().get(0)).containsExactly(1800, 1, 1, 0);
    }

    @Test
    void servicesAndHost() {
        // learn.microsoft.com/sql/relational-databases/system-dynamic-management-views/sys-dm-server-services-transact-sql
        CollectingSink.Result r = unprepared.run("SELECT servicename, startup_type_desc, status_desc, service_account "
                + "FROM sys.dm_server_services").only();
        assertThat(r.column("servicename")).containsExactly("SQL Server (MSSQLSERVER)", "SQL Server Agent (MSSQLSERVER)");
        assertThat(r.value(1, "status_desc")).isEqualTo("Running");
        // learn.microsoft.com/sql/relational-databases/system-dynamic-management-views/sys-dm-os-host-info-transact-sql
        try (Sandbox linux = Sandbox.of("linux-2022")) {
            assertThat(linux.run("SELECT host_platform, host_distribution, host_release, host_service_pack_level, "
                    + "host_sku, os_language_version FROM sys.dm_os_host_info;").only().rows().get(0))
                    .containsExactly("Linux", "Ubuntu", "22.04", "", null, 0);
            assertThat(linux.run("SELECT COUNT(*) FROM sys.dm_server_registry WHERE registry_key LIKE N'%Parameters'")
                    .scalar()).isEqualTo(0L);
            assertThat(linux.run("DBCC TRACESTATUS(-1)").results.get(0).rows()).hasSize(2);
            // message 17110 as captured SQL Server on Linux error logs show it: -d, -l, -e and no mssql.conf flags
            Object startup = linux.run("EXEC sys.xp_readerrorlog 0, 1, N'Registry startup parameters'").only()
                    .rows().get(0)[2];
            assertThat(startup).isEqualTo("Registry startup parameters: \n\t -d /var/opt/mssql/data/master.mdf"
                    + "\n\t -l /var/opt/mssql/data/mastlog.ldf\n\t -e /var/opt/mssql/log/errorlog");
        }
    }

    @Test
    void backupHistoryFromMsdb() {
        // learn.microsoft.com/sql/relational-databases/system-tables/backupset-transact-sql (query pattern)
        CollectingSink.Result r = unprepared.run("SELECT bs.database_name, bs.type, bs.is_copy_only, "
                + "bs.has_backup_checksums, bmf.physical_device_name, bs.first_lsn, bs.checkpoint_lsn "
                + "FROM msdb.dbo.backupset AS bs JOIN msdb.dbo.backupmediafamily AS bmf "
                + "ON bs.media_set_id = bmf.media_set_id WHERE bs.database_name IN (N'SalesDB', N'HRDB') "
                + "ORDER BY bs.backup_set_id").only();
        assertThat(r.column("type")).containsExactly("D", "L", "D");
        assertThat(r.column("is_copy_only")).containsExactly(false, false, true);
        assertThat(r.value(0, "physical_device_name")).isEqualTo("D:\\Backups\\SalesDB_full.bak");
        assertThat((BigDecimal) r.value(0, "first_lsn")).isPositive();
        CollectingSink.Result chain = unprepared.run("SELECT d.name, rs.last_log_backup_lsn FROM sys.databases d "
                + "JOIN sys.database_recovery_status rs ON rs.database_id = d.database_id "
                + "WHERE d.name IN ('SalesDB', 'HRDB') ORDER BY d.name").only();
        assertThat(chain.value(0, "last_log_backup_lsn")).isNull();
        assertThat(chain.value(1, "last_log_backup_lsn")).isNotNull();
    }

    @Test
    void perDatabaseCatalogsByThreePartNameAndUse() {
        assertThat(unprepared.run("SELECT COUNT(*) FROM Ledger.sys.database_files WHERE type = 1").scalar())
                .isEqualTo(2L);
        assertThat(unprepared.run("SELECT type, type_desc FROM [Documents].sys.filegroups WHERE type = 'FD'")
                .only().rows().get(0)).containsExactly("FD", "FILESTREAM_DATA_FILEGROUP");
        assertThat(unprepared.run("USE Documents; SELECT name FROM sys.tables WHERE is_filetable = 1; USE master").results.get(0)
                .rows().get(0)[0]).isEqualTo("ScannedContracts");
        assertThat(unprepared.run("SELECT COUNT(*) FROM sys.master_files WHERE database_id = DB_ID(N'Ledger')")
                .scalar()).isEqualTo(3L);
    }

    @Test
    void namesWithBracketsQuotesSpacesAndNonLatinLetters() {
        CollectingSink.Result r = unprepared.run("SELECT QUOTENAME(name) AS q FROM sys.databases "
                + "WHERE name IN (N'Sales]Q1', N'O''Brien DB', N'Ведомости', N'販売') ORDER BY database_id").only();
        assertThat(r.column("q")).containsExactly("[Sales]]Q1]", "[O'Brien DB]", "[Ведомости]", "[販売]");
        assertThat(unprepared.run("SELECT COUNT(*) FROM [Sales]]Q1].sys.database_files").scalar()).isEqualTo(2L);
        assertThat(unprepared.run("SELECT name FROM [O'Brien DB].sys.filegroups").scalar()).isEqualTo("PRIMARY");
        assertThat(unprepared.run("SELECT DB_ID(N'販売'), DB_NAME(17)").only().rows().get(0))
                .containsExactly(18, "Ведомости");
    }

    @Test
    void managedInstanceFabricValuesForTheNetworkTest() {
        try (Sandbox mi = Sandbox.of("managed-instance")) {
            assertThat(mi.run("SELECT CAST(SERVERPROPERTY('EngineEdition') AS int), SERVERPROPERTY('ProductUpdateType')")
                    .only().rows().get(0)).containsExactly(8, "CU");
            CollectingSink.Result p = mi.run("SELECT parameter_name, parameter_value FROM "
                    + "sys.dm_hadr_fabric_config_parameters WHERE parameter_name IN ('DnsRecordName', 'HadrPort', "
                    + "'ClusterName', 'InstanceName') ORDER BY parameter_name").only();
            assertThat(p.column("parameter_value")).containsExactly("tr123456.westus1-a.worker.database.windows.net",
                    "contoso-mi.abc123.database.windows.net", "11002", "a1b2c3d4e5f6");
            Object node = mi.run("SELECT LEFT(fr.replica_address, CHARINDEX('\\', fr.replica_address) - 1) "
                    + "FROM sys.dm_hadr_fabric_partitions fp JOIN sys.dm_hadr_fabric_replicas fr "
                    + "ON fp.partition_id = fr.partition_id WHERE fr.replica_role = 2 "
                    + "AND fp.service_name LIKE '%ManagedServer%a1b2c3d4e5f6'").scalar();
            assertThat(node).isEqualTo("DB123");
        }
        assertThat(unprepared.run("SELECT * FROM sys.dm_hadr_fabric_nodes").errorNumbers()).containsExactly(208);
    }

    static List<String> scenarios() {
        return Scenarios.names();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyViewAnswersSelectStarOnEveryScenario(String scenario) {
        try (Sandbox sb = Sandbox.of(scenario.equals("limited-login") ? "unprepared-2019" : scenario)) {
            var s = Scenarios.load(scenario);
            for (CatalogView v : ViewRegistry.all()) {
                String name = (v.scope() == CatalogView.Scope.MSDB ? "msdb." : "") + v.schema() + "." + v.name();
                CollectingSink out = sb.run("SELECT * FROM " + name);
                if (v.exists().test(s)) {
                    assertThat(out.errors).as(name).isEmpty();
                    assertThat(out.only().columns()).as(name).hasSize(v.columnsFor(s).size());
                } else {
                    assertThat(out.errorNumbers()).as(name).containsExactly(208);
                }
            }
        }
    }
}
