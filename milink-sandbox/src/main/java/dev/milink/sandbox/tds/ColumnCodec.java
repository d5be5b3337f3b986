// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

import dev.milink.sandbox.engine.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Encodes {@link SqlType}s as COLMETADATA TYPE_INFO and row values (MS-TDS 2.2.5.4 and 2.2.5.5). Every column is
 * sent as its nullable variable-length form (INTN, BITN, FLTN, DATETIMN…), as SQL Server does for expressions.
 */
final class ColumnCodec {
    /** The code page of {@link Tds#COLLATION}, which VARCHAR bytes are in. */
    static final Charset VARCHAR_CHARSET = Charset.forName("windows-1252");

    private static final int INTN = 0x26;
    private static final int BITN = 0x68;
    private static final int DECIMALN = 0x6A;
    private static final int FLTN = 0x6D;
    private static final int DATETIMN = 0x6F;
    private static final int DATETIME2N = 0x2A;
    private static final int DATETIMEOFFSETN = 0x2B;
    private static final int GUID = 0x24;
    private static final int BIGVARBINARY = 0xA5;
    private static final int BIGVARCHAR = 0xA7;
    private static final int NVARCHAR = 0xE7;
    private static final int SSVARIANT = 0x62;
    private static final int INT4 = 0x38;
    private static final int INT8 = 0x7F;
    private static final int MAX = 0xFFFF;
    private static final int VARIANT_MAX_LENGTH = 8016;
    private static final long PLP_NULL = -1L;

    private ColumnCodec() {}

    static void writeTypeInfo(ByteWriter w, SqlType type) {
        switch (type.kind()) {
            case TINYINT -> w.u8(INTN).u8(1);
            case SMALLINT -> w.u8(INTN).u8(2);
            case INT -> w.u8(INTN).u8(4);
            case BIGINT -> w.u8(INTN).u8(8);
            case BIT -> w.u8(BITN).u8(1);
            case DECIMAL -> w.u8(DECIMALN).u8(decimalLength(type.precision())).u8(type.precision()).u8(type.scale());
            case FLOAT -> w.u8(FLTN).u8(8);
            case NVARCHAR -> w.u8(NVARCHAR).u16(isMax(type, 4000) ? MAX : type.length() * 2).bytes(Tds.COLLATION);
            case VARCHAR -> w.u8(BIGVARCHAR).u16(isMax(type, 8000) ? MAX : type.length()).bytes(Tds.COLLATION);
            case VARBINARY -> w.u8(BIGVARBINARY).u16(isMax(type, 8000) ? MAX : type.length());
            case DATETIME -> w.u8(DATETIMN).u8(8);
            case DATETIME2 -> w.u8(DATETIME2N).u8(type.scale());
            case DATETIMEOFFSET -> w.u8(DATETIMEOFFSETN).u8(type.scale());
            case UNIQUEIDENTIFIER -> w.u8(GUID).u8(16);
            case SQL_VARIANT -> w.u8(SSVARIANT).u32(VARIANT_MAX_LENGTH);
        }
    }

    static void writeValue(ByteWriter w, SqlType type, Object value) {
        switch (type.kind()) {
            case TINYINT -> fixedInt(w, 1, value);
            case SMALLINT -> fixedInt(w, 2, value);
            case INT -> fixedInt(w, 4, value);
            case BIGINT -> fixedInt(w, 8, value);
            case BIT -> {
                if (value == null) {
                    w.u8(0);
                } else {
                    w.u8(1).u8(as(Boolean.class, value, type) ? 1 : 0);
                }
            }
            case DECIMAL -> decimal(w, type, value);
            case FLOAT -> {
                if (value == null) {
                    w.u8(0);
                } else {
                    w.u8(8).u64(Double.doubleToLongBits(as(Number.class, value, type).doubleValue()));
                }
            }
            case NVARCHAR -> text(w, isMax(type, 4000), value == null ? null
                    : as(String.class, value, type).getBytes(StandardCharsets.UTF_16LE));
            case VARCHAR -> text(w, isMax(type, 8000), value == null ? null
                    : as(String.class, value, type).getBytes(VARCHAR_CHARSET));
            case VARBINARY -> text(w, isMax(type, 8000), value == null ? null : as(byte[].class, value, type));
            case DATETIME -> {
                if (value == null) {
                    w.u8(0);
                } else {
                    w.u8(8);
                    TemporalCodec.writeDatetime(w, as(LocalDateTime.class, value, type));
                }
            }
            case DATETIME2 -> {
                if (value == null) {
                    w.u8(0);
                } else {
                    LocalDateTime v = as(LocalDateTime.class, value, type);
                    w.u8(TemporalCodec.timeLength(type.scale()) + 3);
                    TemporalCodec.writeTime(w, v.toLocalTime(), type.scale());
                    TemporalCodec.writeDate(w, v.toLocalDate());
                }
            }
            case DATETIMEOFFSET -> {
                if (value == null) {
                    w.u8(0);
                } else {
                    OffsetDateTime v = as(OffsetDateTime.class, value, type);
                    LocalDateTime utc = v.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
                    w.u8(TemporalCodec.timeLength(type.scale()) + 5);
                    TemporalCodec.writeTime(w, utc.toLocalTime(), type.scale());
                    TemporalCodec.writeDate(w, utc.toLocalDate());
                    w.u16(v.getOffset().getTotalSeconds() / 60);
                }
            }
            case UNIQUEIDENTIFIER -> {
                if (value == null) {
                    w.u8(0);
                } else {
                    w.u8(16).bytes(guidBytes(as(UUID.class, value, type)));
                }
            }
            case SQL_VARIANT -> variant(w, value);
        }
    }

