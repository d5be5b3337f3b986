// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.sqlserver.collect.internal.Section;
import dev.milink.sqlserver.collect.internal.Sections;
import org.junit.jupiter.api.Test;

class CollectScriptTest {

    private final String script = CollectScript.text();

    @Test
    void runsEverySectionFromTheSameQueryFiles() {
        assertThat(script).contains("SET NOCOUNT ON;").doesNotContainPattern("(?m)^GO$");
        for (Section s : Sections.INSTANCE) {
            assertThat(script).contains("SET @section = N'" + s.name() + "';");
            // the query file's final SELECT appears verbatim (quotes doubled inside the N'' literal)
            assertThat(script).contains(s.latest().select().replace("'", "''"));
        }
        assertThat(script).contains(Sections.DATABASE.select().replace("'", "''"));
    }

    @Test
    void picksVersionVariantsAtRunTime() {
        assertThat(script).contains("DECLARE @major int = CAST(SERVERPROPERTY('ProductMajorVersion') AS int);")
                .contains("SET @sql = CASE WHEN @major < 15 THEN NULL ELSE N'")
                .contains("SET @sql = CASE WHEN @major <= 14 THEN N'")
                .contains("CAST(0 AS bit) AS is_accelerated_database_recovery_on")
                .contains("sys.dm_os_windows_info");
    }

    @Test
    void everyRowIsOneJsonObjectAndErrorsAreCaught() {
        assertThat(script).contains("SELECT (SELECT @section AS _section, q.* FOR JSON PATH, WITHOUT_ARRAY_WRAPPER,"
                + " INCLUDE_NULL_VALUES) AS milink")
                .contains("BEGIN CATCH").contains("ERROR_NUMBER() AS _error")
                .contains("EXEC sys.sp_executesql @sql, N'@section nvarchar(128)', @section;")
                .contains("QUOTENAME(@db)").contains("WHERE database_id > @db_id AND state_desc = N'ONLINE'")
                .contains("sqlcmd -S <host[\\instance][,port]> -E -i milink-collect.sql -o facts.txt -h -1 -y 0");
    }

    @Test
    void nothingInTheScriptLooksLikeASqlcmdCommandOrVariable() {
        assertThat(script).doesNotContain("$(");
        for (String line : script.split("\n")) {
            assertThat(line.strip()).as(line)
                    .doesNotMatch("(?i)^(GO|ED|RESET|EXIT|QUIT|!!|:[a-z!]+)(\\s.*|\\(.*)?$");
        }
    }
}
