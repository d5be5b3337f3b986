// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect;

import dev.milink.core.script.TSql;
import dev.milink.sqlserver.collect.internal.Section;
import dev.milink.sqlserver.collect.internal.Sections;
import dev.milink.sqlserver.collect.internal.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The offline collect script: for instances milink cannot reach, a DBA runs it in sqlcmd or SSMS and hands the
 * output to {@link OfflineFacts#read}. It is generated from the same {@code .sql} resources as the online batches,
 * so both read exactly the same things. It only reads (and creates #temp tables); it works on SQL Server 2016 and
 * later, choosing per-version query variants at run time with dynamic SQL.
 *
 * <pre>{@code
 * Files.writeString(Path.of("milink-collect.sql"), CollectScript.text());
 * // DBA: sqlcmd -S sql01 -E -i milink-collect.sql -o facts.txt -h -1 -y 0 -f o:65001
 * ServerFacts facts = OfflineFacts.read(Path.of("facts.txt"), "sql01");
 * }</pre>
 *
 * <p>Output format: every line is one JSON object. {@code {"_section":"milink","format":1}} opens the output; a
 * section's rows are {@code {"_section":"<name>", <column>: <value>, …}}; a failed section gives
 * {@code {"_section":"<name>","_error":300,"_message":"…"}}; every section that ran ends with
 * {@code {"_section":"<name>","_end":true}}. One row per line keeps lines short enough for SSMS's "Results to Text".
 *
 * @since 0.1
 */
public final class CollectScript {

    /** Format number written in the first line and checked by the reader. */
    public static final int FORMAT = 1;

    private static final String RUN = """
            IF @sql IS NOT NULL
            BEGIN
                BEGIN TRY
                    EXEC sys.sp_executesql @sql, N'@section nvarchar(128)', @section;
                END TRY
                BEGIN CATCH
                    SELECT (SELECT @section AS _section, ERROR_NUMBER() AS _error, ERROR_MESSAGE() AS _message
                            FOR JSON PATH, WITHOUT_ARRAY_WRAPPER) AS milink;
                END CATCH;
                SELECT (SELECT @section AS _section, CAST(1 AS bit) AS _end FOR JSON PATH, WITHOUT_ARRAY_WRAPPER) AS milink;
            END;
            """;

    private CollectScript() {
    }

    /** The script text (T-SQL, one batch, no GO). */
    public static String text() {
        StringBuilder b = new StringBuilder();
        b.append("""
                -- milink collect script, format %d. Reads catalog views and DMVs only (it creates nothing but #temp
                -- tables) on SQL Server 2016 and later. Run it as sysadmin for complete results; what a login may not
                -- read is reported as unknown, with the permission it needs.
                --
                -- sqlcmd (Windows auth; use -U <login> for SQL auth, sqlcmd asks for the password):
                --   sqlcmd -S <host[\\instance][,port]> -E -i milink-collect.sql -o facts.txt -h -1 -y 0 -f o:65001
                --   (-h -1: no column headers; -y 0: nvarchar(max) values are not cut at 256 characters; -f o:65001:
                --    UTF-8 output so non-Latin names survive; -W is not needed, trailing spaces are ignored; add -C to
                --    trust a self-signed server certificate.)
                -- SSMS: Query > Results To > Results to Text, and Tools > Options > Query Results > SQL Server >
                --   Results to Text > Maximum number of characters displayed in each column: 8192. Execute, then
                --   save the results pane as facts.txt.
                -- Then: milink check --facts facts.txt
                --
                -- Every result line is one JSON object: {"_section": …, column: value, …}; other lines are ignored.
                SET NOCOUNT ON;
                DECLARE @major int = CAST(SERVERPROPERTY('ProductMajorVersion') AS int);
                DECLARE @section nvarchar(128), @sql nvarchar(max), @db_id int, @db sysname, @db_template nvarchar(max);
                SELECT (SELECT N'milink' AS _section, %d AS format FOR JSON PATH, WITHOUT_ARRAY_WRAPPER) AS milink;
                """.formatted(FORMAT, FORMAT));
        for (Section s : Sections.INSTANCE) {
            b.append("\n-- ").append(s.name()).append('\n');
            b.append("SET @section = ").append(TSql.literal(s.name())).append(";\n");
            b.append("SET @sql = ").append(choice(s)).append(";\n");
            b.append(RUN);
        }
        b.append("""

                -- per online user database: three-part names, each database in its own dynamic batch
                SET @db_template = %s;
                SET @db_id = 4;
                WHILE 1 = 1
                BEGIN
                    SET @db = NULL;
                    SELECT TOP (1) @db_id = database_id, @db = name
                    FROM sys.databases
                    WHERE database_id > @db_id AND state_desc = N'ONLINE'
                    ORDER BY database_id;
                    IF @db IS NULL BREAK;
                    SET @section = N'database:' + CAST(@db_id AS nvarchar(11));
                    SET @sql = REPLACE(REPLACE(@db_template, N'{database_id}', CAST(@db_id AS nvarchar(11))), N'{db}', QUOTENAME(@db));
                """.formatted(TSql.literal(json(Sections.DATABASE))));
        b.append(RUN.indent(4));
        b.append("END;\n");
        return b.toString();
    }

    /** {@code CASE WHEN @major …} over the variants, or the one query. */
    private static String choice(Section s) {
        List<String> whens = new ArrayList<>();
        if (s.since() > Section.OLDEST_MAJOR) {
            whens.add("WHEN @major < " + s.since() + " THEN NULL");
        }
        for (Map.Entry<Integer, SqlText> v : s.variants().entrySet()) {
            whens.add("WHEN @major <= " + v.getKey() + " THEN " + TSql.literal(json(v.getValue())));
        }
        String latest = TSql.literal(json(s.latest()));
        return whens.isEmpty() ? latest : "CASE " + String.join(" ", whens) + " ELSE " + latest + " END";
    }

    /** The query with its final SELECT turned into one JSON object per row. */
    private static String json(SqlText t) {
        String select = "SELECT (SELECT @section AS _section, q.* FOR JSON PATH, WITHOUT_ARRAY_WRAPPER, INCLUDE_NULL_VALUES)"
                + " AS milink\nFROM (\n" + t.select() + "\n) AS q;";
        return t.setup().isEmpty() ? select : t.setup() + "\n" + select;
    }
}
