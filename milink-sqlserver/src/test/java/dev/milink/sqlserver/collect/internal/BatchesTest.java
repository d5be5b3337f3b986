// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchesTest {

    @Test
    void databaseNamesAreQuotedAndLiteralEscaped() {
        List<Batches.Planned> p = Batches.databases(List.of(new Batches.DatabaseRef(7, "Sales]Q1 O'Brien {database_id}"),
                new Batches.DatabaseRef(8, "Продажи")));
        assertThat(p.get(0).section()).isEqualTo("database:7");
        assertThat(p.get(0).sql()).contains("FROM [Sales]]Q1 O'Brien {database_id}].sys.filegroups AS fg")
                .contains("SELECT 7 AS database_id");
        assertThat(p.get(1).sql()).contains("[Продажи].sys.tables");
        String text = Batches.text(p);
        assertThat(text).startsWith("SET NOCOUNT ON;").contains("[Sales]]Q1 O''Brien {database_id}]")
                .contains("EXEC sys.sp_executesql N'").contains("SELECT N'database:8' AS milink_section_end;");
    }

    @Test
    void everySectionIsGuardedAndEndsWithAMarker() {
        List<Batches.Planned> p = Batches.instance(16);
        String text = Batches.text(p);
        assertThat(p).extracting(Batches.Planned::section).contains("server", "databases", "pvs", "errorlog_startup");
        assertThat(text.split("BEGIN TRY", -1)).hasSize(p.size() + 1);
        assertThat(text.split("AS milink_section_end;", -1)).hasSize(p.size() + 1);
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
