// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.core.error.MilinkException;
import dev.milink.core.secret.Secret;
import dev.milink.sandbox.server.SandboxCertificate;
import dev.milink.sqlserver.testing.ScenarioSandbox;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code --trust-store} through the real driver with the shared trust manager: the sandbox certificate (SAN
 * dns:localhost, ip:127.0.0.1) is accepted under a name it carries and refused under one it does not, and the
 * store is read from disk once however many connections use it.
 */
class SharedTrustSandboxTest {

    @RegisterExtension
    static final ScenarioSandbox SANDBOX = ScenarioSandbox.of("prepared-2022");

    private static ConnectionSettings settings(String host, String nameInCertificate) {
        SandboxCertificate cert = SandboxCertificate.get();
        ConnectionSettings s = ConnectionSettings.of(new SqlTarget(host, SANDBOX.sql().port(), null),
                new Authentication.SqlLogin("sa", Secret.of(SANDBOX.saPassword())))
                .withTrustStore(cert.keystore(), Secret.of(cert.password()));
        return nameInCertificate == null ? s : s.withHostNameInCertificate(nameInCertificate);
    }

    private static int selectOne(ConnectionSettings s) throws SQLException {
        try (Connection c = SqlConnector.open(s); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void theRightNamePassesAndTheStoreIsReadOnce() throws SQLException {
        int before = SharedTrust.loads();
        for (int i = 0; i < 5; i++) {
            assertThat(selectOne(settings("localhost", null))).isEqualTo(1);
        }
        assertThat(selectOne(settings("127.0.0.1", null))).isEqualTo(1);   // the IP address entry
        assertThat(selectOne(settings("127.0.0.1", "localhost"))).isEqualTo(1);
        assertThat(SharedTrust.loads() - before).isLessThanOrEqualTo(1);
    }

    @Test
    void aNameTheCertificateDoesNotCarryFails() {
        assertThatThrownBy(() -> selectOne(settings("localhost", "sql01.contoso.local")))
                .isInstanceOfSatisfying(MilinkException.class, e -> {
                    assertThat(e.code()).isEqualTo(SqlError.SQL_TLS_UNTRUSTED);
                    assertThat(e.getMessage()).contains("localhost:" + SANDBOX.sql().port());
                });
    }

    /** Any root of the JDK's own store: a real CA that never issued the sandbox's certificate. */
    private static java.security.cert.Certificate aPublicRootCa() throws Exception {
        java.security.KeyStore jdk = java.security.KeyStore.getInstance(java.nio.file.Path.of(
                System.getProperty("java.home"), "lib", "security", "cacerts").toFile(), "changeit".toCharArray());
        return jdk.getCertificate(jdk.aliases().nextElement());
    }

    @Test
    void aCertificateFromAnotherAuthorityFails() throws Exception {
        java.nio.file.Path other = java.nio.file.Files.createTempFile("milink-empty", ".p12");
        try {
            java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("unrelated", aPublicRootCa());
            try (var out = java.nio.file.Files.newOutputStream(other)) {
                ks.store(out, "changeit".toCharArray());
            }
            ConnectionSettings s = settings("localhost", null).withTrustStore(other, Secret.of("changeit"));
            assertThatThrownBy(() -> selectOne(s)).isInstanceOfSatisfying(MilinkException.class,
                    e -> assertThat(e.code()).isEqualTo(SqlError.SQL_TLS_UNTRUSTED));
        } finally {
            java.nio.file.Files.deleteIfExists(other);
        }
    }
}
