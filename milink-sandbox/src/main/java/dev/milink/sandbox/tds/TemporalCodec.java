// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** SQL Server's date and time wire formats: DATETIME's 1/300 s ticks and the scaled DATE/TIME of DATETIME2. */
final class TemporalCodec {
    static final LocalDate DATETIME_EPOCH = LocalDate.of(1900, 1, 1);
    static final LocalDate DATE_EPOCH = LocalDate.of(1, 1, 1);
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private static final long TICKS_PER_DAY = 86_400L * 300;

    private TemporalCodec() {}

    /** DATETIME: i32 days since 1900-01-01, u32 ticks of 1/300 s since midnight (rounded like SQL Server). */
    static void writeDatetime(ByteWriter w, LocalDateTime value) {
        long days = ChronoUnit.DAYS.between(DATETIME_EPOCH, value.toLocalDate());
        long ticks = (value.toLocalTime().toNanoOfDay() * 300 + 500_000_000L) / 1_000_000_000L;
        if (ticks == TICKS_PER_DAY) {
            days++;
            ticks = 0;
        }
        w.u32((int) days).u32((int) ticks);
    }

    static LocalDateTime readDatetime(ByteReader r) {
        int days = r.i32();
        long ticks = r.i32() & 0xFFFFFFFFL;
        long nanos = (ticks * 1_000_000_000L + 150) / 300;
        return DATETIME_EPOCH.plusDays(days).atStartOfDay().plusNanos(nanos);
    }

    /** SMALLDATETIME: u16 days since 1900-01-01, u16 minutes since midnight. */
    static LocalDateTime readSmallDatetime(ByteReader r) {
        int days = r.u16();
        int minutes = r.u16();
        return DATETIME_EPOCH.plusDays(days).atStartOfDay().plusMinutes(minutes);
    }

    /** Byte length of a TIME part with {@code scale} fractional digits. */
    static int timeLength(int scale) { return scale <= 2 ? 3 : scale <= 4 ? 4 : 5; }

    /** TIME(scale): units of 10^-scale seconds since midnight, little-endian in 3 to 5 bytes. */
    static void writeTime(ByteWriter w, LocalTime time, int scale) {
        long units = time.toNanoOfDay() / pow10(9 - scale);
        for (int i = 0; i < timeLength(scale); i++) {
            w.u8((int) (units >>> (8 * i)));
        }
    }

    static LocalTime readTime(ByteReader r, int length, int scale) {
        long units = 0;
        for (int i = 0; i < length; i++) {
            units |= (long) r.u8() << (8 * i);
        }
        return LocalTime.ofNanoOfDay(Math.min(units * pow10(9 - scale), NANOS_PER_DAY - 1));
    }

    /** DATE: days since 0001-01-01 in 3 little-endian bytes. */
    static void writeDate(ByteWriter w, LocalDate date) {
        long days = ChronoUnit.DAYS.between(DATE_EPOCH, date);
        w.u8((int) days).u8((int) (days >>> 8)).u8((int) (days >>> 16));
    }

    static LocalDate readDate(ByteReader r) {
        int days = r.u8() | r.u8() << 8 | r.u8() << 16;
        return DATE_EPOCH.plusDays(days);
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
