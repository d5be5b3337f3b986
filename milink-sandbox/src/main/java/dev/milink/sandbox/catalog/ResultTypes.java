// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.engine.Column;
import dev.milink.sandbox.engine.SqlType;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Turns an H2 result into SQL Server columns and row values of the Java types the engine seam promises. */
final class ResultTypes {
    private static final int SQL_VARIANT_PRECISION = 1_000_000_000;

    private ResultTypes() {}

    static List<Column> columns(ResultSetMetaData md) throws SQLException {
        List<Column> out = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            out.add(new Column(md.getColumnLabel(i), type(md, i), md.isNullable(i) != ResultSetMetaData.columnNoNulls));
        }
        return out;
    }

    private static SqlType type(ResultSetMetaData md, int i) throws SQLException {
        int precision = md.getPrecision(i);
        int scale = md.getScale(i);
        String typeName = md.getColumnTypeName(i);
        return switch (md.getColumnType(i)) {
            case Types.TINYINT -> SqlType.TINYINT;
            case Types.SMALLINT -> SqlType.SMALLINT;
            case Types.INTEGER, Types.NULL -> SqlType.INT;
            case Types.BIGINT -> SqlType.BIGINT;
            case Types.BOOLEAN, Types.BIT -> SqlType.BIT;
            case Types.DECIMAL, Types.NUMERIC -> SqlType.decimal(Math.min(Math.max(precision, 1), 38),
                    Math.min(scale, 38));
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> SqlType.FLOAT;
            case Types.TIMESTAMP, Types.DATE, Types.TIME -> scale == 3 ? SqlType.DATETIME
                    : new SqlType(SqlType.Kind.DATETIME2, 0, 0, Math.min(scale, 7));
            case Types.TIMESTAMP_WITH_TIMEZONE -> new SqlType(SqlType.Kind.DATETIMEOFFSET, 0, 0, Math.min(scale, 7));
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                    precision > 8000 || precision <= 0 ? SqlType.VARBINARY_MAX : SqlType.varbinary(precision);
            case Types.OTHER, Types.JAVA_OBJECT -> "UUID".equals(typeName) ? SqlType.UNIQUEIDENTIFIER : SqlType.NVARCHAR_MAX;
            default -> {
                if ("VARCHAR_IGNORECASE".equals(typeName) && precision >= SQL_VARIANT_PRECISION) {
                    yield SqlType.SQL_VARIANT;
                }
                yield precision > 4000 || precision <= 0 ? SqlType.NVARCHAR_MAX : SqlType.nvarchar(precision);
            }
        };
    }

    /** Row values converted to the seam's Java types (LocalDateTime, Integer for tinyint, typed sql_variant …). */
    static List<Object[]> rows(ResultSet rs, List<Column> columns) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        while (rs.next()) {
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = value(rs, i + 1, columns.get(i).type());
            }
            rows.add(row);
        }
        return rows;
    }

    private static Object value(ResultSet rs, int i, SqlType type) throws SQLException {
        Object v = switch (type.kind()) {
            case TINYINT, SMALLINT, INT -> rs.getObject(i) == null ? null : rs.getInt(i);
            case BIGINT -> rs.getObject(i) == null ? null : rs.getLong(i);
            case BIT -> rs.getObject(i) == null ? null : rs.getBoolean(i);
            case DECIMAL -> rs.getBigDecimal(i);
            case FLOAT -> rs.getObject(i) == null ? null : rs.getDouble(i);
            case DATETIME, DATETIME2 -> rs.getObject(i, LocalDateTime.class);
            case DATETIMEOFFSET -> rs.getObject(i, OffsetDateTime.class);
            case UNIQUEIDENTIFIER -> rs.getObject(i, UUID.class);
            case VARBINARY -> rs.getBytes(i);
            case SQL_VARIANT -> variant(rs.getString(i));
            default -> rs.getString(i);
        };
        return rs.wasNull() ? null : v;
    }

    /** sql_variant values travel as their base type: whole numbers as int/bigint, the rest as nvarchar. */
    static Object variant(String s) {
        if (s == null || s.isEmpty() || s.length() > 18 || !s.chars().allMatch(c -> Character.isDigit(c) || c == '-')
                || s.lastIndexOf('-') > 0 || (s.startsWith("0") && s.length() > 1) || "-".equals(s)) {
            return s;
        }
        long v = Long.parseLong(s);
        if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            return (int) v;
        }
        return v;
    }
}
