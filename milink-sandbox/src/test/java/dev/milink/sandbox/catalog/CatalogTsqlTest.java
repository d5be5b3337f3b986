// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.sandbox.engine.Faults;
import dev.milink.sandbox.engine.Session;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The T-SQL statement layer: variables, control flow, TRY/CATCH, dynamic SQL, FOR JSON, faults. */
class CatalogTsqlTest extends FreshSandboxTest {

    @Test
    void variablesAndRowWiseAccumulation() {
        CollectingSink s = sb.run("SET NOCOUNT ON;\n"
                + "DECLARE @list nvarchar(max) = N'', @n int;\n"
                + "SELECT @list = @list + QUOTENAME(name) + N',' FROM sys.databases WHERE database_id BETWEEN 5 AND 7 "
                + "ORDER BY database_id;\n"
                + "SET @n = (SELECT COUNT(*) FROM sys.databases);\n"
                + "SET @n += 1;\n"
                + "SELECT @list AS list, @n AS n");
        assertThat(s.only().rows().get(0)).containsExactly("[SalesDB],[HRDB],[Staging],", 19);
    }

    @Test
    void selectTopAssignsTheFirstRowInOrderAndNoRowLeavesVariablesAlone() {
        CollectingSink s = sb.run("DECLARE @id int = 4, @db sysname;\n"
                + "SELECT TOP (1) @id = database_id, @db = name FROM sys.databases WHERE database_id > @id"
                + " ORDER BY database_id DESC;\n"
                + "SELECT @id AS id, @db AS db;\n"
                + "SET @db = N'unchanged';\n"
                + "SELECT TOP 1 @db = name FROM sys.databases WHERE 1 = 0;\n"
                + "SELECT @db;");
        assertThat(s.errors).isEmpty();
        assertThat(s.results).hasSize(2);
        assertThat(s.results.get(0).rows().get(0)).containsExactly(18, "販売");
        assertThat(s.results.get(1).rows().get(0)).containsExactly("unchanged");
    }

    @Test
    void ifElseBeginEndAndPrint() {
        CollectingSink s = sb.run("IF EXISTS (SELECT 1 FROM sys.symmetric_keys WHERE name LIKE '%DatabaseMasterKey%')\n"
                + "BEGIN PRINT 'has key' END\n"
                + "ELSE\n"
                + "BEGIN\n  PRINT 'no key';\n  SELECT CAST(SERVERPROPERTY('IsHadrEnabled') AS int) AS hadr\nEND");
        assertThat(s.infos).extracting(CollectingSink.Info::message).containsExactly("no key");
        assertThat(s.scalar()).isEqualTo(0);
        assertThat(sb.run("IF @@TRANCOUNT > 0 COMMIT TRAN; SELECT 1").scalar()).isEqualTo(1);
        assertThat(sb.run("set implicit_transactions off; SET ROWCOUNT 0; SELECT 1").scalar()).isEqualTo(1);
    }

    @Test
    void tryCatchSeesTheError() {
        CollectingSink s = sb.run("BEGIN TRY\n"
                + "  BACKUP DATABASE SalesDB TO DISK = N'Q:\\none\\x.bak';\n"
                + "END TRY\n"
                + "BEGIN CATCH\n"
                + "  SELECT ERROR_NUMBER() AS number, ERROR_MESSAGE() AS message;\n"
                + "END CATCH");
        assertThat(s.errors).isEmpty();
        assertThat(s.only().rows().get(0)).containsExactly(3013, "BACKUP DATABASE is terminating abnormally.");
        CollectingSink rethrow = sb.run("BEGIN TRY SELECT 1/0 END TRY BEGIN CATCH THROW; END CATCH; SELECT 2");
        assertThat(rethrow.errorNumbers()).containsExactly(8134);
        assertThat(rethrow.results).isEmpty();
        CollectingSink thrown = sb.run("THROW 70000, N'The job NetHelper already exists.', 1;");
        assertThat(thrown.errorNumbers()).containsExactly(70000);
        assertThat(sb.run("RAISERROR('%s is %d', 10, 1, N'x', 5)").infos.get(0).message()).isEqualTo("x is 5");
    }

