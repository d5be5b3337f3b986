// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.tde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

/**
 * Packages a certificate and its private key as a PKCS#12 (.pfx) file, what the managed instance's
 * {@code tdeCertificates} operation takes as {@code privateBlob}. Checks first that the key belongs to the
 * certificate, so a mismatch is reported here and not by Azure.
 *
 * @since 0.3
 */
public final class Pfx {
    /** The alias of the one entry. */
    static final String ALIAS = "tde";

    private Pfx() {
    }

    /**
     * @throws IllegalArgumentException when {@code key} is not the private key of {@code certificate}
     */
    public static byte[] build(X509Certificate certificate, RSAPrivateCrtKey key, char[] password) {
        if (!(certificate.getPublicKey() instanceof RSAPublicKey pub) || !pub.getModulus().equals(key.getModulus())
                || !pub.getPublicExponent().equals(key.getPublicExponent())) {
            throw new IllegalArgumentException("the private key does not belong to the certificate "
                    + certificate.getSubjectX500Principal().getName());
        }
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, key, password, new Certificate[] {certificate});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the JDK could not build a PKCS#12 file: " + e.getClass().getSimpleName(),
                    e);
        }
    }
}
