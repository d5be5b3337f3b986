// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.core.secret.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SqlConnectorTest {

    private static final Secret PASSWORD = Secret.of("p;w{d}=1'x");

    @Test
    void tlsIsOnAndValidatedByDefaultAndSecretsStayOutOfTheUrl() {
        ConnectionSettings s = ConnectionSettings.of(SqlTarget.parse("sql01,1433"),
                new Authentication.SqlLogin("milink", PASSWORD));
        Properties p = SqlConnector.properties(s);
        assertThat(p).containsEntry("encrypt", "true").containsEntry("trustServerCertificate", "false")
                .containsEntry("serverName", "sql01").containsEntry("portNumber", "1433")
                .containsEntry("applicationName", "milink").containsEntry("databaseName", "master")
                .containsEntry("user", "milink").containsEntry("password", "p;w{d}=1'x")
                .containsEntry("loginTimeout", "15").containsEntry("queryTimeout", "60")
                .containsEntry("sslProtocol", "TLSv1.2"); // TDS 7.x: TLS 1.3 needs TDS 8, which milink does not use
        assertThat(SqlConnector.URL).doesNotContain("sql01").doesNotContain("p;w");
        assertThat(s.toString()).doesNotContain("p;w{d}");
    }

    @Test
    void trustStoreHostNameAndTimeoutsAreProperties() {
        ConnectionSettings s = ConnectionSettings.of(SqlTarget.parse("10.0.0.4\\PROD"), new Authentication.Integrated())
                .withHostNameInCertificate("sql01.contoso.local")
                .withTrustStore(dev.milink.sandbox.server.SandboxCertificate.get().keystore(),
                        Secret.of(dev.milink.sandbox.server.SandboxCertificate.get().password()))
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));
        Properties p = SqlConnector.properties(s);
        // the store is loaded once per run by SharedTrust, which also checks the name; its password stays here
        assertThat(p).containsEntry("instanceName", "PROD").doesNotContainKey("portNumber")
                .containsEntry("trustManagerClass", SharedTrust.class.getName())
                .containsEntry("trustManagerConstructorArg", p.getProperty("trustManagerConstructorArg"))
                .doesNotContainKeys("trustStore", "trustStorePassword", "hostNameInCertificate")
                .containsEntry("integratedSecurity", "true")
                .containsEntry("loginTimeout", "5").containsEntry("queryTimeout", "30");
        assertThat(p.getProperty("trustManagerConstructorArg")).endsWith("|sql01.contoso.local");
        Properties off = SqlConnector.properties(s.withTrustServerCertificate(true));
        assertThat(off).containsEntry("trustStoreType", "PKCS12").doesNotContainKey("trustManagerClass");
        if (!System.getProperty("os.name").startsWith("Windows")) {
            assertThat(p).containsEntry("authenticationScheme", "JavaKerberos");
        }
    }

    @Test
    void trustServerCertificateOnlyWhenAskedFor() {
        ConnectionSettings s = ConnectionSettings.of(SqlTarget.of("sql01"), new Authentication.SqlLogin("a", PASSWORD))
                .withTrustServerCertificate(true);
        assertThat(SqlConnector.properties(s)).containsEntry("trustServerCertificate", "true")
                .containsEntry("encrypt", "true");
    }

    @Test
    void entraModesAndAccessToken() {
        Properties token = SqlConnector.properties(ConnectionSettings.of(SqlTarget.of("sql01"),
                new Authentication.AccessToken(Secret.of("eyJ0eXAi"))));
        assertThat(token).containsEntry("accessToken", "eyJ0eXAi").doesNotContainKey("user");
        Properties sp = SqlConnector.properties(ConnectionSettings.of(SqlTarget.of("sql01"),
                new Authentication.Entra("activedirectoryserviceprincipal", "app-id", Secret.of("s3cret"))));
        assertThat(sp).containsEntry("authentication", "ActiveDirectoryServicePrincipal")
                .containsEntry("user", "app-id").containsEntry("password", "s3cret");
        Properties def = SqlConnector.properties(ConnectionSettings.of(SqlTarget.of("sql01"),
                new Authentication.Entra("ActiveDirectoryDefault", null, null)));
        assertThat(def).containsEntry("authentication", "ActiveDirectoryDefault").doesNotContainKey("password");
        assertThatThrownBy(() -> new Authentication.Entra("ActiveDirectoryMagic", null, null))
                .hasMessageContaining("ActiveDirectoryDefault");
        assertThatThrownBy(() -> new Authentication.Entra("ActiveDirectoryPassword", "u", null))
                .hasMessageContaining("needs a user");
    }

    @Test
    void unreachableHostBecomesMilinkExceptionNamingTheEndpoint() {
        ConnectionSettings s = ConnectionSettings.of(SqlTarget.parse("127.0.0.1,1"),
                        new Authentication.SqlLogin("sa", PASSWORD))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThatThrownBy(() -> SqlConnector.open(s))
                .isInstanceOfSatisfying(dev.milink.core.error.MilinkException.class, e -> {
                    assertThat(e.code()).isIn(dev.milink.sqlserver.connect.SqlError.SQL_UNREACHABLE,
                            dev.milink.sqlserver.connect.SqlError.SQL_TIMEOUT);
                    assertThat(e.getMessage()).contains("127.0.0.1:1").doesNotContain("p;w{d}");
                });
    }
}