    @Test
    void dynamicSql() {
        CollectingSink s = sb.run("DECLARE @sql nvarchar(max) = N'SELECT name FROM sys.databases WHERE database_id = @id';\n"
                + "EXEC sys.sp_executesql @sql, N'@id int', @id = 5;\n"
                + "EXEC (N'SELECT ' + N'42 AS answer');");
        assertThat(s.errors).isEmpty();
        assertThat(s.results.get(0).rows().get(0)[0]).isEqualTo("SalesDB");
        assertThat(s.results.get(1).rows().get(0)[0]).isEqualTo(42);
        CollectingSink perDb = sb.run("DECLARE @db sysname = N'O''Brien DB';\n"
                + "DECLARE @q nvarchar(max) = N'SELECT COUNT(*) FROM ' + QUOTENAME(@db) + N'.sys.database_files';\n"
                + "EXEC sp_executesql @q");
        assertThat(perDb.scalar()).isEqualTo(2L);
    }

    @Test
    void parameterisedStatementsBindP0() {
        CollectingSink sink = new CollectingSink();
        sb.session.executeParameterized("SELECT name FROM sys.databases WHERE name = @P0 AND database_id > @P1",
                List.of(new Session.Param("@P0", "HRDB"), new Session.Param("@P1", 4)), sink);
        assertThat(sink.scalar()).isEqualTo("HRDB");
    }

    @Test
    void forJsonPath() {
        CollectingSink s = sb.run("SELECT name, is_read_only, create_date FROM sys.databases WHERE name = 'Archive2015' "
                + "FOR JSON PATH");
        assertThat(s.only().columns().get(0).name()).isEqualTo("JSON_F52E2B61-18A1-11d1-B105-00805F49916B");
        assertThat(s.scalar()).isEqualTo("[{\"name\":\"Archive2015\",\"is_read_only\":true,"
                + "\"create_date\":\"2023-03-01T09:00:00\"}]");
        CollectingSink nested = sb.run("SELECT (SELECT name, collation_name AS [db.collation], source_database_id "
                + "FROM sys.databases WHERE database_id = 1 FOR JSON PATH, INCLUDE_NULL_VALUES, WITHOUT_ARRAY_WRAPPER) "
                + "AS facts, (SELECT name FROM sys.databases WHERE 1 = 0 FOR JSON PATH) AS empty");
        assertThat(nested.only().rows().get(0)).containsExactly("{\"name\":\"master\",\"db\":{\"collation\":"
                + "\"SQL_Latin1_General_CP1_CI_AS\"},\"source_database_id\":null}", null);
        assertThat(sb.run("SELECT thumbprint FROM sys.certificates FOR JSON PATH").scalar().toString())
                .matches("\\[\\{\"thumbprint\":\"[A-Za-z0-9+/=]+\"}]");
    }

    @Test
    void correlatedForJsonSubqueryRunsOncePerOuterRow() {
        // valid T-SQL: the subquery sees the derived table q of the outer query, row by row
        CollectingSink s = sb.run("DECLARE @section nvarchar(128) = N'dbs';\n"
                + "SELECT (SELECT @section AS _section, q.* FOR JSON PATH, WITHOUT_ARRAY_WRAPPER, INCLUDE_NULL_VALUES)"
                + " AS milink\nFROM (\nSELECT database_id, name, is_read_only, source_database_id FROM sys.databases"
                + " WHERE database_id IN (1, 8)\n) AS q ORDER BY q.database_id;");
        assertThat(s.errors).isEmpty();
        assertThat(s.only().columns()).extracting(c -> c.name()).containsExactly("milink");
        assertThat(s.only().rows()).extracting(r -> r[0]).containsExactly(
                "{\"_section\":\"dbs\",\"database_id\":1,\"name\":\"master\",\"is_read_only\":false,"
                        + "\"source_database_id\":null}",
                "{\"_section\":\"dbs\",\"database_id\":8,\"name\":\"Archive2015\",\"is_read_only\":true,"
                        + "\"source_database_id\":null}");
        CollectingSink columns = sb.run("SELECT d.database_id, (SELECT f.name, f.type_desc FROM sys.master_files AS f"
                + " WHERE f.database_id = d.database_id FOR JSON PATH) AS files FROM sys.databases AS d"
                + " WHERE d.database_id = 1");
        assertThat(columns.errors).isEmpty();
        assertThat(columns.only().rows().get(0)).containsExactly(1, "[{\"name\":\"master\",\"type_desc\":\"ROWS\"},"
                + "{\"name\":\"mastlog\",\"type_desc\":\"LOG\"}]");
        assertThat(sb.run("SELECT (SELECT q.nope FOR JSON PATH) FROM (SELECT 1 AS a) AS q").errorNumbers())
                .containsExactly(207);
    }

