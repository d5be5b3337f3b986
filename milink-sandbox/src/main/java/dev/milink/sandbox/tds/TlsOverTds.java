// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The server side of TLS inside TDS 7.x: handshake records travel as PRELOGIN (0x12) message payloads, and once
 * the handshake is done, TLS records flow on the bare socket. JSSE runs on top of a socket whose streams are
 * swapped from "TDS-framed" to "raw" when the handshake completes.
 *
 * <p>Pinned to TLSv1.2: a TLS 1.3 client ends its handshake by writing Finished, which mssql-jdbc only sends when
 * it next reads, so TLS 1.3 deadlocks in this framing (microsoft/mssql-jdbc#1653).
 */
final class TlsOverTds {
    private TlsOverTds() {}

    /** Runs the handshake and returns the TLS socket whose streams now use the raw connection. */
    static SSLSocket handshake(Socket raw, InputStream rawIn, OutputStream rawOut, SSLContext context)
            throws IOException {
        var framedOut = new FramedOutput(rawOut);
        var framedIn = new FramedInput(new PacketReader(rawIn), framedOut);
        var carrier = new SwitchableSocket(raw, framedIn, framedOut);
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(carrier, null, raw.getPort(), false);
        tls.setUseClientMode(false);
        tls.setEnabledProtocols(new String[] {"TLSv1.2"});
        tls.startHandshake();
        framedOut.sendPending(); // the server's ChangeCipherSpec + Finished
        carrier.switchTo(rawIn, rawOut);
        return tls;
    }

    /** TDS 8 ({@code encrypt=strict}): plain TLS on the socket before any TDS byte, ALPN "tds/8.0". */
    static SSLSocket strict(Socket raw, InputStream alreadyRead, SSLContext context) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(raw, alreadyRead, true);
        tls.setUseClientMode(false);
        SSLParameters params = tls.getSSLParameters();
        params.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        params.setApplicationProtocols(new String[] {"tds/8.0"});
        tls.setSSLParameters(params);
        tls.startHandshake();
        return tls;
    }

    /**
     * Collects one handshake flight. {@code flush()} is ignored on purpose: JSSE flushes mid-flight, and two reply
     * messages for one client flight break the driver's request/reply message count.
     */
    private static final class FramedOutput extends OutputStream {
        private final ByteWriter pending = new ByteWriter(8192);
        private final PacketWriter writer;

        FramedOutput(OutputStream rawOut) { writer = new PacketWriter(rawOut, 0); }

        @Override
        public void write(int b) { pending.u8(b); }

        @Override
        public void write(byte[] b, int off, int len) { pending.bytes(b, off, len); }

        void sendPending() throws IOException {
            if (pending.size() > 0) {
                writer.message(Tds.PKT_PRELOGIN, pending);
                pending.reset();
            }
        }
    }

    /** Serves PRELOGIN packet payloads; before blocking for the client, sends the flight the server wrote. */
    private static final class FramedInput extends InputStream {
        private final PacketReader reader;
        private final FramedOutput out;
        private byte[] current = new byte[0];
        private int pos;

        FramedInput(PacketReader reader, FramedOutput out) {
            this.reader = reader;
            this.out = out;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (pos == current.length) {
                out.sendPending();
                PacketReader.Packet p = reader.readPacket();
                if (p == null) {
                    return -1;
                }
                current = p.payload();
                pos = 0;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    /** A socket JSSE can layer on, whose streams are switched once the handshake is over. */
    private static final class SwitchableSocket extends Socket {
        private final Socket raw;
        private volatile InputStream in;
        private volatile OutputStream out;

        SwitchableSocket(Socket raw, InputStream in, OutputStream out) {
            this.raw = raw;
            this.in = in;
            this.out = out;
        }

        void switchTo(InputStream newIn, OutputStream newOut) {
            in = newIn;
            out = newOut;
        }

        @Override
        public InputStream getInputStream() {
            return new InputStream() {
                @Override
                public int read() throws IOException { return in.read(); }

                @Override
                public int read(byte[] b, int off, int len) throws IOException { return in.read(b, off, len); }
            };
        }

        @Override
        public OutputStream getOutputStream() {
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException { out.write(b); }

                @Override
                public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }

                @Override
                public void flush() throws IOException { out.flush(); }
            };
        }

        @Override
        public boolean isConnected() { return true; }

        @Override
        public boolean isClosed() { return raw.isClosed(); }

        /** The TLS layer must never close the connection: login-only TLS abandons it while TDS continues. */
        @Override
        public void close() {}

        @Override
        public InetAddress getInetAddress() { return raw.getInetAddress(); }

        @Override
        public InetAddress getLocalAddress() { return raw.getLocalAddress(); }

        @Override
        public int getPort() { return raw.getPort(); }

        @Override
        public int getLocalPort() { return raw.getLocalPort(); }

        @Override
        public SocketAddress getRemoteSocketAddress() { return raw.getRemoteSocketAddress(); }

        @Override
        public SocketAddress getLocalSocketAddress() { return raw.getLocalSocketAddress(); }

        @Override
        public void setSoTimeout(int timeout) throws SocketException { raw.setSoTimeout(timeout); }

        @Override
        public int getSoTimeout() throws SocketException { return raw.getSoTimeout(); }
    }
}
