// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;

/**
 * Real DER certificates (self-signed EC keys made with keytool for these tests, no private keys kept) as upper-case
 * hex, with their SHA-1 thumbprints: what {@code sys.certificates.thumbprint} shows for them. The DER files are
 * under {@code certificates/} beside this class ({@code openssl x509 -inform der -text -in …} shows them).
 */
public final class TestCertificates {

    /** SQL Server's endpoint certificate {@code CN=SQL01 link endpoint}, valid 2026-05-01 to 2029-12-31. */
    public static final String SQL_ENDPOINT_HEX = hex("sql-endpoint.cer");
    public static final String SQL_ENDPOINT_SHA1 = "2355AD99DF9BF78B92E435FD3D8B672C65599639";

    /** The managed instance's endpoint certificate {@code CN=<MI FQDN>}, valid 2026-05-01 to 2027-02-25. */
    public static final String MI_ENDPOINT_HEX = hex("mi-endpoint.cer");
    public static final String MI_ENDPOINT_SHA1 = "A3B3E8F7909C295C4EB000C6CBFC87F8B802DDA2";

    /** An endpoint certificate that expired on 2024-12-31. */
    public static final String EXPIRED_HEX = hex("expired.cer");
    public static final String EXPIRED_SHA1 = "A1B5CE4C8AFD39F8374DDA7E40F0E89F631EDD7F";

    /** An unrelated certificate {@code CN=OTHER}. */
    public static final String OTHER_HEX = hex("other.cer");
    public static final String OTHER_SHA1 = "13C830FE71EBA1C55208DF62E86B5B73D042FEB0";

    private TestCertificates() {
    }

    /** A certificate file beside this class as upper-case hex, as {@code CERTENCODED} gives it. */
    private static String hex(String file) {
        try (InputStream in = TestCertificates.class.getResourceAsStream("certificates/" + file)) {
            if (in == null) {
                throw new IllegalStateException("test certificate " + file + " is missing");
            }
            return HexFormat.of().withUpperCase().formatHex(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
