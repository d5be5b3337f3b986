// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.testing;

import dev.milink.core.secret.Secret;
import dev.milink.sandbox.catalog.CatalogEngine;
import dev.milink.sandbox.scenario.Scenario;
import dev.milink.sandbox.scenario.Scenarios;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.SandboxInstance;
import dev.milink.sandbox.server.SandboxServer;
import dev.milink.sqlserver.connect.Authentication;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh sandbox SQL Server of one shipped scenario for tests through the real driver: one instance, {@code sql},
 * whose {@code setFaults} drives the catalog engine's statement errors too (the server binds them); {@code sa}
 * signs in with the scenario's password. As a static {@code @RegisterExtension} field it is shared by the class's
 * tests and closed after them; otherwise close it yourself.
 */
public final class ScenarioSandbox implements AutoCloseable, AfterAllCallback {

    private final SandboxServer server;
    private final SandboxInstance sql;
    private final String saPassword;

    private ScenarioSandbox(Scenario scenario) {
        saPassword = scenario.login("sa").password;
        try {
            server = SandboxServer.start(InstanceDef.of("sql", CatalogEngine.create(scenario)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sql = server.instance("sql");
    }

    /** Starts the shipped scenario {@code name} (e.g. {@code unprepared-2019}). */
    public static ScenarioSandbox of(String name) {
        return new ScenarioSandbox(Scenarios.load(name));
    }

    public SandboxInstance sql() {
        return sql;
    }

    public String saPassword() {
        return saPassword;
    }

    /** The instance's JDBC URL signed in as {@code sa}. */
    public String saUrl() {
        return sql.jdbcUrl() + ";user=sa;password=" + saPassword;
    }

    /** How milink connects to it: as {@code sa}, trusting the sandbox's self-signed certificate. */
    public ConnectionSettings settings() {
        return ConnectionSettings.of(SqlTarget.parse(sql.host() + "," + sql.port()),
                new Authentication.SqlLogin("sa", Secret.of(saPassword))).withTrustServerCertificate(true);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.close();
    }
}
