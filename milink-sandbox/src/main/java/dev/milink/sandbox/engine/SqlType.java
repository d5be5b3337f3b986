// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.engine;

/**
 * The SQL Server types the sandbox can return, with the Java value class each expects in a row:
 * TINYINT/SMALLINT/INT → Integer (or Short/Byte), BIGINT → Long, BIT → Boolean, DECIMAL → BigDecimal,
 * FLOAT → Double, NVARCHAR/VARCHAR/SQL_VARIANT → String, DATETIME/DATETIME2 → LocalDateTime,
 * DATETIMEOFFSET → OffsetDateTime, UNIQUEIDENTIFIER → UUID, VARBINARY → byte[].
 * {@code length} is in characters for character types (-1 = max) and in bytes for VARBINARY (-1 = max).
 */
public record SqlType(Kind kind, int length, int precision, int scale) {

    public enum Kind {
        TINYINT, SMALLINT, INT, BIGINT, BIT, DECIMAL, FLOAT, NVARCHAR, VARCHAR, DATETIME, DATETIME2,
        DATETIMEOFFSET, UNIQUEIDENTIFIER, VARBINARY, SQL_VARIANT
    }

    public static final SqlType TINYINT = new SqlType(Kind.TINYINT, 0, 0, 0);
    public static final SqlType SMALLINT = new SqlType(Kind.SMALLINT, 0, 0, 0);
    public static final SqlType INT = new SqlType(Kind.INT, 0, 0, 0);
    public static final SqlType BIGINT = new SqlType(Kind.BIGINT, 0, 0, 0);
    public static final SqlType BIT = new SqlType(Kind.BIT, 0, 0, 0);
    public static final SqlType FLOAT = new SqlType(Kind.FLOAT, 0, 0, 0);
    public static final SqlType DATETIME = new SqlType(Kind.DATETIME, 0, 0, 0);
    public static final SqlType DATETIME2 = new SqlType(Kind.DATETIME2, 0, 0, 7);
    public static final SqlType DATETIMEOFFSET = new SqlType(Kind.DATETIMEOFFSET, 0, 0, 7);
    public static final SqlType UNIQUEIDENTIFIER = new SqlType(Kind.UNIQUEIDENTIFIER, 0, 0, 0);
    public static final SqlType NVARCHAR_MAX = new SqlType(Kind.NVARCHAR, -1, 0, 0);
    public static final SqlType VARBINARY_MAX = new SqlType(Kind.VARBINARY, -1, 0, 0);
    public static final SqlType SQL_VARIANT = new SqlType(Kind.SQL_VARIANT, 0, 0, 0);

    public static SqlType nvarchar(int length) { return new SqlType(Kind.NVARCHAR, length, 0, 0); }
    public static SqlType varchar(int length) { return new SqlType(Kind.VARCHAR, length, 0, 0); }
    public static SqlType varbinary(int length) { return new SqlType(Kind.VARBINARY, length, 0, 0); }
    public static SqlType decimal(int precision, int scale) { return new SqlType(Kind.DECIMAL, 0, precision, scale); }
}