    /** SQL Server stores the first three GUID groups little-endian. */
    static byte[] guidBytes(UUID id) {
        long hi = id.getMostSignificantBits();
        long lo = id.getLeastSignificantBits();
        byte[] b = new byte[16];
        int[] order = {3, 2, 1, 0, 5, 4, 7, 6};
        for (int i = 0; i < 8; i++) {
            b[order[i]] = (byte) (hi >>> (56 - 8 * i));
            b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return b;
    }

    static UUID guid(byte[] b) {
        int[] order = {3, 2, 1, 0, 5, 4, 7, 6};
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = hi << 8 | b[order[i]] & 0xFF;
            lo = lo << 8 | b[8 + i] & 0xFF;
        }
        return new UUID(hi, lo);
    }

    private static boolean isMax(SqlType type, int largestBounded) {
        return type.length() < 0 || type.length() > largestBounded;
    }

    private static void fixedInt(ByteWriter w, int length, Object value) {
        if (value == null) {
            w.u8(0);
            return;
        }
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("integer column needs a Number, got " + value.getClass().getName());
        }
        long v = n.longValue();
        w.u8(length);
        switch (length) {
            case 1 -> w.u8((int) v);
            case 2 -> w.u16((int) v);
            case 4 -> w.u32((int) v);
            default -> w.u64(v);
        }
    }

    private static int decimalLength(int precision) {
        return precision <= 9 ? 5 : precision <= 19 ? 9 : precision <= 28 ? 13 : 17;
    }

    private static void decimal(ByteWriter w, SqlType type, Object value) {
        if (value == null) {
            w.u8(0);
            return;
        }
        BigDecimal v = value instanceof BigDecimal d ? d : new BigDecimal(as(Number.class, value, type).toString());
        BigInteger unscaled = v.setScale(type.scale(), RoundingMode.HALF_UP).unscaledValue();
        int length = decimalLength(type.precision());
        w.u8(length).u8(unscaled.signum() >= 0 ? 1 : 0);
        byte[] magnitude = unscaled.abs().toByteArray(); // big-endian, maybe with a leading 0
        for (int i = 0; i < length - 1; i++) {
            int idx = magnitude.length - 1 - i;
            w.u8(idx >= 0 ? magnitude[idx] : 0);
        }
    }

    /** USHORTLEN or, for (max) columns, PLP: u64 total, one chunk, u32 0 terminator. */
    private static void text(ByteWriter w, boolean plp, byte[] bytes) {
        if (!plp) {
            if (bytes == null) {
                w.u16(MAX);
            } else {
                w.u16(bytes.length).bytes(bytes);
            }
            return;
        }
        if (bytes == null) {
            w.u64(PLP_NULL);
            return;
        }
        w.u64(bytes.length);
        if (bytes.length > 0) {
            w.u32(bytes.length).bytes(bytes);
        }
        w.u32(0);
    }

    /**
     * sql_variant with the base type that fits the Java value: int, bigint, or nvarchar for anything else
     * (SERVERPROPERTY values are strings or ints).
     */
    private static void variant(ByteWriter w, Object value) {
        switch (value) {
            case null -> w.u32(0);
            case Integer i -> w.u32(2 + 4).u8(INT4).u8(0).u32(i);
            case Short s -> w.u32(2 + 4).u8(INT4).u8(0).u32(s);
            case Byte b -> w.u32(2 + 4).u8(INT4).u8(0).u32(b);
            case Long l -> w.u32(2 + 8).u8(INT8).u8(0).u64(l);
            default -> {
                byte[] text = value.toString().getBytes(StandardCharsets.UTF_16LE);
                int props = Tds.COLLATION.length + 2;
                w.u32(2 + props + text.length).u8(NVARCHAR).u8(props).bytes(Tds.COLLATION).u16(Math.max(2, text.length))
                        .bytes(text);
            }
        }
    }

    private static <T> T as(Class<T> expected, Object value, SqlType type) {
        if (!expected.isInstance(value)) {
            throw new IllegalArgumentException(type.kind() + " column needs a " + expected.getSimpleName()
                    + ", got " + value.getClass().getName());
        }
        return expected.cast(value);
    }
}
