// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * The baseline of {@code milink check} in {@link StartupBenchmark}: a plain Java program doing the same driver's
 * connect (TLS validated with the same trust store) and {@code SELECT 1}. Arguments: port, user; the password and
 * trust store come from the environment as milink's do.
 */
public final class ConnectSelectOne {
    private ConnectSelectOne() {
    }

    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.setProperty("serverName", "localhost");
        p.setProperty("portNumber", args[0]);
        p.setProperty("user", args[1]);
        p.setProperty("password", System.getenv("MILINK_SQL_PASSWORD"));
        p.setProperty("encrypt", "true");
        p.setProperty("trustStore", System.getenv("BENCH_TRUST_STORE"));
        p.setProperty("trustStorePassword", System.getenv("MILINK_TRUST_STORE_PASSWORD"));
        p.setProperty("trustStoreType", "PKCS12");
        p.setProperty("hostNameInCertificate", "localhost");
        try (Connection c = DriverManager.getConnection("jdbc:sqlserver://", p); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1")) {
            rs.next();
            System.out.println(rs.getInt(1));
        }
    }
}
