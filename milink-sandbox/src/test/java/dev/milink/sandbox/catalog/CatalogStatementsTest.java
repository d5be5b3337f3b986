// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Each state-changing statement, then the query that shows its effect. */
class CatalogStatementsTest extends FreshSandboxTest {

    @Test
    void createMasterKeyOnceThenFifteenFiveSeventyEight() {
        CollectingSink s = sb.run("USE master; CREATE MASTER KEY ENCRYPTION BY PASSWORD = 'Str0ng!Passw0rd';");
        assertThat(s.errors).isEmpty();
        assertThat(sb.run("SELECT COUNT(*) FROM sys.symmetric_keys WHERE symmetric_key_id = 101").scalar()).isEqualTo(1L);
        CollectingSink again = sb.run("CREATE MASTER KEY ENCRYPTION BY PASSWORD = 'Str0ng!Passw0rd'");
        assertThat(again.errorNumbers()).containsExactly(15578);
        assertThat(again.errors.get(0).getMessage()).isEqualTo("There is already a master key in the database. "
                + "Please drop it before performing this statement.");
        assertThat(sb.engine.state().scenario().database("master").masterKey).isTrue();
        assertThat(sb.run("DROP MASTER KEY").errors).isEmpty();
        assertThat(sb.run("SELECT COUNT(*) FROM sys.symmetric_keys").scalar()).isEqualTo(0L);
    }

    @Test
    void recoveryModelAndDatabaseOptions() {
        assertThat(sb.run("ALTER DATABASE [Staging] SET RECOVERY FULL WITH NO_WAIT").errors).isEmpty();
        assertThat(sb.run("ALTER DATABASE Reports SET AUTO_CLOSE OFF").errors).isEmpty();
        assertThat(sb.run("ALTER DATABASE Archive2015 SET READ_WRITE WITH ROLLBACK IMMEDIATE").errors).isEmpty();
        assertThat(sb.run("ALTER DATABASE SalesDB SET ENABLE_BROKER; "
                + "ALTER DATABASE SalesDB SET ACCELERATED_DATABASE_RECOVERY = ON").errors).isEmpty();
        CollectingSink.Result r = sb.run("SELECT name, recovery_model_desc, is_auto_close_on, is_read_only, "
                + "is_broker_enabled, is_accelerated_database_recovery_on FROM sys.databases "
                + "WHERE name IN ('Staging', 'Reports', 'Archive2015', 'SalesDB') ORDER BY name").only();
        assertThat(r.rows().get(0)).containsExactly("Archive2015", "FULL", false, false, false, false);
        assertThat(r.rows().get(1)).containsExactly("Reports", "FULL", false, false, false, false);
        assertThat(r.rows().get(2)).containsExactly("SalesDB", "FULL", false, false, true, true);
        assertThat(r.rows().get(3)).containsExactly("Staging", "FULL", false, false, false, false);
    }

    @Test
    void alterDatabaseErrorsLikeSqlServer() {
        assertThat(sb.run("ALTER DATABASE Archive2015 SET RECOVERY SIMPLE").errorNumbers()).containsExactly(5004, 5069);
        assertThat(sb.run("ALTER DATABASE LegacyCRM SET RECOVERY SIMPLE").errorNumbers()).containsExactly(942, 5069);
        assertThat(sb.run("ALTER DATABASE NoSuchDb SET RECOVERY FULL").errorNumbers()).containsExactly(5011, 5069);
        assertThat(sb.run("ALTER DATABASE LegacyCRM SET ONLINE").errors).isEmpty();
        try (Sandbox old = Sandbox.of("sql2016-sp3-no-connect-pack")) {
            assertThat(old.run("ALTER DATABASE AppDB SET ACCELERATED_DATABASE_RECOVERY = ON").errorNumbers())
                    .containsExactly(102);
        }
    }

