// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.tde;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decodes a PVK blob, the format {@code CERTPRIVATEKEY} returns and {@code BACKUP CERTIFICATE … WITH PRIVATE KEY}
 * writes: a 24-byte little-endian header (magic {@code 0xB0B5F11E}, reserved, key type, encrypted flag, salt
 * length, key length), the salt, then a CryptoAPI {@code PRIVATEKEYBLOB} (an 8-byte BLOBHEADER, {@code RSAPUBKEY}
 * with magic "RSA2", then modulus, primes, CRT exponents, coefficient and private exponent, little-endian) whose
 * part after the BLOBHEADER is RC4-encrypted with the first 16 bytes of SHA-1(salt || password) (the "weak"
 * variant keeps 5 of them and zeroes the rest). RC4 comes from the JDK ({@code ARCFOUR}).
 *
 * <pre>{@code
 * RSAPrivateCrtKey key = Pvk.decode(blob, password);
 * }</pre>
 *
 * @since 0.3
 */
public final class Pvk {
    static final int MAGIC = 0xB0B5F11E;
    static final int RSA2 = 0x32415352;
    private static final int HEADER = 24;
    private static final int BLOB_HEADER = 8;
    private static final int PRIVATEKEYBLOB = 7;
    private static final int MAX_LENGTH = 100_000;

    private Pvk() {
    }

    /** Why a blob could not be decoded; the message never holds key material or the password. */
    public static final class PvkException extends Exception {
        private static final long serialVersionUID = 1L;

        PvkException(String message) {
            super(message);
        }
    }

    /**
     * The RSA private key in {@code pvk}.
     *
     * @param password the password the blob was encrypted with (ignored for an unencrypted blob)
     * @throws PvkException when the blob is not a PVK RSA key, is truncated, or the password is wrong
     */
    public static RSAPrivateCrtKey decode(byte[] pvk, char[] password) throws PvkException {
        if (pvk == null || pvk.length < HEADER) {
            throw new PvkException("the private key blob is " + (pvk == null ? "missing" : "truncated ("
                    + pvk.length + " bytes, the PVK header alone has 24)"));
        }
        ByteBuffer h = ByteBuffer.wrap(pvk, 0, HEADER).order(ByteOrder.LITTLE_ENDIAN);
        if (h.getInt() != MAGIC) {
            throw new PvkException("the private key blob is not in PVK format (no 0xB0B5F11E magic)");
        }
        h.getInt(); // reserved
        h.getInt(); // key type: 1 exchange, 2 signature; SQL Server's certificates are RSA either way
        boolean encrypted = h.getInt() != 0;
        int saltLength = h.getInt();
        int keyLength = h.getInt();
        if (saltLength < 0 || keyLength < BLOB_HEADER || saltLength > MAX_LENGTH || keyLength > MAX_LENGTH) {
            throw new PvkException("the PVK header is inconsistent (salt " + saltLength + ", key " + keyLength
                    + " bytes)");
        }
        if (encrypted && saltLength == 0) {
            throw new PvkException("the PVK header says encrypted but has no salt");
        }
        if (pvk.length < HEADER + saltLength + keyLength) {
            throw new PvkException("the private key blob is truncated (" + pvk.length + " bytes, the header "
                    + "announces " + (HEADER + saltLength + keyLength) + ")");
        }
        byte[] salt = Arrays.copyOfRange(pvk, HEADER, HEADER + saltLength);
        byte[] blob = Arrays.copyOfRange(pvk, HEADER + saltLength, HEADER + saltLength + keyLength);
        try {
            if (!encrypted) {
                return key(blob);
            }
            byte[] digest = sha1(salt, password);
            byte[] strong = decrypt(blob, Arrays.copyOf(digest, 16));
            if (rsa2(strong)) {
                return key(strong);
            }
            byte[] weakKey = Arrays.copyOf(digest, 16);
            Arrays.fill(weakKey, 5, 16, (byte) 0);
            byte[] weak = decrypt(blob, weakKey);
            if (rsa2(weak)) {
                return key(weak);
            }
            throw new PvkException("the private key does not decrypt with the password (wrong password, or the "
                    + "blob is damaged)");
        } finally {
            Arrays.fill(salt, (byte) 0);
        }
    }

    private static boolean rsa2(byte[] blob) {
        return blob.length >= BLOB_HEADER + 12
                && ByteBuffer.wrap(blob, BLOB_HEADER, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() == RSA2;
    }

    /** PRIVATEKEYBLOB (decrypted) to a key: BLOBHEADER, RSAPUBKEY, then the numbers, little-endian. */
    private static RSAPrivateCrtKey key(byte[] blob) throws PvkException {
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        if (blob.length < BLOB_HEADER + 12 || b.get() != PRIVATEKEYBLOB) {
            throw new PvkException("the PVK body is not a private key blob (PRIVATEKEYBLOB)");
        }
        b.position(BLOB_HEADER);
        if (b.getInt() != RSA2) {
            throw new PvkException("the PVK body is not an RSA private key (no RSA2 magic)");
        }
        int bits = b.getInt();
        if (bits < 512 || bits > 16384 || bits % 16 != 0) {
            throw new PvkException("the PVK body announces an RSA key of " + bits + " bits");
        }
        BigInteger e = BigInteger.valueOf(Integer.toUnsignedLong(b.getInt()));
        int full = bits / 8;
        int half = bits / 16;
        if (b.remaining() < full * 2 + half * 5) {
            throw new PvkException("the private key blob is truncated (" + blob.length + " bytes for a " + bits
                    + "-bit key)");
        }
        BigInteger n = number(b, full);
        BigInteger p = number(b, half);
        BigInteger q = number(b, half);
        BigInteger dp = number(b, half);
        BigInteger dq = number(b, half);
        BigInteger qInv = number(b, half);
        BigInteger d = number(b, full);
        Arrays.fill(blob, (byte) 0);
        if (!p.multiply(q).equals(n)) {
            throw new PvkException("the PVK body is damaged (its primes do not multiply to the modulus)");
        }
        try {
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(
                    new RSAPrivateCrtKeySpec(n, e, d, p, q, dp, dq, qInv));
        } catch (GeneralSecurityException ex) {
            throw new PvkException("the JDK rejected the RSA key (" + ex.getClass().getSimpleName() + ")");
        }
    }

    private static BigInteger number(ByteBuffer b, int length) {
        byte[] le = new byte[length];
        b.get(le);
        byte[] be = new byte[length + 1]; // a leading zero keeps it positive
        for (int i = 0; i < length; i++) {
            be[length - i] = le[i];
        }
        Arrays.fill(le, (byte) 0);
        return new BigInteger(be);
    }

    /** SHA-1(salt || password), the password as its single-byte (ANSI) form, as CryptoAPI and SQL Server do. */
    private static byte[] sha1(byte[] salt, char[] password) {
        ByteBuffer pw = StandardCharsets.ISO_8859_1.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[pw.remaining()];
        pw.get(bytes);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            md.update(salt);
            md.update(bytes);
            return md.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The BLOBHEADER stays as it is; the rest is RC4. */
    private static byte[] decrypt(byte[] blob, byte[] key) {
        try {
            Cipher rc4 = Cipher.getInstance("ARCFOUR");
            rc4.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "ARCFOUR"));
            byte[] out = new byte[blob.length];
            System.arraycopy(blob, 0, out, 0, BLOB_HEADER);
            rc4.doFinal(blob, BLOB_HEADER, blob.length - BLOB_HEADER, out, BLOB_HEADER);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot run RC4 (ARCFOUR): " + e.getMessage(), e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
