// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.scenario.Certificate;
import dev.milink.sandbox.scenario.Scenario;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Real key material for the sandbox's TDE certificates, so that {@code CERTENCODED} returns a real X.509
 * certificate and {@code CERTPRIVATEKEY} its private key as SQL Server does: a PVK blob (magic 0xB0B5F11E) whose
 * PRIVATEKEYBLOB is RC4-encrypted with the first 16 bytes of SHA-1(salt || password). A TDE protector in master
 * without a {@code blob} gets a self-signed certificate (its subject, start and expiry dates) signed with an RSA
 * key generated once per JVM: the certificates differ, the key is shared, which keeps a fleet of sandboxes fast.
 * This encoder is written independently of milink's decoder, so tests of one check the other.
 */
public final class CertificateKeys {
    private static final int PVK_MAGIC = 0xB0B5F11E;
    private static final int RSA2 = 0x32415352;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateKeys() {
    }

    private static final class Shared {
        static final KeyPair KEYS = generate();

        private static KeyPair generate() {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                return g.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK cannot generate RSA keys", e);
            }
        }
    }

    /** Gives each TDE protector of master that has no blob a real certificate and private key. */
    static void ensure(Scenario scenario) {
        Scenario.Database master = scenario.database("master");
        if (master == null) {
            return;
        }
        for (Scenario.Database db : scenario.databases) {
            if (db.tdeCertificate == null) {
                continue;
            }
            for (Certificate c : master.certificates) {
                if (c.name.equalsIgnoreCase(db.tdeCertificate) && c.blob == null) {
                    selfSigned(c);
                }
            }
        }
    }

    /** Sets {@code c.blob} to a self-signed certificate and, unless it has no private key (NA), its key. */
    public static void selfSigned(Certificate c) {
        KeyPair keys = Shared.KEYS;
        String subject = c.subject == null ? c.name : c.subject;
        LocalDateTime start = c.startDate == null ? LocalDateTime.of(2024, 1, 1, 0, 0) : Values.time(c.startDate);
        LocalDateTime end = c.expiryDate == null ? start.plusYears(10) : Values.time(c.expiryDate);
        byte[] serial = Arrays.copyOf(Values.sha1("serial:" + c.name + "|" + subject), 16);
        serial[0] &= 0x7F;
        byte[] algorithm = seq(oid(1, 2, 840, 113549, 1, 1, 11), new byte[] {0x05, 0x00});
        byte[] name = seq(tlv(0x31, seq(oid(2, 5, 4, 3), tlv(0x0C, subject.getBytes(StandardCharsets.UTF_8)))));
        byte[] tbs = seq(tlv(0xA0, tlv(0x02, new byte[] {2})), tlv(0x02, serial), algorithm, name,
                seq(time(start), time(end)), name, keys.getPublic().getEncoded());
        try {
            Signature sign = Signature.getInstance("SHA256withRSA");
            sign.initSign(keys.getPrivate());
            sign.update(tbs);
            byte[] signature = sign.sign();
            byte[] bits = new byte[signature.length + 1];
            System.arraycopy(signature, 0, bits, 1, signature.length);
            c.blob = Values.hexUpper(seq(tbs, algorithm, tlv(0x03, bits)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot sign with RSA", e);
        }
        if (!"NA".equalsIgnoreCase(c.privateKey)) {
            c.privateKeyPkcs8 = Values.hexUpper(keys.getPrivate().getEncoded());
        }
    }

    /** The certificate's private key as CERTPRIVATEKEY returns it, encrypted with {@code password}; null without one. */
    static byte[] pvk(Certificate c, String password) {
        if (c.privateKeyPkcs8 == null || password == null) {
            return null;
        }
        try {
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Values.hex(c.privateKeyPkcs8)));
            return pvk(key, password.getBytes(StandardCharsets.ISO_8859_1), true);
        } catch (GeneralSecurityException | ClassCastException e) {
            return null;
        }
    }

    /** A PVK blob of {@code key}; encrypted with RC4 from SHA-1(salt || password) when {@code encrypt}. */
    public static byte[] pvk(RSAPrivateCrtKey key, byte[] password, boolean encrypt) throws GeneralSecurityException {
        int bits = key.getModulus().bitLength();
        int full = (bits + 7) / 8;
        int half = (bits + 15) / 16;
        ByteBuffer blob = ByteBuffer.allocate(8 + 12 + full * 2 + half * 5).order(ByteOrder.LITTLE_ENDIAN);
        blob.put((byte) 7).put((byte) 2).putShort((short) 0).putInt(0xA400); // BLOBHEADER: PRIVATEKEYBLOB, RSA exchange
        blob.putInt(RSA2).putInt(full * 8).putInt(key.getPublicExponent().intValueExact());
        for (BigInteger n : new BigInteger[] {key.getModulus()}) {
            blob.put(littleEndian(n, full));
        }
        for (BigInteger n : new BigInteger[] {key.getPrimeP(), key.getPrimeQ(), key.getPrimeExponentP(),
                key.getPrimeExponentQ(), key.getCrtCoefficient()}) {
            blob.put(littleEndian(n, half));
        }
        blob.put(littleEndian(key.getPrivateExponent(), full));
        byte[] body = blob.array();
        byte[] salt = new byte[encrypt ? 16 : 0];
        RANDOM.nextBytes(salt);
        if (encrypt) {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(salt);
            sha1.update(password);
            Cipher rc4 = Cipher.getInstance("ARCFOUR");
            rc4.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Arrays.copyOf(sha1.digest(), 16), "ARCFOUR"));
            byte[] encrypted = rc4.doFinal(body, 8, body.length - 8);
            System.arraycopy(encrypted, 0, body, 8, encrypted.length);
        }
        ByteBuffer out = ByteBuffer.allocate(24 + salt.length + body.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(PVK_MAGIC).putInt(0).putInt(1).putInt(encrypt ? 1 : 0).putInt(salt.length).putInt(body.length);
        return out.put(salt).put(body).array();
    }

    private static byte[] littleEndian(BigInteger n, int length) {
        byte[] be = n.toByteArray();
        byte[] le = new byte[length];
        for (int i = 0; i < length && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }

    private static byte[] time(LocalDateTime t) {
        boolean utc = t.getYear() < 2050;
        String text = t.atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern(utc ? "yyMMddHHmmss"
                : "yyyyMMddHHmmss", Locale.ROOT)) + "Z";
        return tlv(utc ? 0x17 : 0x18, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] oid(int... arcs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(arcs[0] * 40 + arcs[1]);
        for (int i = 2; i < arcs.length; i++) {
            int v = arcs[i];
            int shift = 28;
            while (shift > 0 && (v >>> shift) == 0) {
                shift -= 7;
            }
            for (; shift > 0; shift -= 7) {
                out.write(0x80 | ((v >>> shift) & 0x7F));
            }
            out.write(v & 0x7F);
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] seq(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return tlv(0x30, out.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >>> 8);
            out.write(n & 0xFF);
        } else {
            out.write(0x83);
            out.write(n >>> 16);
            out.write((n >>> 8) & 0xFF);
            out.write(n & 0xFF);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
