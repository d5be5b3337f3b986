// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.rules;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 10.0.0.0/24}); a bare address means a single host
 * ({@code /32} or {@code /128}). Parsing never touches DNS: only IP literals are accepted.
 *
 * @param address the network address (host bits zero)
 * @param prefix  the prefix length
 */
public record Cidr(InetAddress address, int prefix) {

    public Cidr {
        Objects.requireNonNull(address, "address");
        int bits = address.getAddress().length * 8;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix /" + prefix + " is out of range for " + address.getHostAddress());
        }
    }

    /**
     * Parses {@code 10.0.0.0/24}, {@code 10.0.0.5} or {@code fd00::/64}. Host bits must be zero in a network
     * ({@code 10.0.0.1/24} is rejected with the network it probably means), so a typo never widens a rule.
     */
    public static Cidr parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        int slash = t.indexOf('/');
        String ip = slash < 0 ? t : t.substring(0, slash);
        if (!isIpLiteral(ip)) {
            throw new IllegalArgumentException("not an IP address or CIDR range: '" + text + "'");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(ip); // an IP literal: no DNS lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address or CIDR range: '" + text + "'", e);
        }
        int bits = address.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(t.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a prefix length in '" + text + "'", e);
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix /" + prefix + " is out of range in '" + text + "'");
        }
        Cidr network = new Cidr(mask(address, prefix), prefix);
        if (!network.address().equals(address)) {
            throw new IllegalArgumentException("'" + text + "' has host bits set; did you mean " + network + "?");
        }
        return network;
    }

    private static boolean isIpLiteral(String s) {
        return s.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || (s.contains(":") && s.matches("[0-9A-Fa-f:.]+"));
    }

    private static InetAddress mask(InetAddress a, int prefix) {
        byte[] b = a.getAddress();
        for (int i = 0; i < b.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            b[i] &= (byte) (0xFF << (8 - keep));
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen for 4- or 16-byte arrays
        }
    }

    public boolean isIpv4() {
        return address.getAddress().length == 4;
    }

    /** True when the two ranges share at least one address (same family only). */
    public boolean overlaps(Cidr other) {
        if (isIpv4() != other.isIpv4()) {
            return false;
        }
        int shorter = Math.min(prefix, other.prefix);
        return mask(address, shorter).equals(mask(other.address, shorter));
    }

    /** Number of addresses in the range. */
    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(address.getAddress().length * 8 - prefix);
    }

    @Override
    public String toString() {
        return (isIpv4() ? address.getHostAddress() : compressed(address.getAddress())) + "/" + prefix;
    }

    /** RFC 5952 text: lower case, leading zeros dropped, the longest run of two or more zero groups as "::". */
    private static String compressed(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append(i == 0 ? "::" : ":");
                i += bestLen - 1;
                continue;
            }
            s.append(Integer.toHexString(g[i]));
            if (i < 7) {
                s.append(':');
            }
        }
        return s.toString();
    }
}
