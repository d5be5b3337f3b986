// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the collection queries returned, source-neutral: per section either its rows (column name → value) or the
 * error that stopped it. The online collector fills it from JDBC result sets, the offline reader from the collect
 * script's JSON lines; {@link FactsMapper} turns it into facts. A section that is absent did not run.
 *
 * <p>Values are normalised so both sources agree: whole numbers are {@link Long}, other numbers {@link Double},
 * {@code bit} is {@link Boolean}, everything else a {@link String} (the queries render dates as ISO-8601 text and
 * binary as hex).
 */
public final class RawResults {

    private final Map<String, SectionResult> sections = new LinkedHashMap<>();

    /** The outcome of one section. */
    public sealed interface SectionResult permits Rows, Failed {}

    /** The rows a section returned (possibly none). */
    public record Rows(List<Map<String, Object>> rows) implements SectionResult {
        public Rows {
            rows = List.copyOf(rows);
        }
    }

    /** The SQL Server error that stopped a section. */
    public record Failed(int number, String message) implements SectionResult {
        public Failed {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Records a section's rows, appending to rows already recorded for it. */
    public void addRows(String section, List<Map<String, Object>> rows) {
        SectionResult existing = sections.get(section);
        if (existing instanceof Failed) {
            return;
        }
        List<Map<String, Object>> all = new ArrayList<>();
        if (existing instanceof Rows r) {
            all.addAll(r.rows());
        }
        all.addAll(rows);
        sections.put(section, new Rows(all));
    }

    /** Records that a section ran without rows (only if nothing is recorded for it yet). */
    public void markDone(String section) {
        sections.putIfAbsent(section, new Rows(List.of()));
    }

    /** Records a section's error; an error wins over rows received before it. */
    public void fail(String section, int number, String message) {
        sections.put(section, new Failed(number, message == null ? "" : message.strip()));
    }

    /** The result of a section, or null when it did not run. */
    public SectionResult get(String section) {
        return sections.get(section);
    }

    public Map<String, SectionResult> asMap() {
        return Collections.unmodifiableMap(sections);
    }

    /** One row with normalised values (see the class comment); column names as the query aliased them. */
    public static Map<String, Object> row(Map<String, ?> raw) {
        Map<String, Object> row = new LinkedHashMap<>();
        raw.forEach((k, v) -> row.put(k, normalise(v)));
        return Collections.unmodifiableMap(row);
    }

    /** The normal form of a value from either source. */
    public static Object normalise(Object v) {
        return switch (v) {
            case null -> null;
            case Boolean b -> b;
            case Byte b -> b.longValue();
            case Short s -> s.longValue();
            case Integer i -> i.longValue();
            case Long l -> l;
            case BigInteger b -> b.longValue();
            case BigDecimal d -> d.stripTrailingZeros().scale() <= 0 && d.scale() == 0 ? (Object) d.longValueExact()
                    : (Object) d.doubleValue();
            case Number n -> n.doubleValue();
            case byte[] bytes -> java.util.HexFormat.of().withUpperCase().formatHex(bytes);
            default -> v.toString();
        };
    }

    @Override
    public String toString() {
        return "RawResults" + sections.keySet();
    }
}
