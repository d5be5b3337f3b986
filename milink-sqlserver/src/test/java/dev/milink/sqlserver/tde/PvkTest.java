// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.tde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.sandbox.catalog.CertificateKeys;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PVK decoder against blobs made by the sandbox's encoder (written apart from it, as SQL Server's
 * CERTPRIVATEKEY returns them): encrypted and not, the "weak" 40-bit variant, a wrong password, damaged and
 * truncated blobs; every error is one plain sentence without key material.
 */
class PvkTest {

    private static RSAPrivateCrtKey key;

    @BeforeAll
    static void generate() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        KeyPair pair = g.generateKeyPair();
        key = (RSAPrivateCrtKey) pair.getPrivate();
    }

    private static byte[] pvk(String password, boolean encrypt) throws Exception {
        return CertificateKeys.pvk(key, password.getBytes(StandardCharsets.US_ASCII), encrypt);
    }

    @Test
    void encryptedBlobDecodesWithItsPassword() throws Exception {
        byte[] blob = pvk("p@ss-W0rd_42", true);
        assertThat(ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).getInt()).isEqualTo(0xB0B5F11E);
        RSAPrivateCrtKey decoded = Pvk.decode(blob, "p@ss-W0rd_42".toCharArray());
        assertThat(decoded.getModulus()).isEqualTo(key.getModulus());
        assertThat(decoded.getPrivateExponent()).isEqualTo(key.getPrivateExponent());
        assertThat(decoded.getCrtCoefficient()).isEqualTo(key.getCrtCoefficient());
        assertThat(decoded.getEncoded()).isEqualTo(key.getEncoded());
    }

    @Test
    void unencryptedBlobNeedsNoPassword() throws Exception {
        byte[] blob = pvk("", false);
        assertThat(Pvk.decode(blob, new char[0]).getEncoded()).isEqualTo(key.getEncoded());
        assertThat(Pvk.decode(blob, "ignored".toCharArray()).getModulus()).isEqualTo(key.getModulus());
    }

    @Test
    void weakFortyBitVariantDecodesToo() throws Exception {
        byte[] plain = pvk("", false);
        // re-encrypt as the 40-bit ("weak") PVK: 5 bytes of SHA-1(salt || password), then 11 zeros
        byte[] salt = new byte[16];
        Arrays.fill(salt, (byte) 7);
        byte[] body = Arrays.copyOfRange(plain, 24, plain.length);
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(salt);
        sha1.update("weak".getBytes(StandardCharsets.US_ASCII));
        byte[] k = Arrays.copyOf(sha1.digest(), 16);
        Arrays.fill(k, 5, 16, (byte) 0);
        Cipher rc4 = Cipher.getInstance("ARCFOUR");
        rc4.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k, "ARCFOUR"));
        byte[] tail = rc4.doFinal(body, 8, body.length - 8);
        System.arraycopy(tail, 0, body, 8, tail.length);
        ByteBuffer out = ByteBuffer.allocate(24 + 16 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0xB0B5F11E).putInt(0).putInt(1).putInt(1).putInt(16).putInt(body.length).put(salt).put(body);
        assertThat(Pvk.decode(out.array(), "weak".toCharArray()).getModulus()).isEqualTo(key.getModulus());
    }

    @Test
    void wrongPasswordIsAClearError() throws Exception {
        byte[] blob = pvk("right-Passw0rd", true);
        assertThatThrownBy(() -> Pvk.decode(blob, "wrong-Passw0rd".toCharArray()))
                .isInstanceOf(Pvk.PvkException.class)
                .hasMessage("the private key does not decrypt with the password (wrong password, or the blob is "
                        + "damaged)");
    }

    @Test
    void truncatedAndForeignBlobsAreNamed() throws Exception {
        byte[] blob = pvk("Passw0rd!", true);
        assertThatThrownBy(() -> Pvk.decode(Arrays.copyOf(blob, 10), "Passw0rd!".toCharArray()))
                .hasMessageContaining("truncated (10 bytes");
        assertThatThrownBy(() -> Pvk.decode(Arrays.copyOf(blob, blob.length - 1), "Passw0rd!".toCharArray()))
                .hasMessageContaining("truncated").hasMessageContaining("the header announces " + blob.length);
        assertThatThrownBy(() -> Pvk.decode(null, new char[0])).hasMessageContaining("missing");
        byte[] foreign = blob.clone();
        foreign[0] = 0x30;
        assertThatThrownBy(() -> Pvk.decode(foreign, "Passw0rd!".toCharArray()))
                .hasMessageContaining("not in PVK format");
        byte[] damaged = pvk("", false);
        damaged[24 + 20 + 3] ^= 0x55; // a byte of the modulus
        assertThatThrownBy(() -> Pvk.decode(damaged, new char[0])).hasMessageContaining("damaged");
    }

    @Test
    void errorsNeverHoldThePasswordOrKeyBytes() throws Exception {
        byte[] blob = pvk("Secret-Marker-123", true);
        try {
            Pvk.decode(blob, "Other-Marker-456".toCharArray());
        } catch (Pvk.PvkException e) {
            assertThat(e.getMessage()).doesNotContain("Marker").doesNotContain(key.getModulus().toString(16)
                    .substring(0, 12));
        }
    }
}
