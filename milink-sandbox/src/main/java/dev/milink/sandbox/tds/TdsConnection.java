// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

import dev.milink.sandbox.engine.Faults;
import dev.milink.sandbox.engine.Session;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import javax.net.ssl.SSLSocket;

/**
 * One client connection: PRELOGIN, optional TLS, LOGIN7, then requests. After login the thread that runs this
 * keeps reading the socket (so an ATTENTION is seen while a request executes) and hands requests to a second
 * virtual thread, the worker, which executes them one at a time and writes the replies.
 */
final class TdsConnection implements Runnable {
    private static final System.Logger LOG = System.getLogger(TdsConnection.class.getName());
    private static final int TLS_HANDSHAKE_RECORD = 0x16;
    private static final int FIRST_SPID = 51;

    private final Socket socket;
    private final long id;
    private final TdsServer.Config config;
    private final BlockingQueue<Work> work = new LinkedBlockingQueue<>();
    private volatile Cancellation current;

    /** What the reader hands to the worker. */
    private sealed interface Work {
        record Request(TdsMessage message, int sequence, Cancellation cancellation) implements Work {}

        /** An ATTENTION that arrived after its request's reply was complete: acknowledge it on its own. */
        record AttentionAck() implements Work {}

        record Stop() implements Work {}
    }

    TdsConnection(Socket socket, long id, TdsServer.Config config) {
        this.socket = socket;
        this.id = id;
        this.config = config;
    }

