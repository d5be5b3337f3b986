// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.connect;

import com.microsoft.sqlserver.jdbc.SQLServerDriver;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * Opens mssql-jdbc connections from {@link ConnectionSettings}. Every setting travels as a connection
 * {@link Properties} entry, never inside the URL, so a password, token or a value containing {@code ;}, <code>{</code>
 * or <code>}</code> can neither be logged with the URL nor break its syntax. Failures come out as
 * {@link dev.milink.core.error.MilinkException} through {@link SqlExceptionTranslator}.
 *
 * <pre>{@code
 * try (Connection c = SqlConnector.open(settings)) {
 *     // c is signed in to master, application name "milink"
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class SqlConnector {

    /** The URL handed to the driver: deliberately empty, the server comes from the properties. */
    static final String URL = "jdbc:sqlserver://";
    /** Shown as program_name in sys.dm_exec_sessions, so DBAs can see what is querying their server. */
    public static final String APPLICATION_NAME = "milink";

    private SqlConnector() {
    }

    /**
     * Connects and signs in.
     *
     * @throws dev.milink.core.error.MilinkException SQL_LOGIN_FAILED, SQL_TLS_UNTRUSTED, SQL_UNREACHABLE,
     *     SQL_TIMEOUT… with a message naming the endpoint and the next step
     */
    public static Connection open(ConnectionSettings settings) {
        try {
            Connection c = new SQLServerDriver().connect(URL, properties(settings));
            if (c == null) {
                throw new SQLException("mssql-jdbc did not accept the connection URL");
            }
            return c;
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate(e, settings.target().endpoint());
        }
    }

    /** The driver properties for these settings (visible for tests; holds secrets, never log it). */
    static Properties properties(ConnectionSettings s) {
        Properties p = new Properties();
        SqlTarget t = s.target();
        p.setProperty("serverName", t.host());
        if (t.port() != null) {
            p.setProperty("portNumber", Integer.toString(t.port()));
        }
        if (t.instanceName() != null) {
            p.setProperty("instanceName", t.instanceName());
        }
        p.setProperty("databaseName", "master");
        p.setProperty("applicationName", APPLICATION_NAME);
        p.setProperty("encrypt", Boolean.toString(s.encrypt()));
        p.setProperty("trustServerCertificate", Boolean.toString(s.trustServerCertificate()));
        // TLS inside TDS 7.x (encrypt=true/false; milink never uses TDS 8 "strict") is TLS 1.2 on every SQL Server and
        // managed instance: TLS 1.3 needs TDS 8 (SQL Server 2022+; 2019 and earlier have none). Offering 1.3 anyway
        // makes the JDK compute two TLS 1.3 key shares (X25519 and P-256) per connection that the server never uses:
        // 5 % of a 1,000-instance fleet's client CPU (docs/benchmarks.md). The protocol negotiated does not change.
        p.setProperty("sslProtocol", "TLSv1.2");
        if (s.trustStore() != null && s.encrypt() && !s.trustServerCertificate()) {
            // One trust store load per run, shared by every connection (see SharedTrust); it checks the host name
            p.setProperty("trustManagerClass", SharedTrust.class.getName());
            p.setProperty("trustManagerConstructorArg", SharedTrust.register(s.trustStore(),
                    storeType(s.trustStore()), s.trustStorePassword(),
                    s.hostNameInCertificate() != null ? s.hostNameInCertificate() : t.host()));
        } else {
            if (s.hostNameInCertificate() != null) {
                p.setProperty("hostNameInCertificate", s.hostNameInCertificate());
            }
            if (s.trustStore() != null) {
                p.setProperty("trustStore", s.trustStore().toAbsolutePath().toString());
                String type = storeType(s.trustStore());
                if (type != null) {
                    p.setProperty("trustStoreType", type);
                }
                if (s.trustStorePassword() != null) {
                    p.setProperty("trustStorePassword", s.trustStorePassword().reveal());
                }
            }
        }
        p.setProperty("loginTimeout", Long.toString(Math.max(1, s.loginTimeout().toSeconds())));
        p.setProperty("queryTimeout", Long.toString(Math.max(1, s.queryTimeout().toSeconds())));
        switch (s.authentication()) {
            case Authentication.SqlLogin l -> {
                p.setProperty("user", l.user());
                p.setProperty("password", l.password().reveal());
            }
            case Authentication.Integrated i -> {
                p.setProperty("integratedSecurity", "true");
                if (!isWindows()) {
                    p.setProperty("authenticationScheme", "JavaKerberos");
                }
            }
            case Authentication.AccessToken a -> p.setProperty("accessToken", a.token().reveal());
            case Authentication.Entra e -> {
                p.setProperty("authentication", e.mode());
                if (e.user() != null) {
                    p.setProperty("user", e.user());
                }
                if (e.secret() != null) {
                    p.setProperty("password", e.secret().reveal());
                }
            }
        }
        return p;
    }

    /** PKCS12 for .p12/.pfx, JKS for .jks, else null (the JDK's default type). */
    private static String storeType(java.nio.file.Path store) {
        String name = store.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".p12") || name.endsWith(".pfx")) {
            return "PKCS12";
        }
        return name.endsWith(".jks") ? "JKS" : null;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
