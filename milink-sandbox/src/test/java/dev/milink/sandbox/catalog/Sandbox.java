// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.engine.LoginRequest;
import dev.milink.sandbox.engine.Session;
import dev.milink.sandbox.engine.SqlError;
import dev.milink.sandbox.scenario.Scenarios;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Test helper: an engine for a shipped scenario and a session on it. As a static {@code @RegisterExtension} field
 * it is shared by the class's tests and closed after them; otherwise close it yourself.
 */
final class Sandbox implements AutoCloseable, AfterAllCallback {
    final CatalogEngine engine;
    final Session session;

    private Sandbox(String scenario, String login, String password) {
        engine = CatalogEngine.create(Scenarios.load(scenario));
        try {
            session = engine.openSession(new LoginRequest(login, password, null, null, "test", "localhost"));
        } catch (SqlError e) {
            throw new AssertionError(e);
        }
    }

    static Sandbox of(String scenario) {
        return switch (scenario) {
            case "prepared-2022", "prepared-2022-log-backups", "prepared-2022-half-link" ->
                    new Sandbox(scenario, "sa", "Sandbox#2022sa");
            case "sql2016-sp3-no-connect-pack" -> new Sandbox(scenario, "sa", "Sandbox#2016sa");
            case "linux-2022" -> new Sandbox(scenario, "sa", "Sandbox#Linuxsa");
            case "managed-instance" -> new Sandbox(scenario, "miadmin", "Sandbox#MIadmin1");
            case "limited-login" -> new Sandbox(scenario, "milink_reader", "Sandbox#Reader1");
            default -> new Sandbox(scenario, "sa", "Sandbox#2019sa");
        };
    }

    CollectingSink run(String sql) {
        CollectingSink sink = new CollectingSink();
        session.executeBatch(sql, sink);
        return sink;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        session.close();
        engine.close();
    }
}
