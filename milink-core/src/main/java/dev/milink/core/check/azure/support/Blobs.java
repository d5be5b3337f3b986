// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure.support;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Certificate bytes as the two ends show them: Azure's {@code publicBlob} (hex, with or without {@code 0x}, any
 * case) and SQL Server's {@code sys.certificates.thumbprint} (the SHA-1 of the DER certificate). Certificates are
 * matched by these bytes, never by name.
 */
public final class Blobs {

    private Blobs() {
    }

    /** Upper-case hex without {@code 0x}, spaces or line breaks; empty for null. */
    public static String normalize(String hex) {
        if (hex == null) {
            return "";
        }
        String t = hex.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return t.startsWith("0X") ? t.substring(2) : t;
    }

    /** The DER bytes of a hex blob; empty when it is not hex. */
    public static Optional<byte[]> bytes(String hex) {
        String n = normalize(hex);
        if (n.isEmpty() || n.length() % 2 != 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(HexFormat.of().parseHex(n));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The SHA-1 thumbprint (upper-case hex) of a hex blob: what {@code sys.certificates.thumbprint} shows. */
    public static Optional<String> thumbprint(String hex) {
        return bytes(hex).map(b -> {
            try {
                return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(b));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK has no SHA-1", e);
            }
        });
    }

    /** The X.509 certificate in a hex blob; empty when the bytes are not a DER certificate. */
    public static Optional<X509Certificate> certificate(String hex) {
        return bytes(hex).flatMap(b -> {
            try {
                return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(b)));
            } catch (CertificateException | ClassCastException e) {
                return Optional.empty();
            }
        });
    }

    /** Expiry read from the blob itself; empty when it does not parse. */
    public static Optional<Instant> notAfter(String hex) {
        return certificate(hex).map(c -> c.getNotAfter().toInstant());
    }

    /** Whether two blobs hold the same bytes, whatever their case and {@code 0x} prefix. */
    public static boolean same(String a, String b) {
        String x = normalize(a);
        return !x.isEmpty() && x.equals(normalize(b));
    }
}