    @Test
    void backupStreamsProgressAndStartsTheLogChain() {
        CollectingSink s = sb.run("BACKUP DATABASE [HRDB] TO DISK = N'D:\\Backups\\HRDB.bak' "
                + "WITH CHECKSUM, COMPRESSION, STATS = 10");
        assertThat(s.errors).isEmpty();
        assertThat(s.infos.stream().filter(i -> i.number() == 3211).map(CollectingSink.Info::message))
                .containsExactly("10 percent processed.", "20 percent processed.", "30 percent processed.",
                        "40 percent processed.", "50 percent processed.", "60 percent processed.",
                        "70 percent processed.", "80 percent processed.", "90 percent processed.",
                        "100 percent processed.");
        assertThat(s.infos.stream().filter(i -> i.number() == 4035).map(CollectingSink.Info::message))
                .containsExactly("Processed 3276 pages for database 'HRDB', file 'HRDB' on file 1.",
                        "Processed 2 pages for database 'HRDB', file 'HRDB_log' on file 1.");
        assertThat(s.infos.get(s.infos.size() - 1).message())
                .matches("BACKUP DATABASE successfully processed 3278 pages in 0\\.123 seconds \\([0-9.]+ MB/sec\\)\\.");
        CollectingSink.Result r = sb.run("SELECT TOP 1 type, is_copy_only, has_backup_checksums, "
                + "compressed_backup_size, backup_size, first_lsn, database_backup_lsn FROM msdb.dbo.backupset "
                + "WHERE database_name = N'HRDB' ORDER BY backup_set_id DESC").only();
        assertThat(r.value(0, "is_copy_only")).isEqualTo(false);
        assertThat(r.value(0, "has_backup_checksums")).isEqualTo(true);
        assertThat((BigDecimal) r.value(0, "compressed_backup_size")).isLessThan((BigDecimal) r.value(0, "backup_size"));
        assertThat(r.value(0, "database_backup_lsn")).isEqualTo(BigDecimal.ZERO);
        Object lsn = sb.run("SELECT last_log_backup_lsn FROM sys.database_recovery_status "
                + "WHERE database_id = DB_ID('HRDB')").scalar();
        assertThat(lsn).isEqualTo(r.value(0, "first_lsn"));
        assertThat(sb.run("BACKUP LOG HRDB TO DISK = 'D:\\Backups\\HRDB.trn'").errors).isEmpty();
        CollectingSink.Result chain = sb.run("SELECT type, first_lsn, last_lsn, database_backup_lsn, checkpoint_lsn "
                + "FROM msdb.dbo.backupset WHERE database_name = 'HRDB' ORDER BY backup_set_id").only();
        assertThat(chain.value(2, "first_lsn")).isEqualTo(chain.value(1, "first_lsn"));
        assertThat(chain.value(2, "database_backup_lsn")).isEqualTo(chain.value(1, "checkpoint_lsn"));
    }

    @Test
    void copyOnlyBackupLeavesTheChainAlone() {
        assertThat(sb.run("BACKUP DATABASE [Sales]]Q1] TO DISK = 'D:\\Backups\\q1.bak' WITH COPY_ONLY").errors).isEmpty();
        assertThat(sb.run("SELECT last_log_backup_lsn FROM sys.database_recovery_status WHERE database_id = 15")
                .scalar()).isNull();
        assertThat(sb.run("BACKUP LOG [Sales]]Q1] TO DISK = 'D:\\Backups\\q1.trn'").errorNumbers())
                .containsExactly(4214, 3013);
    }

    @Test
    void backupToAMissingDirectoryFailsWith3201Then3013() {
        CollectingSink s = sb.run("BACKUP DATABASE SalesDB TO DISK = N'X:\\Nowhere\\s.bak' WITH CHECKSUM");
        assertThat(s.errorNumbers()).containsExactly(3201, 3013);
        assertThat(s.errors.get(0).getMessage()).isEqualTo("Cannot open backup device 'X:\\Nowhere\\s.bak'. "
                + "Operating system error 3(The system cannot find the path specified.).");
        assertThat(s.errors.get(1).getMessage()).isEqualTo("BACKUP DATABASE is terminating abnormally.");
        assertThat(sb.run("BACKUP LOG Staging TO DISK = 'D:\\Backups\\x.trn'").errorNumbers()).containsExactly(4208, 3013);
    }

    @Test
    void traceFlagsOnAndOff() {
        assertThat(sb.run("DBCC TRACEON(9567, -1)").infos).extracting(CollectingSink.Info::number).containsExactly(2528);
        CollectingSink.Result r = sb.run("DBCC TRACESTATUS(-1) WITH NO_INFOMSGS").only();
        assertThat(r.column("TraceFlag")).containsExactly(1800, 9567);
        sb.run("DBCC TRACEOFF(1800, -1)");
        assertThat(sb.run("DBCC TRACESTATUS(1800, -1)").results.get(0).rows().get(0)).containsExactly(1800, 0, 0, 0);
        assertThat(sb.run("EXEC xp_readerrorlog 0, 1, N'DBCC TRACEON 9567'").only().rows()).hasSize(1);
        assertThat(sb.run("DBCC SQLPERF(LOGSPACE)").results.get(0).column("Database Name")).contains("SalesDB");
    }

    @Test
    void certificateCreateExportDrop() {
        assertThat(sb.run("USE master; CREATE CERTIFICATE [Cert_SQLPROD01_endpoint] WITH SUBJECT = 'x'")
                .errorNumbers()).containsExactly(15581);
        sb.run("USE master; CREATE MASTER KEY ENCRYPTION BY PASSWORD = 'Str0ng!Passw0rd'");
        CollectingSink s = sb.run("CREATE CERTIFICATE [Cert_SQLPROD01_endpoint] WITH SUBJECT = "
                + "'Certificate for SQLPROD01 endpoint', EXPIRY_DATE = '2034-01-31'");
        assertThat(s.errors).isEmpty();
        CollectingSink.Result r = sb.run("SELECT name, subject, expiry_date, pvt_key_encryption_type FROM "
                + "sys.certificates WHERE pvt_key_encryption_type = 'MK'").only();
        assertThat(r.rows().get(0)[0]).isEqualTo("Cert_SQLPROD01_endpoint");
        assertThat(r.rows().get(0)[2].toString()).startsWith("2034-01-31T00:00");
        assertThat(sb.run("SELECT CERTENCODED(CERT_ID(N'Cert_SQLPROD01_endpoint'))").scalar()).isInstanceOf(byte[].class);
        assertThat(sb.run("DROP CERTIFICATE [Cert_SQLPROD01_endpoint]").errors).isEmpty();
        assertThat(sb.run("DROP CERTIFICATE [Cert_SQLPROD01_endpoint]").errorNumbers()).containsExactly(15151);
    }

