// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.tde;

import dev.milink.core.error.MilinkException;
import dev.milink.sqlserver.connect.SqlError;
import dev.milink.sqlserver.connect.SqlExceptionTranslator;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Reads a certificate of master with its private key over T-SQL, without touching the server's file system:
 * {@code SELECT CERTENCODED(CERT_ID(@name)), CERTPRIVATEKEY(CERT_ID(@name), @password)} (SQL Server 2012 and
 * later). The password that encrypts the key on its way is random, made here for this one read and sent as a
 * parameter; it is never logged, printed or kept. SQL Server returns no key (NULL) when the login lacks CONTROL on
 * the certificate, the certificate has no private key, or master's database master key does not open.
 *
 * <pre>{@code
 * TdeCertificateExport.Exported tde = TdeCertificateExport.read(connection, "TDECert", "0x9F8E…");
 * byte[] pfx = tde.toPfx(password);
 * }</pre>
 *
 * @since 0.3
 */
public final class TdeCertificateExport {
    static final String QUERY = "SELECT CERTENCODED(CERT_ID(?)), CERTPRIVATEKEY(CERT_ID(?), ?)";
    private static final String PASSWORD_CHARS =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.~+=";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TdeCertificateExport() {
    }

    /**
     * A certificate and its private key, checked to belong together.
     *
     * @param name        the certificate's name in master
     * @param certificate the X.509 certificate (CERTENCODED)
     * @param key         its private key
     */
    public record Exported(String name, X509Certificate certificate, RSAPrivateCrtKey key) {
        /** SHA-1 of the DER certificate, upper-case hex without 0x, as sys.certificates shows it. */
        public String thumbprint() {
            try {
                return TdeCertificateExport.thumbprint(certificate.getEncoded());
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException("the certificate cannot be encoded again", e);
            }
        }

        /** The certificate and key as PKCS#12, protected by {@code password}. */
        public byte[] toPfx(char[] password) {
            return Pfx.build(certificate, key, password);
        }

        @Override
        public String toString() {
            return "Exported[" + name + ", " + certificate.getSubjectX500Principal().getName() + "]";
        }
    }

    /**
     * Reads certificate {@code name} of master with its private key.
     *
     * @param expectedThumbprint the thumbprint the check saw (hex, with or without 0x), or null
     * @throws MilinkException TDE_EXPORT_FAILED with what to do, or a translated SQL error
     */
    public static Exported read(Connection connection, String name, String expectedThumbprint) {
        char[] password = randomPassword(32);
        try {
            connection.setCatalog("master");
            byte[] der;
            byte[] pvk;
            try (PreparedStatement s = connection.prepareStatement(QUERY)) {
                s.setString(1, name);
                s.setString(2, name);
                s.setString(3, new String(password));
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw failed(name, "SQL Server returned no row");
                    }
                    der = rs.getBytes(1);
                    pvk = rs.getBytes(2);
                }
            }
            if (der == null) {
                throw failed(name, "there is no such certificate in master (CERT_ID is NULL); it may have been "
                        + "dropped or renamed since the check");
            }
            X509Certificate cert = certificate(name, der);
            String thumbprint = thumbprint(der);
            if (expectedThumbprint != null && !thumbprint.equals(normalize(expectedThumbprint))) {
                throw failed(name, "its thumbprint is now 0x" + thumbprint + ", not 0x" + normalize(expectedThumbprint)
                        + " as when it was checked; run milink fix again");
            }
            if (pvk == null) {
                throw failed(name, "SQL Server returned no private key (CERTPRIVATEKEY is NULL): the login lacks "
                        + "CONTROL on the certificate, the certificate was created from a public key only, or "
                        + "master's database master key cannot be opened");
            }
            RSAPrivateCrtKey key;
            try {
                key = Pvk.decode(pvk, password);
            } catch (Pvk.PvkException e) {
                throw failed(name, "the private key SQL Server returned did not decode: " + e.getMessage());
            } finally {
                Arrays.fill(pvk, (byte) 0);
            }
            Exported exported = new Exported(name, cert, key);
            try {
                Pfx.build(cert, key, password); // proves the pair before anything is uploaded
            } catch (IllegalArgumentException e) {
                throw failed(name, e.getMessage());
            }
            return exported;
        } catch (SQLException e) {
            if (e.getErrorCode() == 0) {
                throw SqlExceptionTranslator.translate(e, "the SQL Server");  // the connection, not the query
            }
            String text = e.getMessage() == null ? "" : e.getMessage().strip().lines().findFirst().orElse("");
            throw failed(name, "SQL Server error " + e.getErrorCode() + ": " + text + (e.getErrorCode() == 195
                    ? " (CERTENCODED and CERTPRIVATEKEY need SQL Server 2012 or later; use the manual steps)" : ""));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * A random password of {@code length} characters from letters, digits and {@code -_.~+=}, with at least one
     * upper-case letter, lower-case letter, digit and symbol (so password policies accept it).
     */
    public static char[] randomPassword(int length) {
        if (length < 8) {
            throw new IllegalArgumentException("a password needs at least 8 characters");
        }
        char[] p = new char[length];
        while (true) {
            for (int i = 0; i < length; i++) {
                p[i] = PASSWORD_CHARS.charAt(RANDOM.nextInt(PASSWORD_CHARS.length()));
            }
            boolean upper = false;
            boolean lower = false;
            boolean digit = false;
            boolean symbol = false;
            for (char c : p) {
                upper |= Character.isUpperCase(c);
                lower |= Character.isLowerCase(c);
                digit |= Character.isDigit(c);
                symbol |= !Character.isLetterOrDigit(c);
            }
            if (upper && lower && digit && symbol) {
                return p;
            }
        }
    }

    private static X509Certificate certificate(String name, byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw failed(name, "CERTENCODED did not return an X.509 certificate");
        }
    }

    static String thumbprint(byte[] der) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    private static String normalize(String thumbprint) {
        String t = thumbprint.strip().toUpperCase(Locale.ROOT);
        return t.startsWith("0X") ? t.substring(2) : t;
    }

    private static MilinkException failed(String name, String why) {
        return new MilinkException(SqlError.TDE_EXPORT_FAILED, "Cannot export TDE certificate '" + name
                + "' with its private key: " + why + ".");
    }
}
