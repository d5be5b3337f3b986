// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Hosts sandbox SQL Server instances in this process, each on its own loopback port, speaking TDS to the real
 * mssql-jdbc driver. Idle instances cost a parked virtual thread and a socket, so a thousand are cheap.
 *
 * <p>This is your starting point:
 * <pre>{@code
 * try (SandboxServer sandbox = SandboxServer.start(InstanceDef.of("sql1", engine))) {
 *     SandboxInstance sql1 = sandbox.instance("sql1");
 *     try (Connection c = DriverManager.getConnection(sql1.jdbcUrl() + ";user=sa;password=pw")) {
 *         c.createStatement().executeQuery("SELECT @@VERSION");
 *     }
 *     assertThat(sql1.requestLog().roundTrips()).isEqualTo(1);
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SandboxServer implements AutoCloseable {
    private final Map<String, SandboxInstance> instances = new LinkedHashMap<>();

    private SandboxServer() {}

    public static SandboxServer start(InstanceDef... definitions) throws IOException {
        return start(List.of(definitions));
    }

    /** Starts every instance; if one cannot bind its port, the ones already started are stopped again. */
    public static SandboxServer start(List<InstanceDef> definitions) throws IOException {
        SandboxServer server = new SandboxServer();
        try {
            for (InstanceDef d : definitions) {
                server.add(d);
            }
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** Starts one more instance. */
    public synchronized SandboxInstance add(InstanceDef definition) throws IOException {
        if (instances.containsKey(definition.name())) {
            throw new IllegalArgumentException("duplicate instance name: " + definition.name());
        }
        SandboxInstance instance = SandboxInstance.start(definition);
        instances.put(definition.name(), instance);
        return instance;
    }

    /** The instance called {@code name}. */
    public synchronized SandboxInstance instance(String name) {
        SandboxInstance instance = instances.get(name);
        if (instance == null) {
            throw new NoSuchElementException("no sandbox instance named '" + name + "'; have " + instances.keySet());
        }
        return instance;
    }

    /** All instances, in the order they were started. */
    public synchronized List<SandboxInstance> instances() { return new ArrayList<>(instances.values()); }

    /** Stops every instance. */
    @Override
    public synchronized void close() {
        instances.values().forEach(SandboxInstance::close);
        instances.clear();
    }
}