    @Test
    void endpointCreateAlterOnlyOneMirroringEndpoint() {
        sb.run("USE master; CREATE MASTER KEY ENCRYPTION BY PASSWORD = 'Str0ng!Passw0rd'; "
                + "CREATE CERTIFICATE TEST_CERT WITH SUBJECT = 'Certificate for SQL Server', EXPIRY_DATE = '3/30/2051'");
        CollectingSink s = sb.run("CREATE ENDPOINT TEST_ENDPOINT STATE=STARTED AS TCP (LISTENER_PORT=5022, "
                + "LISTENER_IP=ALL) FOR DATABASE_MIRRORING (ROLE=ALL, AUTHENTICATION=CERTIFICATE TEST_CERT, "
                + "ENCRYPTION=REQUIRED ALGORITHM AES)");
        assertThat(s.errors).isEmpty();
        assertThat(sb.run("SELECT state_desc, connection_auth_desc, encryption_algorithm_desc, certificate_id "
                + "FROM sys.database_mirroring_endpoints").only().rows().get(0))
                .containsExactly("STARTED", "CERTIFICATE", "AES", 257); // 256 is the resource signing certificate
        assertThat(sb.run("CREATE ENDPOINT other AS TCP (LISTENER_PORT = 5023) FOR DATABASE_MIRRORING (ROLE = ALL)")
                .errorNumbers()).containsExactly(7862);
        assertThat(sb.run("ALTER ENDPOINT TEST_ENDPOINT FOR DATABASE_MIRRORING "
                + "(AUTHENTICATION = WINDOWS NEGOTIATE CERTIFICATE TEST_CERT)").errors).isEmpty();
        assertThat(sb.run("SELECT connection_auth_desc FROM sys.database_mirroring_endpoints").scalar())
                .isEqualTo("NEGOTIATE, CERTIFICATE");
        assertThat(sb.run("DROP CERTIFICATE TEST_CERT").errorNumbers()).containsExactly(15352);
        assertThat(sb.run("DROP ENDPOINT TEST_ENDPOINT; DROP CERTIFICATE TEST_CERT").errors).isEmpty();
        assertThat(sb.run("SELECT COUNT(*) FROM sys.endpoints WHERE type = 4").scalar()).isEqualTo(0L);
    }

    @Test
    void grantsConfigurationAndFiles() {
        assertThat(sb.run("GRANT ALTER ANY AVAILABILITY GROUP TO [NT AUTHORITY\\SYSTEM]; "
                + "GRANT CONNECT SQL TO [NT AUTHORITY\\SYSTEM]; GRANT VIEW SERVER STATE TO [NT AUTHORITY\\SYSTEM]")
                .errors).isEmpty();
        assertThat(sb.run("SELECT p.permission_name FROM sys.server_permissions p JOIN sys.server_principals sp "
                + "ON sp.principal_id = p.grantee_principal_id WHERE sp.name = N'NT AUTHORITY\\SYSTEM' "
                + "ORDER BY p.permission_name").only().column("permission_name"))
                .containsExactly("ALTER ANY AVAILABILITY GROUP", "CONNECT SQL", "VIEW SERVER STATE");
        CollectingSink cfg = sb.run("EXEC sp_configure 'contained database authentication', 1; RECONFIGURE;");
        assertThat(cfg.infos).extracting(CollectingSink.Info::number).containsExactly(15457);
        assertThat(sb.run("SELECT value_in_use FROM sys.configurations WHERE name = "
                + "'contained database authentication'").scalar()).isEqualTo(1);
        assertThat(sb.run("EXEC xp_create_subdir N'D:\\Backups\\Link'; SELECT file_is_a_directory "
                + "FROM sys.dm_os_file_exists(N'D:\\Backups\\Link')").results.get(0).rows().get(0)[0]).isEqualTo(true);
        assertThat(sb.run("EXEC master.dbo.xp_fileexist N'D:\\Backups\\SalesDB_full.bak'").only().rows().get(0))
                .containsExactly(1, 0, 1);
    }

    @Test
    void proceduresAreStoredAndRun() {
        assertThat(sb.run("CREATE PROCEDURE dbo.Greet @who nvarchar(50) = N'world' AS\n"
                + "SELECT N'hello ' + @who AS greeting").errors).isEmpty();
        assertThat(sb.run("EXEC dbo.Greet").scalar()).isEqualTo("hello world");
        assertThat(sb.run("EXEC Greet @who = N'milink'").scalar()).isEqualTo("hello milink");
        assertThat(sb.run("DROP PROCEDURE Greet; EXEC Greet").errorNumbers()).containsExactly(2812);
        assertThat(sb.run("SELECT 1; CREATE PROCEDURE p AS SELECT 1").errorNumbers()).containsExactly(111);
    }
}
