// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect.internal;

import dev.milink.sqlserver.connect.SqlError;
import static dev.milink.sqlserver.collect.internal.RawFixture.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.core.error.MilinkException;
import dev.milink.core.model.ServerFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13, defect 3: an unusual value in any collected column used to escape as a NumberFormatException or
 * IllegalArgumentException and end a whole fleet run with "Error [INTERNAL]". Now mapping one server fails alone, with
 * a message naming the column and the value; NULLs where a value may be missing stay facts.
 */
class FactsMapperOddValuesTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    record Odd(String section, int row, String column, Object value, String named) {
        @Override
        public String toString() {
            return section + "." + column + " = " + value;
        }
    }

    static List<Odd> oddValues() {
        return List.of(
                new Odd("server", 0, "product_version", "15.0.4261.1.7", "'15.0.4261.1.7'"),
                new Odd("server", 0, "product_version", "sixteen", "'sixteen'"),
                new Odd("server", 0, "product_version", "16.0.-1.0", "'16.0.-1.0'"),
                new Odd("server", 0, "engine_edition", "Enterprise", "'Enterprise'"),
                new Odd("server", 0, "utc_offset_minutes", 100_000, "'100000'"),
                new Odd("server", 0, "collected_at_utc", "yesterday", "'yesterday'"),
                new Odd("server", 0, "is_sysadmin", List.of(1), "'[1]'"),
                new Odd("databases", 1, "database_id", null, "database_id is NULL"),
                new Odd("databases", 1, "database_id", "five", "'five'"),
                new Odd("databases", 1, "name", null, "name is NULL"),
                new Odd("databases", 1, "compatibility_level", "1\u001b[2J60", "'1\\x1B[2J60'"),
                new Odd("trace_flags", 0, "trace_flag", null, "trace_flag is NULL"),
                new Odd("backups", 0, "backup_finish_date", "31/05/2026", "'31/05/2026'"),
                new Odd("certificates", 0, "expiry_date", "never", "'never'"),
                new Odd("log_space", 0, "log_space_used_percent", "12,5", "'12,5'"),
                new Odd("master_files", 0, "size_mb", 1.5e300, "'1.5E300'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddValues")
    void anOddValueFailsThisServerAloneAndNamesTheValue(Odd odd) {
        RawResults raw = withValue(RawFixture.ready2022(), odd);
        if (odd.value() instanceof Double) {
            // a huge float is a legal (if absurd) size: it maps, it does not throw
            assertThat(FactsMapper.map("sql01", raw, 16, NOW).databases().isKnown()).isTrue();
            return;
        }
        assertThatThrownBy(() -> FactsMapper.map("sql01", raw, 16, NOW))
                .isInstanceOfSatisfying(MilinkException.class, e -> {
                    assertThat(e.code()).isEqualTo(SqlError.SQL_VALUE_UNREADABLE);
                    assertThat(e.getMessage()).startsWith("sql01 returned a value milink cannot interpret: column "
                            + odd.column()).contains(odd.named());
                    assertThat(e.getMessage()).doesNotContain("\u001b");
                });
    }

    @Test
    void nullsWhereAValueMayBeMissingStayFacts() {
        RawResults raw = RawFixture.ready2022();
        raw = withValue(raw, new Odd("server", 0, "product_version", null, null));
        raw = withValue(raw, new Odd("configurations", 0, "value_in_use", null, null));
        raw = withValue(raw, new Odd("services", 0, "servicename", null, null));
        raw = withValue(raw, new Odd("mirroring_endpoint", 0, "name", null, null));
        ServerFacts f = FactsMapper.map("sql01", raw, 16, NOW);
        assertThat(f.product().isKnown()).isFalse();
        assertThat(f.configurations().orElse(null)).containsEntry("contained database authentication", null);
        assertThat(f.services().orElse(null)).hasSize(2);
    }

    private static RawResults withValue(RawResults source, Odd odd) {
        RawResults copy = new RawResults();
        source.asMap().forEach((section, result) -> {
            if (result instanceof RawResults.Rows rows) {
                List<Map<String, Object>> list = new ArrayList<>();
                for (int i = 0; i < rows.rows().size(); i++) {
                    Map<String, Object> r = new LinkedHashMap<>(rows.rows().get(i));
                    if (section.equals(odd.section()) && i == odd.row()) {
                        r.put(odd.column(), odd.value());
                    }
                    list.add(r);
                }
                if (list.isEmpty()) {
                    copy.markDone(section);
                } else {
                    copy.addRows(section, list.stream().map(m -> row(flatten(m))).toList());
                }
            } else if (result instanceof RawResults.Failed f) {
                copy.fail(section, f.number(), f.message());
            }
        });
        return copy;
    }

    private static Object[] flatten(Map<String, Object> m) {
        List<Object> kv = new ArrayList<>();
        m.forEach((k, v) -> {
            kv.add(k);
            kv.add(v);
        });
        return kv.toArray();
    }
}
