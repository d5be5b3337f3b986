// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small conversions shared by views and commands: scenario date strings, GUIDs, SIDs, LSNs, hashes. */
public final class Values {
    /** m/d/yyyy, SQL Server's us_english DATEFORMAT mdy. */
    private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4})(.*)");
    /** yyyymmdd, the unambiguous format. */
    private static final Pattern COMPACT_DATE = Pattern.compile("\\d{8}.*");

    private Values() {}

    /** Parses {@code 2024-05-01T08:00:00} or {@code 2024-05-01 08:00:00} (date only allowed); null stays null. */
    public static LocalDateTime time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace(' ', 'T');
        Matcher us = US_DATE.matcher(t);
        if (us.matches()) {
            t = us.group(3) + "-" + pad(us.group(1)) + "-" + pad(us.group(2)) + us.group(4);
        } else if (COMPACT_DATE.matcher(t).matches()) {
            t = t.substring(0, 4) + "-" + t.substring(4, 6) + "-" + t.substring(6);
        }
        return t.length() == 10 ? LocalDateTime.parse(t + "T00:00:00") : LocalDateTime.parse(t);
    }

    private static String pad(String n) {
        return n.length() == 1 ? "0" + n : n;
    }

    public static UUID guid(String text) {
        return text == null ? null : UUID.fromString(text);
    }

    /** A stable GUID derived from a seed, so the same scenario always shows the same GUIDs. */
    public static UUID seededGuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    }

    public static BigDecimal lsn(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    /** A stable SID for a login name; sa is 0x01 as on every SQL Server. */
    public static byte[] sid(String loginName) {
        if ("sa".equalsIgnoreCase(loginName)) {
            return new byte[] {1};
        }
        return java.util.Arrays.copyOf(sha1("sid:" + loginName.toLowerCase(java.util.Locale.ROOT)), 16);
    }

    public static byte[] sha1(String seed) {
        return sha1(seed.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] hex(String hex) {
        String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        return HexFormat.of().parseHex(h.length() % 2 == 0 ? h : "0" + h);
    }

    public static String hexUpper(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
