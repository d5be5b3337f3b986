// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads TDS packets and reassembles messages. The source stream can be swapped, because TLS inside TDS moves
 * the conversation from the raw socket to the TLS stream (and, for login-only TLS, back again).
 */
final class PacketReader {
    private final byte[] header = new byte[Tds.HEADER_LENGTH];
    private InputStream in;

    PacketReader(InputStream in) { this.in = in; }

    void source(InputStream newSource) { this.in = newSource; }

    /** One packet, or null at a clean end of stream before its first byte. */
    Packet readPacket() throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        header[0] = (byte) first;
        readFully(header, 1, Tds.HEADER_LENGTH - 1);
        int length = (header[2] & 0xFF) << 8 | header[3] & 0xFF;
        if (length < Tds.HEADER_LENGTH || length > Tds.MAX_PACKET_SIZE) {
            throw new TdsProtocolException("invalid TDS packet length " + length);
        }
        byte[] payload = new byte[length - Tds.HEADER_LENGTH];
        readFully(payload, 0, payload.length);
        return new Packet(header[0] & 0xFF, (header[1] & Tds.STATUS_EOM) != 0, payload);
    }

    /** The next whole message, or null when the client closed the connection between messages. */
    TdsMessage readMessage() throws IOException {
        Packet first = readPacket();
        if (first == null) {
            return null;
        }
        return rest(first);
    }

    /** Completes a message whose first packet was already read (login-only TLS reads it from another stream). */
    TdsMessage rest(Packet first) throws IOException {
        if (first.eom()) {
            return new TdsMessage(first.type(), first.payload());
        }
        ByteWriter all = new ByteWriter(first.payload().length * 2);
        all.bytes(first.payload());
        Packet p = first;
        while (!p.eom()) {
            p = readPacket();
            if (p == null) {
                throw new EOFException("connection closed inside a TDS message");
            }
            all.bytes(p.payload());
        }
        return new TdsMessage(first.type(), all.toByteArray());
    }

    private void readFully(byte[] b, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            int n = in.read(b, off + done, len - done);
            if (n < 0) {
                throw new EOFException("connection closed inside a TDS packet");
            }
            done += n;
        }
    }

    /** One TDS packet. */
    record Packet(int type, boolean eom, byte[] payload) {}
}
