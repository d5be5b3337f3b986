// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure.network;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * A contiguous block of IPv4 or IPv6 addresses from CIDR notation or a single address, as NSG rules and
 * {@code --sql-address} give them. Parsing never touches DNS: only IP literals are accepted. Host bits in a CIDR
 * are ignored, as Azure does.
 *
 * @param ipv4  address family
 * @param first first address as an unsigned number
 * @param last  last address
 * @param text  as written
 */
public record IpRange(boolean ipv4, BigInteger first, BigInteger last, String text) {

    private static final List<String> PRIVATE = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "100.64.0.0/10", "169.254.0.0/16", "127.0.0.0/8", "fc00::/7", "fe80::/10", "::1/128");

    /** {@code 10.0.0.0/24}, {@code 10.0.0.5}, {@code fd00::/64}; empty for anything else (tags, names, junk). */
    public static Optional<IpRange> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        int slash = t.indexOf('/');
        String ip = slash < 0 ? t : t.substring(0, slash);
        boolean v4 = ip.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        if (!v4 && !(ip.contains(":") && ip.matches("[0-9A-Fa-f:.]+"))) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(ip).getAddress(); // an IP literal: no DNS lookup happens
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        int bits = bytes.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(t.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (prefix < 0 || prefix > bits) {
            return Optional.empty();
        }
        BigInteger value = new BigInteger(1, bytes);
        BigInteger size = BigInteger.ONE.shiftLeft(bits - prefix);
        BigInteger first = value.subtract(value.mod(size));
        return Optional.of(new IpRange(bytes.length == 4, first, first.add(size).subtract(BigInteger.ONE), t));
    }

    public boolean contains(IpRange o) {
        return ipv4 == o.ipv4 && first.compareTo(o.first) <= 0 && last.compareTo(o.last) >= 0;
    }

    public boolean overlaps(IpRange o) {
        return ipv4 == o.ipv4 && first.compareTo(o.last) <= 0 && o.first.compareTo(last) <= 0;
    }

    /** Inside the private, shared, link-local or loopback ranges: never part of Azure's Internet tag. */
    public boolean isPrivate() {
        return PRIVATE.stream().map(p -> parse(p).orElseThrow()).anyMatch(p -> p.contains(this));
    }

    @Override
    public String toString() {
        return text;
    }
}
