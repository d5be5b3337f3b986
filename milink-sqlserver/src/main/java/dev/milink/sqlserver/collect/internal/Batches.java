// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect.internal;

import dev.milink.core.script.TSql;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the two online batches. Each section runs inside {@code sp_executesql} within TRY…CATCH, so a compile error
 * (a column this version lacks) or a permission error stops only that section: its CATCH block returns a
 * {@value #ERROR_COLUMN} row and the batch goes on. Every section ends with a {@value #END_COLUMN} row, so the reader
 * knows which result set belongs to which section without relying on how many result sets a query produced.
 */
public final class Batches {

    /** Column of the marker row that closes a section. */
    public static final String END_COLUMN = "milink_section_end";
    /** Column of the row a section's CATCH block returns. */
    public static final String ERROR_COLUMN = "milink_error";
    /** Column with the error text in that row. */
    public static final String MESSAGE_COLUMN = "milink_message";

    private Batches() {
    }

    /** A section to run: its name and the SQL text to execute. */
    public record Planned(String section, String sql) {}

    /** Round trip 1: the instance-level sections that apply to this major version. */
    public static List<Planned> instance(int major) {
        List<Planned> out = new ArrayList<>();
        for (Section s : Sections.INSTANCE) {
            s.forMajor(major).ifPresent(t -> out.add(new Planned(s.name(), t.body())));
        }
        return out;
    }

    /** Round trip 2: the per-database template for each (id, name), names quoted with {@link TSql#quoteName}. */
    public static List<Planned> databases(List<DatabaseRef> dbs) {
        List<Planned> out = new ArrayList<>();
        for (DatabaseRef db : dbs) {
            // {database_id} first: a database name may itself contain the text "{database_id}"
            String sql = Sections.DATABASE.body().replace("{database_id}", Integer.toString(db.id()))
                    .replace("{db}", TSql.quoteName(db.name()));
            out.add(new Planned(Sections.databaseSection(db.id()), sql));
        }
        return out;
    }

    /** A database to read in round trip 2. */
    public record DatabaseRef(int id, String name) {}

    /** The batch text for planned sections. */
    public static String text(List<Planned> planned) {
        StringBuilder b = new StringBuilder("SET NOCOUNT ON;\n");
        for (Planned p : planned) {
            String name = TSql.literal(p.section());
            b.append("BEGIN TRY\n    EXEC sys.sp_executesql ").append(TSql.literal(p.sql())).append(";\nEND TRY\n")
                    .append("BEGIN CATCH\n    SELECT ").append(name).append(" AS milink_section, ERROR_NUMBER() AS ")
                    .append(ERROR_COLUMN).append(", ERROR_MESSAGE() AS ").append(MESSAGE_COLUMN)
                    .append(";\nEND CATCH;\n")
                    .append("SELECT ").append(name).append(" AS ").append(END_COLUMN).append(";\n");
        }
        return b.toString();
    }
}
