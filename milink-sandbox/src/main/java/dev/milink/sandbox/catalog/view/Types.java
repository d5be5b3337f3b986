// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.view;

import dev.milink.sandbox.engine.SqlType;

/** The SQL Server column types catalog views use, by their documented names. */
public final class Types {
    public static final SqlType SYSNAME = SqlType.nvarchar(128);
    public static final SqlType NVARCHAR60 = SqlType.nvarchar(60);
    public static final SqlType NVARCHAR256 = SqlType.nvarchar(256);
    public static final SqlType NVARCHAR260 = SqlType.nvarchar(260);
    public static final SqlType NVARCHAR4000 = SqlType.nvarchar(4000);
    public static final SqlType NVARCHAR_MAX = SqlType.NVARCHAR_MAX;
    public static final SqlType INT = SqlType.INT;
    public static final SqlType BIGINT = SqlType.BIGINT;
    public static final SqlType TINYINT = SqlType.TINYINT;
    public static final SqlType SMALLINT = SqlType.SMALLINT;
    public static final SqlType BIT = SqlType.BIT;
    public static final SqlType FLOAT = SqlType.FLOAT;
    public static final SqlType DATETIME = SqlType.DATETIME;
    public static final SqlType DATETIME2 = SqlType.DATETIME2;
    public static final SqlType DATETIMEOFFSET = SqlType.DATETIMEOFFSET;
    public static final SqlType GUID = SqlType.UNIQUEIDENTIFIER;
    public static final SqlType SID = SqlType.varbinary(85);
    public static final SqlType LSN = SqlType.decimal(25, 0);
    public static final SqlType SQL_VARIANT = SqlType.SQL_VARIANT;

    /** char(n) columns travel as nvarchar; the driver reads both as strings. */
    public static final SqlType CHAR1 = SqlType.nvarchar(1);
    public static final SqlType CHAR2 = SqlType.nvarchar(2);
    public static final SqlType CHAR4 = SqlType.nvarchar(4);
    public static final SqlType VARBINARY32 = SqlType.varbinary(32);

    private Types() {}

    public static SqlType nvarchar(int n) {
        return SqlType.nvarchar(n);
    }

    public static SqlType varchar(int n) {
        return SqlType.varchar(n);
    }

    public static SqlType varbinary(int n) {
        return SqlType.varbinary(n);
    }

    public static SqlType nchar(int n) {
        return SqlType.nvarchar(n);
    }

    public static SqlType decimal(int p, int s) {
        return SqlType.decimal(p, s);
    }
}
