// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.connect;

import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.core.secret.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The server-certificate check for {@code --trust-store}, with the trust store loaded <b>once per run</b> and
 * shared by every connection. Left to itself, mssql-jdbc opens and decodes the PKCS12 file again for every
 * connection (71 % of the client's CPU over a 1,000-server fleet, docs/benchmarks.md). Instead
 * {@link SqlConnector} hands the driver this class through {@code trustManagerClass}, with a key
 * ({@code trustManagerConstructorArg}) naming the cached trust material and the host name to expect.
 *
 * <p>With {@code trustManagerClass} the driver checks neither the chain nor the host name itself, so this class
 * does both: the chain with the JDK's PKIX trust manager over the store's certificates, and the name with
 * {@link HostNames} ({@code --host-name-in-certificate}, else the host connected to). Either failing is a
 * {@link CertificateException}, which the driver reports as an untrusted certificate (SQL_TLS_UNTRUSTED).
 */
public final class SharedTrust extends X509ExtendedTrustManager {

    private record Stores(Path file, long size, long modified, String type, int passwordHash) {
    }

    private record Check(X509TrustManager pkix, String host) {
    }

    private static final Map<Stores, X509TrustManager> STORES = new ConcurrentHashMap<>();
    private static final Map<String, Check> CHECKS = new ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicInteger LOADS = new java.util.concurrent.atomic.AtomicInteger();

    private final Check check;

    /** Called by the driver, by reflection, once per connection: cheap, a map look-up. */
    public SharedTrust(String key) {
        this.check = CHECKS.get(key);
        if (check == null) {
            throw new IllegalArgumentException("no trust material registered as " + key);
        }
    }

    /**
     * Loads (or reuses) the trust store and registers the host name to expect.
     *
     * @return the key to pass as {@code trustManagerConstructorArg}
     * @throws MilinkException USAGE when the trust store cannot be read
     */
    static String register(Path store, String type, Secret password, String expectedHost) {
        X509TrustManager pkix = load(store, type, password);
        String key = System.identityHashCode(pkix) + "|" + expectedHost;
        CHECKS.putIfAbsent(key, new Check(pkix, expectedHost));
        return key;
    }

    private static X509TrustManager load(Path store, String type, Secret password) {
        Path file = store.toAbsolutePath().normalize();
        try {
            Stores id = new Stores(file, Files.size(file), Files.getLastModifiedTime(file).toMillis(), type,
                    password == null ? 0 : password.reveal().hashCode());
            return STORES.computeIfAbsent(id, k -> read(file, type, password));
        } catch (IOException e) {
            throw new MilinkException(CoreError.USAGE, "Cannot read the trust store " + store + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()) + ".", e);
        }
    }

    /** How many trust stores were read from disk in this JVM (tests: once per file, not per connection). */
    static int loads() {
        return LOADS.get();
    }

    private static X509TrustManager read(Path file, String type, Secret password) {
        LOADS.incrementAndGet();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance(type == null ? KeyStore.getDefaultType() : type);
            ks.load(in, password == null ? null : password.reveal().toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return x;
                }
            }
            throw new KeyStoreFormatException("no X.509 trust manager");
        } catch (IOException | GeneralSecurityException e) {
            throw new MilinkException(CoreError.USAGE, "Cannot read the trust store " + file + " (" + e.getMessage()
                    + "). Check the file, its type (.p12/.pfx = PKCS12, .jks = JKS) and MILINK_TRUST_STORE_PASSWORD.",
                    e);
        }
    }

    private static final class KeyStoreFormatException extends GeneralSecurityException {
        KeyStoreFormatException(String message) {
            super(message);
        }
    }

    private void verify(X509Certificate[] chain, String authType) throws CertificateException {
        check.pkix().checkServerTrusted(chain, authType);
        if (chain == null || chain.length == 0 || !HostNames.matches(check.host(), chain[0])) {
            throw new CertificateException("The server certificate is not issued to '" + check.host() + "' ("
                    + (chain == null || chain.length == 0 ? "no certificate" : chain[0].getSubjectX500Principal())
                    + "); use --host-name-in-certificate with a name the certificate carries.");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        verify(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        verify(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        verify(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("milink is a client; it checks no client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return check.pkix().getAcceptedIssuers();
    }
}
