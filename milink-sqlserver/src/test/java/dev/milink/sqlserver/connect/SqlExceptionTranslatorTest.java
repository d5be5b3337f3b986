// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.error.ErrorCode;
import dev.milink.core.error.MilinkException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlExceptionTranslatorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "Login failed for user 'milink'.| S0001 | 18456 | SQL_LOGIN_FAILED | error log",
            "Cannot open database \"x\" requested by the login. | S0001 | 4060 | SQL_LOGIN_FAILED | default database",
            "The TCP/IP connection to the host sql01, port 1433 has failed. Error: \"Connection refused\". | 08S01 | 0 | SQL_UNREACHABLE | milink network",
            "The driver could not establish a secure connection to SQL Server by using Secure Sockets Layer (SSL) encryption. Error: \"PKIX path building failed: unable to find valid certification path to requested target\". | 08S01 | 0 | SQL_TLS_UNTRUSTED | --trust-server-certificate",
            "The SELECT permission was denied on the object 'backupset', database 'msdb', schema 'dbo'. | S0005 | 229 | SQL_PERMISSION_DENIED | VIEW SERVER STATE",
            "VIEW SERVER STATE permission was denied on object 'server', database 'master'. | S0001 | 300 | SQL_PERMISSION_DENIED | sysadmin",
            "The query has timed out. | HY008 | 0 | SQL_TIMEOUT | --query-timeout",
            "Invalid column name 'x'. | S0001 | 207 | SQL_QUERY_FAILED | error 207"})
    void mapsDriverErrorsToActionableMessages(String message, String state, int code, SqlError expected, String hint) {
        MilinkException e = SqlExceptionTranslator.translate(new SQLException(message, state, code), "sql01:1433");
        assertThat(e.code()).isEqualTo(expected);
        assertThat(e.getMessage()).contains("sql01:1433").contains(hint).doesNotContain("\n");
        assertThat(e.getCause()).isInstanceOf(SQLException.class);
    }

    @org.junit.jupiter.api.Test
    void tlsMessageExplainsTheRiskOfTrustingAnyCertificate() {
        SQLException e = new SQLException("The driver could not establish a secure connection", "08S01", 0,
                new SSLHandshakeException("PKIX path building failed"));
        assertThat(SqlExceptionTranslator.translate(e, "sql01:1433").getMessage())
                .contains("--trust-store").contains("--host-name-in-certificate").contains("impostor");
    }

    @org.junit.jupiter.api.Test
    void timeoutExceptionTypeIsATimeout() {
        assertThat(SqlExceptionTranslator.translate(new SQLTimeoutException("Login timed out"), "h:1").code())
                .isEqualTo(SqlError.SQL_TIMEOUT);
    }
}
