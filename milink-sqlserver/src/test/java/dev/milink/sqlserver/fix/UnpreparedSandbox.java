// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.fix;

import dev.milink.core.secret.Secret;
import dev.milink.sandbox.catalog.CatalogEngine;
import dev.milink.sandbox.scenario.Scenarios;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.SandboxInstance;
import dev.milink.sandbox.server.SandboxServer;
import dev.milink.sqlserver.connect.Authentication;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlTarget;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A fresh sandbox of the {@code unprepared-2019} scenario for the fix tests: one instance, {@code sql}, whose
 * {@code setFaults} drives the catalog engine's statement errors too (the server binds them); {@code sa} signs in
 * with {@link #SA_PASSWORD}.
 */
final class UnpreparedSandbox implements AutoCloseable {

    static final String SA_PASSWORD = "Sandbox#2019sa";

    private final SandboxServer server;
    final SandboxInstance sql;

    UnpreparedSandbox() {
        try {
            server = SandboxServer.start(InstanceDef.of("sql",
                    CatalogEngine.create(Scenarios.load("unprepared-2019"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sql = server.instance("sql");
    }

    /** How milink connects to it: as {@code sa}, trusting the sandbox's self-signed certificate. */
    ConnectionSettings settings() {
        return ConnectionSettings.of(SqlTarget.parse(sql.host() + "," + sql.port()),
                new Authentication.SqlLogin("sa", Secret.of(SA_PASSWORD))).withTrustServerCertificate(true);
    }

    @Override
    public void close() {
        server.close();
    }
}
