// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

import dev.milink.sandbox.engine.Faults;
import dev.milink.sandbox.engine.SqlEngine;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * A TDS 7.4 listener that speaks to the real mssql-jdbc driver (and FreeTDS) and delegates SQL to a
 * {@link SqlEngine}. One virtual thread accepts; each connection gets a virtual reader thread and a virtual
 * worker thread, so an idle listener costs one parked virtual thread and a socket.
 *
 * <pre>{@code
 * var config = new TdsServer.Config("sql1", engine, EncryptionSupport.ON_REQUEST, () -> sslContext,
 *         () -> Faults.NONE, RequestListener.NONE);
 * try (TdsServer server = TdsServer.start(InetAddress.getLoopbackAddress(), 0, config)) {
 *     String url = "jdbc:sqlserver://127.0.0.1:" + server.port() + ";encrypt=false;user=sa;password=x";
 * }
 * }</pre>
 *
 * Most callers want {@code dev.milink.sandbox.server.SandboxServer}, which hosts many of these.
 *
 * @since 0.1.0
 */
public final class TdsServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TdsServer.class.getName());

    private final ServerSocket listener;
    private final Config config;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong connections = new AtomicLong();
    private final Thread acceptor;

    /**
     * What a listener needs.
     *
     * @param serverName shown as the server in ERROR/INFO tokens
     * @param tls        the TLS certificate, fetched when a client first asks for TLS; null when the instance has
     *                   none (then only unencrypted logins)
     * @param faults     read at each login and request, so a test can change faults on a running instance
     * @param listener   told about every request
     */
    public record Config(String serverName, SqlEngine engine, EncryptionSupport encryption, Supplier<SSLContext> tls,
                         Supplier<Faults> faults, RequestListener listener) {
        public Config {
            Objects.requireNonNull(serverName, "serverName");
            Objects.requireNonNull(engine, "engine");
            Objects.requireNonNull(encryption, "encryption");
            Objects.requireNonNull(faults, "faults");
            Objects.requireNonNull(listener, "listener");
        }

        ProductVersion version() { return ProductVersion.parse(engine.productVersion()); }
    }

    private TdsServer(ServerSocket listener, Config config) {
        this.listener = listener;
        this.config = config;
        this.acceptor = Thread.ofVirtual().name("tds-accept-" + config.serverName()).unstarted(this::accept);
    }

    /** Binds {@code address:port} (0 = an ephemeral port) and starts accepting. */
    public static TdsServer start(InetAddress address, int port, Config config) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(new InetSocketAddress(address, port), 50);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        TdsServer server = new TdsServer(socket, config);
        server.acceptor.start();
        return server;
    }

    public int port() { return listener.getLocalPort(); }

    public InetAddress address() { return listener.getInetAddress(); }

    /** Number of client connections currently open. */
    public int openConnections() { return open.size(); }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                long id = connections.incrementAndGet();
                open.add(client);
                Thread.ofVirtual().name("tds-conn-" + config.serverName() + "-" + id).start(() -> {
                    try {
                        new TdsConnection(client, id, config).run();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "sandbox connection " + id + " to " + config.serverName() + " failed", e);
                    } finally {
                        open.remove(client);
                    }
                });
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    LOG.log(Level.DEBUG, () -> "accept failed on " + config.serverName() + ": " + e);
                }
            }
        }
    }

    /** Stops listening and closes every open connection. */
    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing listener", e);
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing connection", e);
            }
        }
    }
}
