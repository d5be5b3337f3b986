// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.tde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.sandbox.catalog.CertificateKeys;
import dev.milink.sandbox.scenario.Certificate;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The PKCS#12 builder: what it writes opens with the password and holds the same certificate and key. */
class PfxTest {

    private static Certificate sandboxCertificate() {
        Certificate c = new Certificate();
        c.name = "TDE_Cert";
        c.subject = "TDE certificate for SalesDB";
        c.startDate = "2024-01-01T00:00:00";
        c.expiryDate = "2034-01-01T00:00:00";
        CertificateKeys.selfSigned(c);
        return c;
    }

    private static X509Certificate x509(Certificate c) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(HexFormat.of().parseHex(c.blob)));
    }

    @Test
    void roundTripThroughPvkAndPkcs12() throws Exception {
        Certificate c = sandboxCertificate();
        X509Certificate cert = x509(c);
        RSAPrivateCrtKey original = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(HexFormat.of().parseHex(c.privateKeyPkcs8)));
        RSAPrivateCrtKey key = Pvk.decode(CertificateKeys.pvk(original, "Pvk#Pass1".getBytes(StandardCharsets.US_ASCII),
                true), "Pvk#Pass1".toCharArray());

        byte[] pfx = Pfx.build(cert, key, "Pfx#Pass2".toCharArray());

        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(new ByteArrayInputStream(pfx), "Pfx#Pass2".toCharArray());
        assertThat(ks.isKeyEntry(Pfx.ALIAS)).isTrue();
        assertThat(ks.getCertificate(Pfx.ALIAS)).isEqualTo(cert);
        assertThat(ks.getKey(Pfx.ALIAS, "Pfx#Pass2".toCharArray()).getEncoded()).isEqualTo(original.getEncoded());
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=TDE certificate for SalesDB");
        assertThatThrownBy(() -> ks.load(new ByteArrayInputStream(pfx), "wrong".toCharArray()))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() throws Exception {
        X509Certificate cert = x509(sandboxCertificate());
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        RSAPrivateCrtKey other = (RSAPrivateCrtKey) g.generateKeyPair().getPrivate();
        assertThatThrownBy(() -> Pfx.build(cert, other, "x".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the private key does not belong to the certificate CN=TDE certificate for SalesDB");
    }
}
