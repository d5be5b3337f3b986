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
}
