// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect.internal;

/**
 * A collected value milink cannot interpret: a version with five parts, text where a number belongs, NULL in a
 * column that identifies a row. The message names the column and the value (shortened, control characters shown
 * as {@code \xNN}), so the report can say exactly what the server returned.
 */
public final class OddValue extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    OddValue(String column, Object value, String expected) {
        super(value == null ? "column " + column + " is NULL, but milink needs " + expected + " there"
                : "column " + column + " holds '" + shown(value) + "'" + type(value) + ", which is not " + expected);
    }

    private static String type(Object value) {
        return value instanceof String ? "" : " (" + value.getClass().getSimpleName() + ")";
    }

    static String shown(Object value) {
        StringBuilder b = new StringBuilder();
        String s = String.valueOf(value);
        s.codePoints().limit(60).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
                b.append(String.format("\\x%02X", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return s.codePointCount(0, s.length()) > 60 ? b + "…" : b.toString();
    }
}
