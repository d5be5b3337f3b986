// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.engine.Column;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * FOR JSON PATH output as SQL Server writes it: bit as true/false, dates ISO-8601 without zone, varbinary as
 * base64, NULLs left out unless INCLUDE_NULL_VALUES, dotted column names nesting objects, no rows → NULL.
 */
final class JsonFormatter {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSSSSSS]");

    private JsonFormatter() {}

    /** Options after FOR JSON PATH. */
    record Options(boolean includeNulls, boolean withoutArrayWrapper, String root) {}

    static String format(List<Column> columns, List<Object[]> rows, Options o) {
        if (rows.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        if (o.root != null) {
            sb.append("{\"").append(escape(o.root)).append("\":");
        }
        if (!o.withoutArrayWrapper || o.root != null) {
            sb.append('[');
        }
        for (int r = 0; r < rows.size(); r++) {
            if (r > 0) {
                sb.append(',');
            }
            Map<String, Object> tree = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                Object v = rows.get(r)[c];
                if (v == null && !o.includeNulls) {
                    continue;
                }
                put(tree, columns.get(c).name().split("\\."), 0, v);
            }
            object(sb, tree);
        }
        if (!o.withoutArrayWrapper || o.root != null) {
            sb.append(']');
        }
        if (o.root != null) {
            sb.append('}');
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, String[] path, int i, Object v) {
        if (i == path.length - 1) {
            tree.put(path[i], new Leaf(v));
            return;
        }
        Object child = tree.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
        if (child instanceof Map<?, ?> m) {
            put((Map<String, Object>) m, path, i + 1, v);
        }
    }

    private record Leaf(Object value) {}

    @SuppressWarnings("unchecked")
    private static void object(StringBuilder sb, Map<String, Object> tree) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : tree.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append('"').append(escape(e.getKey())).append("\":");
            if (e.getValue() instanceof Leaf l) {
                value(sb, l.value());
            } else {
                object(sb, (Map<String, Object>) e.getValue());
            }
        }
        sb.append('}');
    }

    private static void value(StringBuilder sb, Object v) {
        switch (v) {
            case null -> sb.append("null");
            case Boolean b -> sb.append(b);
            case Number n -> sb.append(n instanceof java.math.BigDecimal d ? d.toPlainString() : n.toString());
            case LocalDateTime t -> sb.append('"').append(trimFraction(ISO.format(t))).append('"');
            case OffsetDateTime t -> sb.append('"').append(t).append('"');
            case byte[] b -> sb.append('"').append(Base64.getEncoder().encodeToString(b)).append('"');
            default -> sb.append('"').append(escape(v.toString())).append('"');
        }
    }

    private static String trimFraction(String s) {
        int dot = s.indexOf('.');
        if (dot < 0) {
            return s;
        }
        String trimmed = s.replaceAll("0+$", "");
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '/' -> sb.append("\\/");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
