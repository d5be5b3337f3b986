// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect.internal;

import dev.milink.core.script.TSql;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the two online batches. Each section runs inside {@code sp_executesql} within TRY…CATCH, so a compile error
 * (a column this version lacks) or a permission error stops only that section: its CATCH block returns a
 * {@value #ERROR_COLUMN} row and the batch goes on. Every section ends with a {@value #END_COLUMN} row, so the reader
 * knows which result set belongs to which section without relying on how many result sets a query produced.
 *
 * <p>The guard is written once, in a T-SQL loop, not once per section: the instance batch picks each section's
 * name and text with a {@code CASE} on the loop counter, and the per-database batch walks the chosen databases in
 * {@code sys.databases} and fills the one template with {@code REPLACE} and {@code QUOTENAME}, as the offline
 * {@link dev.milink.sqlserver.collect.CollectScript} does. That halves the instance batch (every byte of it is
 * encrypted, sent and parsed for every instance of a fleet) and keeps the per-database batch at a few characters per
 * database instead of the whole template (docs/benchmarks.md).
 */
public final class Batches {

    /** Column of the marker row that closes a section. */
    public static final String END_COLUMN = "milink_section_end";
    /** Column of the row a section's CATCH block returns. */
    public static final String ERROR_COLUMN = "milink_error";
    /** Column with the error text in that row. */
    public static final String MESSAGE_COLUMN = "milink_message";

    /** Runs {@code @q} as section {@code @s}: its rows or its error row, then its end marker. */
    private static final String GUARD = """
                BEGIN TRY
                    EXEC sys.sp_executesql @q;
                END TRY
                BEGIN CATCH
                    SELECT @s AS milink_section, ERROR_NUMBER() AS %s, ERROR_MESSAGE() AS %s;
                END CATCH;
                SELECT @s AS %s;
            """.formatted(ERROR_COLUMN, MESSAGE_COLUMN, END_COLUMN);

    private Batches() {
    }

    /** A section to run: its name and the SQL text to execute. */
    public record Planned(String section, String sql) {}

    /**
     * One round trip: the sections it answers, in the order their end markers come, and its T-SQL text.
     *
     * @param skipped why a section whose end marker never came, while a later one's did, did not run
     */
    public record Batch(List<String> sections, String text, String skipped) {
        public Batch {
            sections = List.copyOf(sections);
        }
    }

    /** Round trip 1: the instance-level sections that apply to this major version. */
    public static List<Planned> instance(int major) {
        List<Planned> out = new ArrayList<>();
        for (Section s : Sections.INSTANCE) {
            s.forMajor(major).ifPresent(t -> out.add(new Planned(s.name(), t.body())));
        }
        return out;
    }

    /** The batch that runs {@code planned} in order, each guarded. */
    public static Batch of(List<Planned> planned) {
        StringBuilder b = new StringBuilder("SET NOCOUNT ON;\nDECLARE @i int = 0, @s nvarchar(128), @q nvarchar(max);\n")
                .append("WHILE @i < ").append(planned.size()).append("\nBEGIN\n    SET @i = @i + 1;\n    SET @s = CASE @i");
        for (int i = 0; i < planned.size(); i++) {
            b.append(" WHEN ").append(i + 1).append(" THEN ").append(TSql.literal(planned.get(i).section()));
        }
        b.append(" END;\n    SET @q = CASE @i");
        for (int i = 0; i < planned.size(); i++) {
            b.append("\nWHEN ").append(i + 1).append(" THEN ").append(TSql.literal(planned.get(i).sql()));
        }
        b.append(" END;\n").append(GUARD).append("END;\n");
        return new Batch(planned.stream().map(Planned::section).toList(), b.toString(),
                "the batch skipped this query");
    }

    /**
     * Round trip 2: the per-database template for each database, by id; the server quotes each name
     * ({@code QUOTENAME}) when it fills in the template, so names never pass through milink's own quoting.
     */
    public static Batch databases(List<DatabaseRef> dbs) {
        List<DatabaseRef> byId = dbs.stream().sorted(Comparator.comparingInt(DatabaseRef::id)).toList();
        String ids = byId.stream().map(d -> Integer.toString(d.id())).distinct().collect(Collectors.joining(", "));
        // {database_id} first: a database name may itself contain the text "{database_id}"
        String text = """
                SET NOCOUNT ON;
                DECLARE @id int = 0, @db sysname, @s nvarchar(128), @q nvarchar(max);
                WHILE 1 = 1
                BEGIN
                    SET @db = NULL;
                    SELECT TOP (1) @id = database_id, @db = name FROM sys.databases
                    WHERE database_id > @id AND database_id IN (%s) ORDER BY database_id;
                    IF @db IS NULL BREAK;
                    SET @s = N'database:' + CAST(@id AS nvarchar(11));
                    SET @q = REPLACE(REPLACE(%s, N'{database_id}', CAST(@id AS nvarchar(11))), N'{db}', QUOTENAME(@db));
                %sEND;
                """.formatted(ids, TSql.literal(Sections.DATABASE.body()), GUARD);
        return new Batch(byId.stream().map(d -> Sections.databaseSection(d.id())).distinct().toList(), text,
                "the database is no longer in sys.databases (dropped after the first round trip)");
    }

    /** A database to read in round trip 2. */
    public record DatabaseRef(int id, String name) {}
}