    @Test
    void functionsTheCollectorsUse() {
        assertThat(sb.run("SELECT COUNT_BIG(*), ISNULL(NULL, N'x'), CONVERT(varchar(10), 5), TRY_CONVERT(int, 'abc'), "
                + "TRY_CONVERT(int, '12'), CAST(N'a' AS sysname), HAS_PERMS_BY_NAME(NULL, NULL, 'VIEW SERVER STATE'), "
                + "DATEDIFF(day, '2024-01-01', '2024-01-31'), IIF(1 = 1, 'y', 'n') FROM sys.databases").only().rows().get(0))
                .containsExactly(18L, "x", "5", null, 12, "a", 1, 30L, "y");
        assertThat(sb.run("SELECT CONVERT(varchar(30), CAST('2024-01-31 10:00:00' AS datetime), 126), "
                + "CONVERT(varchar(10), 0x0A0B, 1)").only().rows().get(0))
                .containsExactly("2024-01-31T10:00:00", "0x0A0B");
        assertThat(sb.run("SELECT DATEDIFF(second, GETDATE(), SYSUTCDATETIME()) BETWEEN -90000 AND 90000").errors)
                .isEmpty();
    }

    @Test
    void tempTablesFilledByInsertExec() {
        CollectingSink s = sb.run("CREATE TABLE #flags (TraceFlag int, Status int, Global int, Session int);\n"
                + "INSERT INTO #flags EXEC (N'DBCC TRACESTATUS(-1) WITH NO_INFOMSGS');\n"
                + "SELECT TraceFlag AS trace_flag, Global AS is_global FROM #flags;\n"
                + "CREATE TABLE #log (seq int IDENTITY(1, 1), log_date datetime, process_info nvarchar(100), "
                + "log_text nvarchar(max));\n"
                + "INSERT INTO #log (log_date, process_info, log_text) EXEC sys.xp_readerrorlog 0, 1;\n"
                + "SELECT TOP (1) seq, log_text FROM #log WHERE log_text LIKE N'Registry startup parameters:%';\n"
                + "IF OBJECT_ID('tempdb..#log') IS NOT NULL DROP TABLE #log;");
        assertThat(s.errors).isEmpty();
        assertThat(s.results.get(0).rows().get(0)).containsExactly(1800, 1);
        assertThat(s.results.get(1).rows().get(0)[1].toString()).contains("-d C:\\Program Files");
        assertThat(sb.run("SELECT * FROM #log").errorNumbers()).containsExactly(208);
    }

    @Test
    void statementErrorFaults() {
        sb.engine.setFaults(new Faults(Duration.ZERO, Duration.ZERO, 0, List.of(
                new Faults.StatementError(Pattern.compile("ALTER DATABASE", Pattern.CASE_INSENSITIVE), 1222, 16,
                        "Lock request time out period exceeded.", 1))));
        CollectingSink first = sb.run("ALTER DATABASE Staging SET RECOVERY FULL; SELECT 1");
        assertThat(first.errorNumbers()).containsExactly(1222);
        assertThat(first.errors.get(0).getMessage()).isEqualTo("Lock request time out period exceeded.");
        assertThat(first.results).hasSize(1);
        assertThat(sb.run("ALTER DATABASE Staging SET RECOVERY FULL").errors).isEmpty();
        assertThat(sb.engine.state().scenario().database("Staging").recovery).isEqualTo("FULL");
    }
}
