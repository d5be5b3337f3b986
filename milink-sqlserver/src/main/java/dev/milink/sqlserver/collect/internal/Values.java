// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect.internal;

import dev.milink.core.model.SqlVersion;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;

/**
 * Typed reads of one column of a collected row. A value of the wrong kind is an {@link OddValue} naming the column
 * and the value, never a bare {@code NumberFormatException}: one odd server must explain itself, not end a fleet run.
 */
final class Values {

    private Values() {
    }

    static String str(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : v.toString();
    }

    /** A column that identifies its row (a name): NULL is odd. */
    static String requiredStr(Map<String, Object> row, String column) {
        return required(column, str(row, column), "a name");
    }

    static Long lng(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return switch (v) {
            case null -> null;
            case Number n -> n.longValue();
            case Boolean b -> b ? 1L : 0L;
            case String s -> {
                try {
                    yield Long.valueOf(s.strip());
                } catch (NumberFormatException e) {
                    throw new OddValue(column, v, "a whole number");
                }
            }
            default -> throw new OddValue(column, v, "a whole number");
        };
    }

    /** A number that identifies its row (database_id, trace_flag): NULL is odd. */
    static long requiredLng(Map<String, Object> row, String column) {
        return required(column, lng(row, column), "a number");
    }

    private static <T> T required(String column, T value, String expected) {
        if (value == null) {
            throw new OddValue(column, null, expected);
        }
        return value;
    }

    static Double dbl(Map<String, Object> row, String column) {
        Object v = row.get(column);
        if (v == null || v instanceof Number) {
            return v == null ? null : ((Number) v).doubleValue();
        }
        try {
            return Double.valueOf(v.toString().strip());
        } catch (NumberFormatException e) {
            throw new OddValue(column, v, "a number");
        }
    }

    static int intOr(Map<String, Object> row, String column, int fallback) {
        Long v = lng(row, column);
        return v == null ? fallback : v.intValue();
    }

    /** bit or int flag: true for 1/true, false for 0/false/NULL. */
    static boolean one(Map<String, Object> row, String column) {
        Long v = lng(row, column);
        return v != null && v == 1;
    }

    /** A SQL Server build number, or null when the column is NULL. */
    static SqlVersion version(Map<String, Object> row, String column) {
        return parsed(row, column, SqlVersion::parse, "a SQL Server version (major.minor.build.revision)");
    }

    /** A local date-time read at the server's UTC offset, or null. */
    static Instant local(Map<String, Object> row, String column, int utcOffsetMinutes) {
        LocalDateTime t = dateTime(row, column);
        return t == null ? null : t.toInstant(ZoneOffset.ofTotalSeconds(utcOffsetMinutes * 60));
    }

    /** A UTC date-time, or null. */
    static Instant utc(Map<String, Object> row, String column) {
        LocalDateTime t = dateTime(row, column);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime dateTime(Map<String, Object> row, String column) {
        return parsed(row, column, v -> LocalDateTime.parse(v.strip()), "a date and time");
    }

    /** The column's text parsed, or null when it is NULL; text the parser refuses is odd. */
    private static <T> T parsed(Map<String, Object> row, String column, Function<String, T> parser, String expected) {
        String v = str(row, column);
        if (v == null) {
            return null;
        }
        try {
            return parser.apply(v);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new OddValue(column, v, expected);
        }
    }
}
