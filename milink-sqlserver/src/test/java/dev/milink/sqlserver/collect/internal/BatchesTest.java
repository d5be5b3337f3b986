// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchesTest {

    @Test
    void theDatabaseBatchNamesDatabasesByIdAndLetsTheServerQuoteTheirNames() {
        Batches.Batch b = Batches.databases(List.of(new Batches.DatabaseRef(8, "Продажи"),
                new Batches.DatabaseRef(7, "Sales]Q1 O'Brien {database_id}")));
        assertThat(b.sections()).containsExactly("database:7", "database:8"); // the order the server walks them
        assertThat(b.text()).startsWith("SET NOCOUNT ON;").contains("database_id IN (7, 8) ORDER BY database_id")
                .contains("QUOTENAME(@db)").contains("FROM {db}.sys.filegroups AS fg")
                .doesNotContain("Sales").doesNotContain("Продажи");
        assertThat(b.text().split("BEGIN TRY", -1)).as("one guard for every database").hasSize(2);
        assertThat(b.skipped()).contains("no longer in sys.databases");
        // a thousand databases cost a few characters each, not the template each
        List<Batches.DatabaseRef> many = java.util.stream.IntStream.rangeClosed(5, 1004)
                .mapToObj(i -> new Batches.DatabaseRef(i, "db" + i)).toList();
        assertThat(Batches.databases(many).text().length()).isLessThan(b.text().length() + 1_000 * 6);
    }

    @Test
    void everySectionIsGuardedOnceInALoopAndEndsWithAMarker() {
        List<Batches.Planned> p = Batches.instance(16);
        Batches.Batch b = Batches.of(p);
        String text = b.text();
        assertThat(p).extracting(Batches.Planned::section).contains("server", "databases", "pvs", "errorlog_startup");
        assertThat(b.sections()).containsExactlyElementsOf(p.stream().map(Batches.Planned::section).toList());
        assertThat(text).contains("WHILE @i < " + p.size()).contains("WHEN 1 THEN N'server'")
                .contains("WHEN " + p.size() + " THEN N'milink_jobs'").contains("EXEC sys.sp_executesql @q;")
                .contains("SELECT @s AS milink_section_end;");
        assertThat(text.split("BEGIN TRY", -1)).hasSize(2);
        for (Batches.Planned each : p) { // every query, quoted as one N'…' literal
            assertThat(text).contains(dev.milink.core.script.TSql.literal(each.sql()));
        }
        assertThat(Batches.instance(13)).extracting(Batches.Planned::section).doesNotContain("pvs", "errorlog_startup");
        assertThat(Batches.instance(14).stream().filter(x -> x.section().equals("databases")).findFirst().orElseThrow()
                .sql()).contains("CAST(0 AS bit) AS is_accelerated_database_recovery_on");
    }

    @Test
    void queryFilesParseIntoSetupAndFinalSelect() {
        for (Section s : Sections.INSTANCE) {
            assertThat(s.latest().select()).as(s.name()).startsWithIgnoringCase("SELECT").doesNotContain("--");
        }
        SqlText tf = Sections.named("trace_flags").latest();
        assertThat(tf.setup()).startsWith("CREATE TABLE #milink_trace_flags").endsWith(";");
        assertThat(tf.select()).startsWith("SELECT TraceFlag AS trace_flag");
        assertThat(Sections.named("registry_startup").latest().requirement()).isEqualTo("VIEW SERVER STATE");
        assertThat(Sections.named("certificates").latest().visibility()).isEqualTo("VIEW ANY DEFINITION");
        assertThat(Sections.named("server").latest().requirement()).isNull();
    }
}
