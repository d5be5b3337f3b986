// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.view;

import dev.milink.sandbox.engine.SqlType;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SQL Server column types catalog views use, read from the names their documentation gives them. */
public final class Types {
    private static final Pattern TYPE = Pattern.compile("(\\w+)(?:\\((\\w+)(?:,(\\d+))?\\))?");

    private Types() {}

    /**
     * A column type as the documentation writes it: {@code sysname}, {@code int}, {@code nvarchar(60)},
     * {@code nvarchar(max)}, {@code char(1)} and {@code nchar(2)} (sent as nvarchar: the driver reads both as
     * strings), {@code varbinary(85)}, {@code numeric(25,0)} (an LSN), {@code uniqueidentifier}, {@code sql_variant} …
     */
    public static SqlType parse(String type) {
        Matcher m = TYPE.matcher(type.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("Unknown column type '" + type + "'");
        }
        int size = m.group(2) == null ? 0 : "max".equals(m.group(2)) ? -1 : Integer.parseInt(m.group(2));
        return switch (m.group(1)) {
            case "sysname" -> SqlType.nvarchar(128);
            case "nvarchar", "nchar", "char" -> size < 0 ? SqlType.NVARCHAR_MAX : SqlType.nvarchar(size);
            case "varchar" -> SqlType.varchar(size);
            case "varbinary" -> size < 0 ? SqlType.VARBINARY_MAX : SqlType.varbinary(size);
            case "numeric", "decimal" -> SqlType.decimal(size, Integer.parseInt(m.group(3)));
            case "tinyint" -> SqlType.TINYINT;
            case "smallint" -> SqlType.SMALLINT;
            case "int" -> SqlType.INT;
            case "bigint" -> SqlType.BIGINT;
            case "bit" -> SqlType.BIT;
            case "float" -> SqlType.FLOAT;
            case "datetime" -> SqlType.DATETIME;
            case "datetime2" -> SqlType.DATETIME2;
            case "datetimeoffset" -> SqlType.DATETIMEOFFSET;
            case "uniqueidentifier" -> SqlType.UNIQUEIDENTIFIER;
            case "sql_variant" -> SqlType.SQL_VARIANT;
            default -> throw new IllegalArgumentException("Unknown column type '" + type + "'");
        };
    }
}
