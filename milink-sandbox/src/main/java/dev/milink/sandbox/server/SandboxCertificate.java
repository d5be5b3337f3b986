// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The sandbox's self-signed TLS certificate (CN=localhost, SAN dns:localhost, ip:127.0.0.1), generated once per
 * JVM with the JDK's {@code keytool} into a temporary PKCS12 file that is deleted at exit. The same file works
 * as the server keystore and as a client truststore:
 *
 * <pre>{@code
 * SandboxCertificate cert = SandboxCertificate.get();
 * String url = "jdbc:sqlserver://localhost:" + port + ";encrypt=true" + cert.trustStoreProperties();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SandboxCertificate {
    private static final System.Logger LOG = System.getLogger(SandboxCertificate.class.getName());
    private static final String TYPE = "PKCS12";
    private static final String ALIAS = "milink-sandbox";

    private final Path keystore;
    private final String password;
    private final SSLContext sslContext;

    private SandboxCertificate(Path keystore, String password) {
        this.keystore = keystore;
        this.password = password;
        this.sslContext = serverContext(keystore, password);
    }

    /** Generated on first use (about a second), then shared by every instance in this JVM. */
    public static SandboxCertificate get() { return Holder.INSTANCE; }

    /** The PKCS12 keystore holding the key and certificate; usable as a truststore. */
    public Path keystore() { return keystore; }

    /** The keystore password, random per JVM. It only protects a throw-away test key. */
    public String password() { return password; }

    /** Always "PKCS12". */
    public String type() { return TYPE; }

    /** Server-side TLS context with this certificate. */
    public SSLContext sslContext() { return sslContext; }

    /**
     * mssql-jdbc connection properties that trust this certificate and check the host name against it, starting
     * with a semicolon: {@code ;trustServerCertificate=false;trustStore=…;trustStorePassword=…;
     * trustStoreType=PKCS12;hostNameInCertificate=localhost}.
     */
    public String trustStoreProperties() {
        return ";trustServerCertificate=false;trustStore=" + keystore + ";trustStorePassword=" + password
                + ";trustStoreType=" + TYPE + ";hostNameInCertificate=localhost";
    }

    @Override
    public String toString() { return "SandboxCertificate[" + keystore + "]"; }

    private static final class Holder {
        static final SandboxCertificate INSTANCE = generate();
    }

    private static SandboxCertificate generate() {
        try {
            Path dir = Files.createTempDirectory("milink-sandbox-tls");
            Path file = dir.resolve("sandbox.p12");
            Path log = dir.resolve("keytool.log");
            dir.toFile().deleteOnExit();
            file.toFile().deleteOnExit();
            log.toFile().deleteOnExit();
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            runKeytool(file, password, log);
            LOG.log(Level.DEBUG, () -> "generated sandbox certificate " + file);
            return new SandboxCertificate(file, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the sandbox TLS certificate", e);
        }
    }

    /** keytool's output goes to a file: inheriting the console corrupts surefire's channel to its fork. */
    private static void runKeytool(Path file, String password, Path log) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "30", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", TYPE, "-keystore", file.toString(),
                "-storepass", password, "-keypass", password);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for keytool", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool failed (exit " + process.exitValue() + "): " + Files.readString(log));
        }
    }

    private static SSLContext serverContext(Path keystore, String password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance(TYPE);
            ks.load(in, password.toCharArray());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sandbox keystore " + keystore, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the sandbox keystore " + keystore, e);
        }
    }
}