    @Override
    public void run() {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream rawIn = new BufferedInputStream(socket.getInputStream());
            OutputStream rawOut = socket.getOutputStream();
            Streams streams = negotiate(rawIn, rawOut);
            if (streams == null) {
                return;
            }
            PacketWriter writer = new PacketWriter(streams.out(), FIRST_SPID + (int) (id % 30000));
            Session session = Login.perform(streams.login(), writer, config, id);
            if (session == null) {
                return;
            }
            Thread worker = Thread.ofVirtual().name("tds-worker-" + config.serverName() + "-" + id)
                    .start(() -> serve(session, writer));
            read(streams.reader());
            worker.join();
        } catch (IOException | TdsProtocolException e) {
            LOG.log(Level.DEBUG, () -> "connection " + id + " to " + config.serverName() + " ended: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The streams after PRELOGIN (and TLS), the LOGIN7 message, and the reader for everything after it. */
    private record Streams(PacketReader reader, OutputStream out, TdsMessage login) {}

    private Streams negotiate(InputStream rawIn, OutputStream rawOut) throws IOException {
        rawIn.mark(1);
        int first = rawIn.read();
        if (first < 0) {
            return null;
        }
        rawIn.reset();
        if (first == TLS_HANDSHAKE_RECORD && config.tls() != null
                && config.encryption() != EncryptionSupport.NOT_SUPPORTED) {
            return strict(rawIn);
        }
        PacketReader reader = new PacketReader(rawIn);
        TdsMessage prelogin = reader.readMessage();
        if (prelogin == null || prelogin.type() != Tds.PKT_PRELOGIN) {
            throw new TdsProtocolException("expected PRELOGIN");
        }
        PreLogin request = PreLogin.parse(prelogin.payload());
        EncryptionSupport mode = config.tls() == null ? EncryptionSupport.NOT_SUPPORTED : config.encryption();
        EncryptionSupport.Negotiated negotiated = mode.negotiate(request.encryption());
        PacketWriter plain = new PacketWriter(rawOut, 0);
        plain.message(Tds.PKT_REPLY, PreLogin.response(config.version(), negotiated.answer(), request.fedAuthRequired()));
        switch (negotiated.scope()) {
            case NONE -> {
                return new Streams(reader, rawOut, expectLogin(reader.readMessage()));
            }
            case LOGIN_ONLY -> {
                // The driver sends the first LOGIN7 packet through TLS, then drops TLS without close_notify.
                SSLSocket tls = TlsOverTds.handshake(socket, rawIn, rawOut, config.tls().get());
                PacketReader.Packet firstPacket = new PacketReader(tls.getInputStream()).readPacket();
                if (firstPacket == null) {
                    return null;
                }
                return new Streams(reader, rawOut, expectLogin(reader.rest(firstPacket)));
            }
            default -> {
                SSLSocket tls = TlsOverTds.handshake(socket, rawIn, rawOut, config.tls().get());
                reader.source(tls.getInputStream());
                return new Streams(reader, tls.getOutputStream(), expectLogin(reader.readMessage()));
            }
        }
    }

    /** TDS 8: TLS first, then PRELOGIN and LOGIN7 inside it; the PRELOGIN answer no longer matters. */
    private Streams strict(InputStream rawIn) throws IOException {
        byte[] consumed = new byte[rawIn.available()];
        int n = rawIn.readNBytes(consumed, 0, consumed.length);
        SSLSocket tls = TlsOverTds.strict(socket, new ByteArrayInputStream(consumed, 0, n), config.tls().get());
        PacketReader reader = new PacketReader(tls.getInputStream());
        TdsMessage prelogin = reader.readMessage();
        if (prelogin == null || prelogin.type() != Tds.PKT_PRELOGIN) {
            throw new TdsProtocolException("expected PRELOGIN inside TLS");
        }
        PreLogin request = PreLogin.parse(prelogin.payload());
        OutputStream out = tls.getOutputStream();
        new PacketWriter(out, 0).message(Tds.PKT_REPLY,
                PreLogin.response(config.version(), PreLogin.ENCRYPT_NOT_SUP, request.fedAuthRequired()));
        return new Streams(reader, out, expectLogin(reader.readMessage()));
    }

    private static TdsMessage expectLogin(TdsMessage message) {
        if (message == null || message.type() != Tds.PKT_LOGIN7) {
            throw new TdsProtocolException("expected LOGIN7");
        }
        return message;
    }

    /** The reader: queues requests for the worker and turns ATTENTION into cancellation of the running one. */
    private void read(PacketReader reader) throws InterruptedException {
        int sequence = 0;
        try {
            for (TdsMessage m = reader.readMessage(); m != null; m = reader.readMessage()) {
                sequence++;
                if (m.type() == Tds.PKT_ATTENTION) {
                    config.listener().onRequest(RequestKind.ATTENTION, id, sequence, null, null);
                    Cancellation running = current;
                    if (running == null || !running.cancelIfRunning()) {
                        work.put(new Work.AttentionAck());
                    }
                } else {
                    Cancellation cancellation = new Cancellation();
                    current = cancellation;
                    work.put(new Work.Request(m, sequence, cancellation));
                }
            }
        } catch (IOException | TdsProtocolException e) {
            LOG.log(Level.DEBUG, () -> "connection " + id + " read ended: " + e);
        } finally {
            Cancellation running = current;
            if (running != null) {
                running.cancelIfRunning(); // the client is gone: let a long statement stop
            }
            work.put(new Work.Stop());
        }
    }

    /** The worker: executes requests in order, applying the instance's faults. */
    private void serve(Session session, PacketWriter writer) {
        RequestHandler handler = new RequestHandler(session, writer, config.serverName(), config.listener(), id);
        int requests = 0;
        try (session) {
            while (true) {
                Work next = work.take();
                if (next instanceof Work.Stop) {
                    return;
                }
                if (next instanceof Work.AttentionAck) {
                    ReplySink.sendAttentionAck(writer);
                    continue;
                }
                Work.Request request = (Work.Request) next;
                Faults faults = config.faults().get();
                requests++;
                if (faults.dropAfterRequests() > 0 && requests > faults.dropAfterRequests()) {
                    LOG.log(Level.DEBUG, () -> "fault: dropping connection " + id + " of " + config.serverName());
                    socket.close();
                    return;
                }
                delay(faults.roundTripLatency(), request.cancellation());
                handle(handler, request, writer);
            }
        } catch (IOException | TdsProtocolException e) {
            LOG.log(Level.DEBUG, () -> "connection " + id + " write ended: " + e);
            closeQuietly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(RequestHandler handler, Work.Request request, PacketWriter writer) throws IOException {
        TdsMessage m = request.message();
        switch (m.type()) {
            case Tds.PKT_SQL_BATCH -> handler.batch(m.payload(), request.sequence(), request.cancellation());
            case Tds.PKT_RPC -> handler.rpc(m.payload(), request.sequence(), request.cancellation());
            case Tds.PKT_TRANSACTION_MANAGER -> {
                config.listener().onRequest(RequestKind.TRANSACTION_MANAGER, id, request.sequence(), null, null);
                new ReplySink(writer, config.serverName(), request.cancellation()).finish();
            }
            default -> throw new TdsProtocolException("unexpected TDS message type " + m.type());
        }
    }

    /** Injected latency: a timed wait that an ATTENTION cuts short. */
    private static void delay(Duration latency, Cancellation cancellation) throws InterruptedException {
        if (!latency.isZero() && !latency.isNegative()) {
            cancellation.await(latency);
        }
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing socket", e);
        }
    }
}
