// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.SandboxCertificate;
import dev.milink.sandbox.server.SandboxInstance;
import dev.milink.sandbox.server.SandboxServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Logins through every encryption path the real mssql-jdbc driver takes, and login failures. */
// a protocol mistake must fail the build, not hang it: a blocked socket read ignores interrupts
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TdsLoginTest {
    private static final String CREDENTIALS = ";databaseName=appdb;user=sa;password=pw";
    private static SandboxServer sandbox;
    private static SandboxInstance onRequest;

    @BeforeAll
    static void start() throws Exception {
        // the certificate comes from a keytool run (seconds on a loaded machine): make it before any 5 s login
        // timeout starts, whichever test runs first
        SandboxCertificate.get();
        StubEngine engine = new StubEngine();
        sandbox = SandboxServer.start(InstanceDef.of("on-request", engine),
                InstanceDef.of("login-only", engine).withEncryption(EncryptionSupport.LOGIN_ONLY_WHEN_OFF),
                InstanceDef.of("required", engine).withEncryption(EncryptionSupport.REQUIRED),
                InstanceDef.of("no-tls", engine).withEncryption(EncryptionSupport.NOT_SUPPORTED));
        onRequest = sandbox.instance("on-request");
    }

    @AfterAll
    static void stop() { sandbox.close(); }

    @Test
    void plainLoginWithEncryptFalse() throws Exception {
        try (Connection c = DriverManager.getConnection(onRequest.jdbcUrl() + CREDENTIALS)) {
            assertThat(selectOne(c)).isEqualTo(1);
            assertThat(c.getCatalog()).isEqualTo("appdb");
            assertThat(c.getMetaData().getDatabaseProductVersion()).isEqualTo("16.00.1000");
        }
        assertThat(onRequest.requestLog().requests(RequestKind.LOGIN)).last()
                .extracting(r -> r.sql()).isEqualTo("sa");
    }

    @Test
    void fullTlsTrustingServerCertificate() throws Exception {
        assertSelectOne(onRequest.jdbcUrlTrustingServerCertificate() + CREDENTIALS);
    }

    @Test
    void fullTlsValidatedAgainstTrustStoreWithHostNameInCertificate() throws Exception {
        String url = "jdbc:sqlserver://127.0.0.1:" + onRequest.port() + ";loginTimeout=5;encrypt=true"
                + SandboxCertificate.get().trustStoreProperties() + CREDENTIALS;
        assertSelectOne(url);
        assertSelectOne(onRequest.jdbcUrlWithTrustStore() + CREDENTIALS);
    }

    @Test
    void defaultEncryptionRejectsTheSelfSignedCertificate() {
        String url = "jdbc:sqlserver://127.0.0.1:" + onRequest.port() + ";loginTimeout=5" + CREDENTIALS;
        assertThatThrownBy(() -> DriverManager.getConnection(url).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("PKIX path building failed");
    }

    @Test
    void strictEncryptionUsesTds8() throws Exception {
        String url = "jdbc:sqlserver://localhost:" + onRequest.port() + ";loginTimeout=5;encrypt=strict"
                + SandboxCertificate.get().trustStoreProperties() + CREDENTIALS;
        assertSelectOne(url);
    }

    @Test
    void loginOnlyTlsWhenTheServerAnswersEncryptOff() throws Exception {
        assertSelectOne(sandbox.instance("login-only").jdbcUrl() + CREDENTIALS);
    }

    @Test
    void forcedEncryptionAppliesToEncryptFalseClients() throws Exception {
        String url = sandbox.instance("required").jdbcUrl() + ";trustServerCertificate=true" + CREDENTIALS;
        assertSelectOne(url);
    }

    @Test
    void serverWithoutTlsRefusesEncryptTrue() {
        String url = sandbox.instance("no-tls").jdbcUrlTrustingServerCertificate() + CREDENTIALS;
        assertThatThrownBy(() -> DriverManager.getConnection(url).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("SSL");
    }

    @Test
    void wrongPasswordFailsLikeSqlServer() {
        String url = onRequest.jdbcUrl() + ";databaseName=appdb;user=sa;password=wrong";
        assertThatThrownBy(() -> DriverManager.getConnection(url).close())
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(18456);
                    // the driver appends " ClientConnectionId:<uuid>" to the server's text, as with SQL Server
                    assertThat(e.getMessage()).startsWith("Login failed for user 'sa'. ClientConnectionId:");
                });
    }

    @Test
    void entraAccessTokenLogin() throws Exception {
        SQLServerDataSource ds = new SQLServerDataSource();
        ds.setURL(onRequest.jdbcUrlTrustingServerCertificate() + ";databaseName=appdb");
        ds.setAccessToken(StubEngine.TOKEN);
        try (Connection c = ds.getConnection()) {
            assertThat(selectOne(c)).isEqualTo(1);
        }
        ds.setAccessToken("expired-token");
        assertThatThrownBy(() -> ds.getConnection().close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(18456));
    }

    /** Connects to {@code url} with the real driver and checks that {@code SELECT 1} answers 1. */
    static void assertSelectOne(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(selectOne(c)).isEqualTo(1);
        }
    }

    static int selectOne(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
