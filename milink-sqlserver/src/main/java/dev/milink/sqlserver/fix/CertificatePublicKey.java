// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.fix;

import dev.milink.core.error.MilinkException;
import dev.milink.sqlserver.connect.SqlError;
import dev.milink.sqlserver.connect.SqlExceptionTranslator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads the public key (the DER certificate, {@code CERTENCODED}) of a certificate in master at apply time, for an
 * upload whose certificate an earlier step of the same run created (MIL-I10 after MIL-I9). The name is bound as a
 * parameter, never spliced into the text.
 *
 * @since 0.3
 */
public final class CertificatePublicKey {

    static final String QUERY = "SELECT CERTENCODED(CERT_ID(?))";

    private CertificatePublicKey() {
    }

    /**
     * The DER bytes of certificate {@code name} in master.
     *
     * @throws MilinkException FIX_STEP_FAILED (one line) when there is no such certificate, or a translated SQL error
     */
    public static byte[] read(Connection connection, String name) {
        try {
            connection.setCatalog("master");
            byte[] der = null;
            try (PreparedStatement s = connection.prepareStatement(QUERY)) {
                s.setString(1, name);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        der = rs.getBytes(1);
                    }
                }
            }
            if (der == null || der.length == 0) {
                throw failed(name, "there is no such certificate in master (CERT_ID is NULL); the step that creates "
                        + "it did not run or it was dropped since");
            }
            return der;
        } catch (SQLException e) {
            if (e.getErrorCode() == 0) {
                throw SqlExceptionTranslator.translate(e, "the SQL Server");
            }
            String text = e.getMessage() == null ? "" : e.getMessage().strip().lines().findFirst().orElse("");
            throw failed(name, "SQL Server error " + e.getErrorCode() + ": " + text);
        }
    }

    private static MilinkException failed(String name, String why) {
        return new MilinkException(SqlError.FIX_STEP_FAILED, "Cannot read the public key of certificate '" + name
                + "': " + why + ".");
    }
}
