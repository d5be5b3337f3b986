// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SQL Server's errors for wrong queries, batch-abort rules and permissions. */
class CatalogErrorsTest {
    @RegisterExtension
    static final Sandbox sa = Sandbox.of("unprepared-2019");
    @RegisterExtension
    static final Sandbox reader = Sandbox.of("limited-login");

    @Test
    void unknownColumnObjectAndSyntax() {
        CollectingSink s = sa.run("SELECT Name, NoSuchColumn FROM sys.databases");
        assertThat(s.errorNumbers()).containsExactly(207);
        assertThat(s.errors.get(0).getMessage()).isEqualTo("Invalid column name 'NoSuchColumn'.");
        assertThat(s.errors.get(0).severityClass()).isEqualTo(16);
        CollectingSink o = sa.run("SELECT * FROM sys.no_such_view");
        assertThat(o.errors.get(0).getMessage()).isEqualTo("Invalid object name 'sys.no_such_view'.");
        assertThat(sa.run("SELECT * FROM msdb.dbo.nothing_here").errorNumbers()).containsExactly(208);
        assertThat(sa.run("SELECT name FROM sys.databases WHERE").errorNumbers()).containsExactly(102);
    }

    @Test
    void goIsNotTsqlAndFailsTheWholeBatch() {
        CollectingSink s = sa.run("SELECT 1\nGO\nSELECT 2");
        assertThat(s.errorNumbers()).containsExactly(102);
        assertThat(s.errors.get(0).getMessage()).isEqualTo("Incorrect syntax near 'GO'.");
        assertThat(s.results).isEmpty();
    }

    @Test
    void statementErrorsContinueTheBatchButNameErrorsAbortIt() {
        CollectingSink s = sa.run("SELECT 1/0; SELECT 2");
        assertThat(s.errorNumbers()).containsExactly(8134);
        assertThat(s.results).hasSize(1);
        CollectingSink abort = sa.run("SELECT * FROM sys.nothing; SELECT 2");
        assertThat(abort.errorNumbers()).containsExactly(208);
        assertThat(abort.results).isEmpty();
    }

    @Test
    void viewServerStateDeniedGivesThreeHundredThenTwoNinetySeven() {
        CollectingSink s = reader.run("SELECT registry_key FROM sys.dm_server_registry");
        assertThat(s.errorNumbers()).containsExactly(300, 297);
        assertThat(s.errors.get(0).getMessage())
                .isEqualTo("VIEW SERVER STATE permission was denied on object 'server', database 'master'.");
        assertThat(s.errors.get(1).getMessage()).isEqualTo("The user does not have permission to perform this action.");
        assertThat(reader.run("SELECT * FROM sys.dm_server_services").errorNumbers()).containsExactly(300, 297);
        assertThat(reader.run("SELECT IS_SRVROLEMEMBER('sysadmin')").scalar()).isEqualTo(0);
        assertThat(reader.run("SELECT COUNT(*) FROM sys.databases").scalar()).isEqualTo(18L);
        assertThat(reader.run("SELECT COUNT(*) FROM sys.certificates").scalar()).isEqualTo(0L);
    }

    @Test
    void errorLogNeedsSecurityadmin() {
        CollectingSink s = reader.run("EXEC sys.xp_readerrorlog 0, 1, N'Server process ID'");
        assertThat(s.errorNumbers()).containsExactly(229);
        assertThat(s.errors.get(0).getMessage()).isEqualTo("The EXECUTE permission was denied on the object "
                + "'xp_readerrorlog', database 'mssqlsystemresource', schema 'sys'.");
        CollectingSink ok = sa.run("EXEC sys.xp_readerrorlog 0, 1, N'Server process ID'");
        assertThat(ok.only().rows()).hasSize(1);
        assertThat(ok.only().value(0, "Text")).isEqualTo("Server process ID is 4242.");
        assertThat(ok.only().value(0, "ProcessInfo")).isEqualTo("Server");
    }

    @Test
    void limitedLoginCannotChangeState() {
        assertThat(reader.run("ALTER DATABASE SalesDB SET RECOVERY SIMPLE").errorNumbers()).containsExactly(5011, 5069);
        assertThat(reader.run("DBCC TRACEON(1800, -1)").errorNumbers()).containsExactly(2571);
        assertThat(reader.run("EXEC msdb.dbo.sp_start_job @job_name = N'x'").errorNumbers()).containsExactly(229);
    }

    @Test
    void undeclaredVariableAndUnknownProcedure() {
        assertThat(sa.run("SELECT @nope").errors.get(0).getMessage())
                .isEqualTo("Must declare the scalar variable \"@nope\".");
        assertThat(sa.run("EXEC dbo.sp_nothing").errorNumbers()).containsExactly(2812);
    }
}
