// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.connect;

import dev.milink.core.secret.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything needed to connect to one SQL Server. TLS is on by default ({@code encrypt=true}, certificate
 * validated); trusting any certificate is an explicit opt-in that the CLI warns about.
 *
 * <pre>{@code
 * ConnectionSettings s = ConnectionSettings.of(SqlTarget.parse("sql01,1433"),
 *                 new Authentication.SqlLogin("milink", password))
 *         .withHostNameInCertificate("sql01.contoso.local")
 *         .withTimeouts(Duration.ofSeconds(15), Duration.ofSeconds(60));
 * }</pre>
 *
 * @param target                 instance address
 * @param authentication         how to sign in
 * @param encrypt                TLS on (default true)
 * @param trustServerCertificate accept any server certificate (opt-in, warned)
 * @param hostNameInCertificate  name to expect in the certificate when it differs from the host, or null
 * @param trustStore             PKCS12/JKS trust store for the server certificate, or null for the JDK's
 * @param trustStorePassword     its password, or null
 * @param loginTimeout           connect + login timeout
 * @param queryTimeout           per-query timeout
 * @since 0.1
 */
public record ConnectionSettings(SqlTarget target, Authentication authentication, boolean encrypt,
                                 boolean trustServerCertificate, String hostNameInCertificate, Path trustStore,
                                 Secret trustStorePassword, Duration loginTimeout, Duration queryTimeout) {

    /** Login timeout when none is given. */
    public static final Duration DEFAULT_LOGIN_TIMEOUT = Duration.ofSeconds(15);
    /** Query timeout when none is given. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(60);

    public ConnectionSettings {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(authentication, "authentication");
        loginTimeout = positive(loginTimeout, DEFAULT_LOGIN_TIMEOUT);
        queryTimeout = positive(queryTimeout, DEFAULT_QUERY_TIMEOUT);
        if (hostNameInCertificate != null && hostNameInCertificate.isBlank()) {
            hostNameInCertificate = null;
        }
    }

    /** Secure defaults: TLS on, certificate validated against the JDK trust store, default timeouts. */
    public static ConnectionSettings of(SqlTarget target, Authentication authentication) {
        return new ConnectionSettings(target, authentication, true, false, null, null, null, null, null);
    }

    public ConnectionSettings withEncrypt(boolean value) {
        return new ConnectionSettings(target, authentication, value, trustServerCertificate, hostNameInCertificate,
                trustStore, trustStorePassword, loginTimeout, queryTimeout);
    }

    /** Accept any server certificate: the connection is encrypted but the server is not authenticated. */
    public ConnectionSettings withTrustServerCertificate(boolean value) {
        return new ConnectionSettings(target, authentication, encrypt, value, hostNameInCertificate, trustStore,
                trustStorePassword, loginTimeout, queryTimeout);
    }

    public ConnectionSettings withHostNameInCertificate(String value) {
        return new ConnectionSettings(target, authentication, encrypt, trustServerCertificate, value, trustStore,
                trustStorePassword, loginTimeout, queryTimeout);
    }

    public ConnectionSettings withTrustStore(Path store, Secret password) {
        return new ConnectionSettings(target, authentication, encrypt, trustServerCertificate, hostNameInCertificate,
                store, password, loginTimeout, queryTimeout);
    }

    public ConnectionSettings withTimeouts(Duration login, Duration query) {
        return new ConnectionSettings(target, authentication, encrypt, trustServerCertificate, hostNameInCertificate,
                trustStore, trustStorePassword, login, query);
    }

    private static Duration positive(Duration d, Duration fallback) {
        return d == null || d.isZero() || d.isNegative() ? fallback : d;
    }
}
