// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Decodes one RPC parameter's TYPE_INFO and value into a Java value. Three rules cover what mssql-jdbc sends:
 * fixed-length types carry no length, byte-length types a u8 length, ushort-length types a u16 length (and a
 * collation for character types), switching to PLP chunks when the declared maximum is 0xFFFF.
 */
final class ParamDecoder {
    private static final int MAX = 0xFFFF;
    private static final long PLP_NULL = -1L;

    private ParamDecoder() {}

    /** A parameter type the sandbox does not decode (TVP, XML, UDT, legacy TEXT/IMAGE). */
    static final class UnsupportedTypeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsupportedTypeException(int type) {
            super(String.format("The sandbox does not decode RPC parameters of TDS type 0x%02X.", type));
        }
    }

    static Object read(ByteReader r) {
        int type = r.u8();
        return switch (type) {
            case 0x1F -> null; // NULLTYPE
            case 0x30 -> r.u8(); // TINYINT
            case 0x32 -> r.u8() != 0; // BIT
            case 0x34 -> (int) (short) r.u16(); // SMALLINT
            case 0x38 -> r.i32(); // INT
            case 0x7F -> r.i64(); // BIGINT
            case 0x3B -> Float.intBitsToFloat(r.i32()); // REAL
            case 0x3E -> Double.longBitsToDouble(r.i64()); // FLOAT
            case 0x3C -> money(r, 8);
            case 0x7A -> money(r, 4);
            case 0x3D -> TemporalCodec.readDatetime(r);
            case 0x3A -> TemporalCodec.readSmallDatetime(r);
            case 0x26 -> intN(r);
            case 0x68 -> bitN(r);
            case 0x6D -> floatN(r);
            case 0x6E -> moneyN(r);
            case 0x6F -> datetimeN(r);
            case 0x6A, 0x6C -> decimalN(r);
            case 0x24 -> guid(r);
            case 0x28 -> r.u8() == 0 ? null : TemporalCodec.readDate(r); // DATE has no TYPE_INFO
            case 0x29 -> time(r);
            case 0x2A -> datetime2(r);
            case 0x2B -> datetimeOffset(r);
            case 0xA5, 0xAD -> binary(r);
            case 0xA7, 0xAF -> chars(r, false);
            case 0xE7, 0xEF -> chars(r, true);
            default -> throw new UnsupportedTypeException(type);
        };
    }

    private static Object intN(ByteReader r) {
        r.u8(); // max length
        return switch (r.u8()) {
            case 0 -> null;
            case 1 -> r.u8();
            case 2 -> (int) (short) r.u16();
            case 4 -> r.i32();
            case 8 -> r.i64();
            default -> throw new TdsProtocolException("bad INTN length");
        };
    }

    private static Object bitN(ByteReader r) {
        r.u8();
        return r.u8() == 0 ? null : r.u8() != 0;
    }

    private static Object floatN(ByteReader r) {
        r.u8();
        return switch (r.u8()) {
            case 0 -> null;
            case 4 -> Float.intBitsToFloat(r.i32());
            case 8 -> Double.longBitsToDouble(r.i64());
            default -> throw new TdsProtocolException("bad FLTN length");
        };
    }

    private static Object moneyN(ByteReader r) {
        r.u8();
        int length = r.u8();
        return length == 0 ? null : money(r, length);
    }

    /** MONEY is a scaled i64 sent high half first; SMALLMONEY a scaled i32. */
    private static BigDecimal money(ByteReader r, int length) {
        long v = length == 4 ? r.i32() : (long) r.i32() << 32 | r.i32() & 0xFFFFFFFFL;
        return BigDecimal.valueOf(v, 4);
    }

    private static Object datetimeN(ByteReader r) {
        r.u8();
        return switch (r.u8()) {
            case 0 -> null;
            case 4 -> TemporalCodec.readSmallDatetime(r);
            case 8 -> TemporalCodec.readDatetime(r);
            default -> throw new TdsProtocolException("bad DATETIMN length");
        };
    }

    private static Object decimalN(ByteReader r) {
        r.u8(); // max length
        r.u8(); // precision
        int scale = r.u8();
        int length = r.u8();
        if (length == 0) {
            return null;
        }
        boolean positive = r.u8() == 1;
        byte[] le = r.bytes(length - 1);
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        BigInteger magnitude = new BigInteger(1, be);
        return new BigDecimal(positive ? magnitude : magnitude.negate(), scale);
    }

    private static Object guid(ByteReader r) {
        r.u8();
        int length = r.u8();
        return length == 0 ? null : ColumnCodec.guid(r.bytes(16));
    }

    private static Object time(ByteReader r) {
        int scale = r.u8();
        int length = r.u8();
        return length == 0 ? null : TemporalCodec.readTime(r, length, scale);
    }

    private static Object datetime2(ByteReader r) {
        return timeThenDate(r, 0);
    }

    private static Object datetimeOffset(ByteReader r) {
        LocalDateTime utc = timeThenDate(r, 2);
        if (utc == null) {
            return null;
        }
        ZoneOffset offset = ZoneOffset.ofTotalSeconds((short) r.u16() * 60);
        return utc.atOffset(ZoneOffset.UTC).withOffsetSameInstant(offset);
    }

    /** Scale, length, time and a 3-byte date, as datetime2 and datetimeoffset start; null for NULL. */
    private static LocalDateTime timeThenDate(ByteReader r, int trailingBytes) {
        int scale = r.u8();
        int length = r.u8();
        if (length == 0) {
            return null;
        }
        var time = TemporalCodec.readTime(r, length - 3 - trailingBytes, scale);
        return LocalDateTime.of(TemporalCodec.readDate(r), time);
    }

    private static Object binary(ByteReader r) {
        int max = r.u16();
        return max == MAX ? plp(r) : ushortBytes(r);
    }

    private static Object chars(ByteReader r, boolean unicode) {
        int max = r.u16();
        r.skip(Tds.COLLATION.length);
        byte[] bytes = max == MAX ? plp(r) : ushortBytes(r);
        if (bytes == null) {
            return null;
        }
        return new String(bytes, unicode ? StandardCharsets.UTF_16LE : ColumnCodec.VARCHAR_CHARSET);
    }

    private static byte[] ushortBytes(ByteReader r) {
        int length = r.u16();
        return length == MAX ? null : r.bytes(length);
    }

    /** PLP: u64 total (all ones = NULL), then u32-length chunks up to a zero-length terminator. */
    private static byte[] plp(ByteReader r) {
        long total = r.i64();
        if (total == PLP_NULL) {
            return null;
        }
        ByteWriter all = new ByteWriter((int) Math.max(16, Math.min(total, 1 << 20)));
        for (int chunk = r.i32(); chunk != 0; chunk = r.i32()) {
            all.bytes(r.bytes(chunk));
        }
        return all.toByteArray();
    }
}
