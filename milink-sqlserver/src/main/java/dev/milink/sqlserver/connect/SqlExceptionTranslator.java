// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.connect;

import dev.milink.core.error.MilinkException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Locale;

/**
 * Turns mssql-jdbc's {@link SQLException}s into {@link MilinkException}s whose one-line message says what failed, for
 * which endpoint and what to do next. The driver's own message is kept only where it helps (it never holds the
 * password); the exception stays attached as the cause for {@code --verbose}.
 *
 * <pre>{@code
 * catch (SQLException e) {
 *     throw SqlExceptionTranslator.translate(e, settings.target().endpoint());
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class SqlExceptionTranslator {

    private SqlExceptionTranslator() {
    }

    /**
     * @param e        what the driver threw
     * @param endpoint host and port (or host\instance) for the message, e.g. {@code sql01:1433}
     */
    public static MilinkException translate(SQLException e, String endpoint) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        String lower = chainText(e).toLowerCase(Locale.ROOT);
        int number = e.getErrorCode();
        if (lower.contains("pkix path") || lower.contains("unable to find valid certification path")
                || lower.contains("certificate_unknown") || lower.contains("certpathvalidator")) {
            return new MilinkException(SqlError.SQL_TLS_UNTRUSTED, "The TLS certificate of " + endpoint
                    + " is not trusted by this machine. Give the issuing CA with --trust-store FILE (its"
                    + " password, if any, in MILINK_TRUST_STORE_PASSWORD), or --host-name-in-certificate <name> if the certificate names another"
                    + " host; --trust-server-certificate skips validation, which keeps the traffic encrypted but lets"
                    + " an impostor on the network read the login.", e);
        }
        if (lower.contains("hostname in certificate") || lower.contains("host name in certificate")
                || lower.contains("does not match the certificate") || lower.contains("no subject alternative")) {
            return new MilinkException(SqlError.SQL_TLS_UNTRUSTED, "The TLS certificate of " + endpoint
                    + " was issued for another name. Pass the name it holds with --host-name-in-certificate <name>, or"
                    + " connect with the host name the certificate was issued for.", e);
        }
        if (lower.contains("not configured to support ssl") || lower.contains("ssl is not supported")) {
            return new MilinkException(SqlError.SQL_TLS_UNTRUSTED, endpoint + " does not offer TLS encryption."
                    + " Configure a certificate on SQL Server (Force Encryption), or, on a trusted network only,"
                    + " connect with --encrypt false.", e);
        }
        if (lower.contains("secure connection") || lower.contains("sslhandshake") || lower.contains("ssl handshake")) {
            return new MilinkException(SqlError.SQL_TLS_UNTRUSTED, "The TLS handshake with " + endpoint
                    + " failed: " + firstLine(msg) + " Check the server certificate and TLS versions (TLS 1.2+).", e);
        }
        switch (number) {
            case 18456, 18452, 18470, 18486, 18487, 18488 -> {
                return new MilinkException(SqlError.SQL_LOGIN_FAILED, "Login to " + endpoint + " failed: "
                        + firstLine(msg) + " Check the user name and password (or the authentication mode); the"
                        + " SQL Server error log shows the exact reason (error 18456 state).", e);
            }
            case 4060 -> {
                return new MilinkException(SqlError.SQL_LOGIN_FAILED, "Signed in to " + endpoint
                        + " but the database could not be opened: " + firstLine(msg)
                        + " Grant the login access to master or fix its default database.", e);
            }
            case 229, 230, 262, 297, 300, 916, 15247, 15151 -> {
                return new MilinkException(SqlError.SQL_PERMISSION_DENIED, "Permission denied on " + endpoint
                        + ": " + firstLine(msg) + " Run milink as a sysadmin login, or grant VIEW SERVER STATE and"
                        + " VIEW ANY DEFINITION for a read-only check.", e);
            }
            default -> {
                // fall through to the state- and text-based rules below
            }
        }
        if (e instanceof SQLTimeoutException || lower.contains("timed out") || lower.contains("timeout")) {
            return new MilinkException(SqlError.SQL_TIMEOUT, "No answer from " + endpoint + " in time: "
                    + firstLine(msg) + " Check that the host is reachable on that port (milink network), or raise"
                    + " --login-timeout / --query-timeout.", e);
        }
        if (lower.contains("tcp/ip connection to the host") || lower.contains("connection refused")
                || lower.contains("unknownhost") || lower.contains("unknown host")
                || lower.contains("no route to host") || lower.contains("sql server browser")
                || lower.contains("couldn't connect to") || lower.contains("connection reset")
                || lower.contains("connection is closed") || lower.contains("connection closed")
                || "08S01".equals(e.getSQLState()) || (e.getSQLState() != null && e.getSQLState().startsWith("08"))) {
            return new MilinkException(SqlError.SQL_UNREACHABLE, "Cannot reach SQL Server at " + endpoint + ": "
                    + firstLine(msg) + " Check the host name and port, that SQL Server listens on TCP there, and that"
                    + " firewalls allow it (named instances also need SQL Browser on UDP 1434 unless a port is given);"
                    + " 'milink network' tests the path.", e);
        }
        return new MilinkException(SqlError.SQL_QUERY_FAILED, "SQL Server at " + endpoint + " returned error "
                + number + ": " + firstLine(msg), e);
    }

    private static String chainText(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null && b.length() < 10_000; c = c.getCause()) {
            b.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append('\n');
            if (c.getCause() == c) {
                break;
            }
        }
        return b.toString();
    }

    private static String firstLine(String msg) {
        String m = msg.strip();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl).strip();
        if (m.length() > 300) {
            m = m.substring(0, 300) + "…";
        }
        return m.isEmpty() || m.endsWith(".") ? m : m + ".";
    }
}
