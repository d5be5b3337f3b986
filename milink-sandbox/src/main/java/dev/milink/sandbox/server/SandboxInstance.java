// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.server;

import dev.milink.sandbox.engine.Faults;
import dev.milink.sandbox.tds.EncryptionSupport;
import dev.milink.sandbox.tds.TdsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A running sandbox SQL Server instance: its port, connection URLs, request log and fault settings, which can be
 * changed while it runs (they apply from the next login or request).
 *
 * <pre>{@code
 * SandboxInstance sql1 = server.instance("sql1");
 * sql1.setFaults(new Faults(Duration.ofMillis(50), Duration.ZERO, 0, List.of()));
 * try (Connection c = DriverManager.getConnection(sql1.jdbcUrl() + ";user=sa;password=pw")) { … }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SandboxInstance implements AutoCloseable {
    private final InstanceDef definition;
    private final AtomicReference<Faults> faults;
    private final RequestLog requestLog = new RequestLog();
    private final TdsServer server;

    private SandboxInstance(InstanceDef definition, InetAddress address) throws IOException {
        this.definition = definition;
        this.faults = new AtomicReference<>(definition.engine().initialFaults());
        // one holder for both layers: latency, login delay and drops here, statement errors in the engine
        definition.engine().bindFaults(faults::get);
        boolean tls = definition.encryption() != EncryptionSupport.NOT_SUPPORTED;
        this.server = TdsServer.start(address, definition.port(), new TdsServer.Config(definition.name(),
                definition.engine(), definition.encryption(), tls ? () -> SandboxCertificate.get().sslContext() : null,
                faults::get, requestLog));
    }

    static SandboxInstance start(InstanceDef definition) throws IOException {
        return new SandboxInstance(definition, InetAddress.getLoopbackAddress());
    }

    public String name() { return definition.name(); }

    public InstanceDef definition() { return definition; }

    /** The loopback address the instance listens on, as a literal ("127.0.0.1"). */
    public String host() { return server.address().getHostAddress(); }

    public int port() { return server.port(); }

    public Faults faults() { return faults.get(); }

    /**
     * Replaces the faults: latency, login delay and dropped connections apply here, statement errors
     * ({@link Faults#statementErrors()}) in the engine, which reads this same holder.
     */
    public void setFaults(Faults newFaults) { faults.set(Objects.requireNonNull(newFaults, "faults")); }

    public RequestLog requestLog() { return requestLog; }

    /** Client connections open right now. */
    public int openConnections() { return server.openConnections(); }

    /**
     * {@code jdbc:sqlserver://127.0.0.1:<port>;encrypt=false;loginTimeout=5} - no TLS, no credentials; append
     * {@code ;user=…;password=…} or set an access token.
     */
    public String jdbcUrl() { return base(host()) + ";encrypt=false"; }

    /** Full TLS, certificate not validated ({@code encrypt=true;trustServerCertificate=true}). */
    public String jdbcUrlTrustingServerCertificate() { return base(host()) + ";encrypt=true;trustServerCertificate=true"; }

    /** Full TLS validated against the sandbox certificate through a truststore, as production clients do. */
    public String jdbcUrlWithTrustStore() {
        return base("localhost") + ";encrypt=true" + SandboxCertificate.get().trustStoreProperties();
    }

    private String base(String hostName) { return "jdbc:sqlserver://" + hostName + ":" + port() + ";loginTimeout=5"; }

    /** Stops listening and drops the instance's connections. */
    @Override
    public void close() { server.close(); }

    @Override
    public String toString() { return "SandboxInstance[" + name() + " " + host() + ":" + port() + "]"; }
}
