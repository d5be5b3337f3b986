// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.engine.SqlError;
import dev.milink.sandbox.scenario.Scenario;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What H2-side catalog functions need to know about the calling session. Registered under a unique key that
 * the translator passes as the functions' first argument; removed when the session closes.
 */
final class SessionContext {
    private static final Map<String, SessionContext> REGISTRY = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT = new AtomicLong();

    final String key;
    final InstanceState instance;
    final Scenario.Login login;
    final int spid;
    final String hostName;
    final String appName;
    volatile String database;
    volatile SqlError caught;

    private SessionContext(InstanceState instance, Scenario.Login login, int spid, String database, String hostName,
                           String appName) {
        this.key = "s" + NEXT.incrementAndGet();
        this.instance = instance;
        this.login = login;
        this.spid = spid;
        this.database = database;
        this.hostName = hostName;
        this.appName = appName;
    }

    static SessionContext register(InstanceState instance, Scenario.Login login, int spid, String database,
                                   String hostName, String appName) {
        SessionContext c = new SessionContext(instance, login, spid, database, hostName, appName);
        REGISTRY.put(c.key, c);
        return c;
    }

    static SessionContext of(String key) {
        SessionContext c = REGISTRY.get(key);
        if (c == null) {
            throw new IllegalStateException("Session " + key + " is closed");
        }
        return c;
    }

    void unregister() {
        REGISTRY.remove(key);
    }

    Scenario scenario() {
        return instance.scenario();
    }

    Scenario.Database currentDatabase() {
        return scenario().database(database);
    }

    /** {@code @@VERSION}, {@code @@SPID} … as SQL literals; null for an unknown name. */
    String systemVariable(String name, int tranCount, long rowCount) {
        Scenario s = scenario();
        return switch (name) {
            case "@@VERSION" -> SqlTranslator.literal(VersionInfo.version(s));
            case "@@SERVERNAME" -> SqlTranslator.literal(s.server.serverName);
            case "@@SERVICENAME" -> SqlTranslator.literal(s.server.instanceName == null ? "MSSQLSERVER"
                    : s.server.instanceName);
            case "@@SPID" -> String.valueOf(spid);
            case "@@TRANCOUNT" -> String.valueOf(tranCount);
            case "@@ROWCOUNT" -> String.valueOf(rowCount);
            case "@@ERROR" -> caught == null ? "0" : String.valueOf(caught.number());
            case "@@LANGUAGE" -> "'us_english'";
            case "@@MAX_CONNECTIONS" -> "32767";
            case "@@OPTIONS" -> "5496";
            case "@@MICROSOFTVERSION" -> {
                String[] v = s.server.productVersion.split("\\.");
                yield String.valueOf((Integer.parseInt(v[0]) << 24) + (Integer.parseInt(v[1]) << 16)
                        + Integer.parseInt(v[2]));
            }
            default -> null;
        };
    }

    /** ERROR_NUMBER() and friends as SQL literals: the error the enclosing CATCH block caught, NULL outside one. */
    String errorFunction(String name) {
        SqlError e = caught;
        if (e == null) {
            return "NULL";
        }
        return switch (name) {
            case "ERROR_NUMBER" -> String.valueOf(e.number());
            case "ERROR_MESSAGE" -> SqlTranslator.literal(e.getMessage());
            case "ERROR_SEVERITY" -> String.valueOf(e.severityClass());
            case "ERROR_STATE" -> String.valueOf(e.state());
            case "ERROR_LINE" -> String.valueOf(e.line());
            default -> "NULL";
        };
    }
}
