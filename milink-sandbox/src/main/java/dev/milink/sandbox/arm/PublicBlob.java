// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import java.util.HexFormat;
import java.util.Optional;

/**
 * The {@code publicBlob} rules of server trust certificates: hex digits, with or without {@code 0x}, of a DER
 * structure (an outer SEQUENCE whose encoded length covers exactly the whole blob). A thumbprint, base64/PEM text
 * or a truncated blob fails, as {@code InvalidPublicBlob} does on Azure. The stand-in checks the DER framing, not
 * the certificate's contents, so the sandbox SQL Server's own certificates (made with {@code CREATE CERTIFICATE})
 * upload as well.
 */
final class PublicBlob {
    private PublicBlob() {}

    /** The blob's bytes, or empty when it is not hex of a DER SEQUENCE. */
    static Optional<byte[]> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String hex = text.strip();
        if (hex.startsWith("0x") || hex.startsWith("0X")) {
            hex = hex.substring(2);
        }
        if (hex.isEmpty() || hex.length() % 2 != 0 || !hex.chars().allMatch(PublicBlob::isHexDigit)) {
            return Optional.empty();
        }
        byte[] der = HexFormat.of().parseHex(hex);
        return isDerSequence(der) ? Optional.of(der) : Optional.empty();
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isDerSequence(byte[] b) {
        if (b.length < 2 || b[0] != 0x30) {
            return false;
        }
        int first = b[1] & 0xFF;
        if (first < 0x80) {
            return 2 + first == b.length;
        }
        int octets = first & 0x7F;
        if (octets == 0 || octets > 3 || b.length < 2 + octets) {
            return false;
        }
        int length = 0;
        for (int i = 0; i < octets; i++) {
            length = (length << 8) | (b[2 + i] & 0xFF);
        }
        return 2 + octets + length == b.length;
    }
}
