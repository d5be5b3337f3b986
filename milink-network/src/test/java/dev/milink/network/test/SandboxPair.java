// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.test;

import dev.milink.core.secret.Secret;
import dev.milink.sandbox.catalog.CatalogEngine;
import dev.milink.sandbox.scenario.Scenario;
import dev.milink.sandbox.scenario.Scenarios;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.SandboxInstance;
import dev.milink.sandbox.server.SandboxServer;
import dev.milink.sqlserver.connect.Authentication;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlConnector;
import dev.milink.sqlserver.connect.SqlTarget;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Two sandbox instances for the network test: a SQL Server scenario and the {@code managed-instance} scenario, on
 * loopback. {@link #listener} is a real listening socket (an "open" port); {@link #closedPort} refuses.
 */
final class SandboxPair implements AutoCloseable {

    final ServerSocket listener;
    final int closedPort;
    final CatalogEngine sqlEngine;
    final CatalogEngine miEngine;
    final SandboxServer server;
    final String sqlPassword;

    /**
     * @param sqlScenario SQL Server scenario name
     * @param sqlEdit     changes to the SQL Server scenario copy (the listener port is known by then)
     * @param miEdit      changes to the managed instance's copy; its fabric points at 127.0.0.1 by default
     */
    SandboxPair(String sqlScenario, Consumer<SandboxPair.Ports> sqlEdit, Consumer<SandboxPair.Ports> miEdit)
            throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Scenario sql = Scenarios.load(sqlScenario).copy();
        Scenario mi = Scenarios.load("managed-instance").copy();
        // "<node>.<ClusterName>" must resolve on loopback: 127.0.0 + "." + 1
        mi.fabric.dnsRecordName = "127.0.0.1";
        mi.fabric.primaryNode = "127.0.0";
        mi.fabric.secondaryNodes = List.of("127.0.1");
        mi.fabric.clusterName = "1";
        mi.fabric.hadrPort = listener.getLocalPort();
        Ports ports = new Ports(sql, mi, listener.getLocalPort(), closedPort);
        sqlEdit.accept(ports);
        miEdit.accept(ports);
        sqlPassword = sql.login("sa").password;
        sqlEngine = CatalogEngine.create(sql);
        miEngine = CatalogEngine.create(mi);
        server = SandboxServer.start(InstanceDef.of("sql", sqlEngine), InstanceDef.of("mi", miEngine));
    }

    /** What a test may change before the instances start. */
    record Ports(Scenario sql, Scenario mi, int open, int closed) {}

    SandboxInstance sql() {
        return server.instance("sql");
    }

    SandboxInstance mi() {
        return server.instance("mi");
    }

    TestTarget sqlTarget() {
        return target(sql(), "sa", sqlPassword);
    }

    TestTarget miTarget() {
        return target(mi(), "miadmin", "Sandbox#MIadmin1");
    }

    private static TestTarget target(SandboxInstance i, String user, String password) {
        ConnectionSettings s = ConnectionSettings.of(new SqlTarget(i.host(), i.port(), null),
                new Authentication.SqlLogin(user, Secret.of(password))).withTrustServerCertificate(true);
        return new TestTarget(i.host(), i.host() + ":" + i.port(), () -> SqlConnector.open(s));
    }

    /** One column of a query, on a fresh connection. */
    static List<String> column(TestTarget t, String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = t.connector().get(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static void execute(TestTarget t, String sql) throws SQLException {
        try (Connection c = t.connector().get(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Every object with milink's test prefix: jobs on both, endpoints and certificates on SQL Server. */
    List<String> milinkObjects() throws SQLException {
        List<String> all = new ArrayList<>();
        all.addAll(column(sqlTarget(), "SELECT name FROM msdb.dbo.sysjobs WHERE name LIKE N'milink%'"));
        all.addAll(column(miTarget(), "SELECT name FROM msdb.dbo.sysjobs WHERE name LIKE N'milink%'"));
        all.addAll(column(sqlTarget(), "SELECT name FROM sys.endpoints WHERE name LIKE N'milink%'"));
        all.addAll(column(sqlTarget(), "SELECT name FROM master.sys.certificates WHERE name LIKE N'milink%'"));
        return all;
    }

    @Override
    public void close() throws IOException {
        server.close();
        sqlEngine.close();
        miEngine.close();
        listener.close();
    }
}
