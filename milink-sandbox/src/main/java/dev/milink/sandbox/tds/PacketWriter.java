// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes one server message at a time as TDS packets of the negotiated size. A full packet is sent as soon as
 * more bytes follow it, so long replies stream; only the last packet of a message carries EOM.
 */
final class PacketWriter {
    private final byte[] packet = new byte[Tds.MAX_PACKET_SIZE];
    private final int spid;
    private OutputStream out;
    private int packetSize = Tds.INITIAL_PACKET_SIZE;
    private int fill;
    private int type;
    private int packetId;

    PacketWriter(OutputStream out, int spid) {
        this.out = out;
        this.spid = spid;
    }

    void target(OutputStream newTarget) { this.out = newTarget; }

    void packetSize(int size) { this.packetSize = size; }

    void begin(int messageType) {
        type = messageType;
        fill = Tds.HEADER_LENGTH;
        packetId = 1;
    }

    void write(ByteWriter bytes) throws IOException { write(bytes.array(), 0, bytes.size()); }

    void write(byte[] b, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            if (fill == packetSize) {
                emit(0);
            }
            int n = Math.min(len - done, packetSize - fill);
            System.arraycopy(b, off + done, packet, fill, n);
            fill += n;
            done += n;
        }
    }

    /** Sends what is buffered now, without ending the message, so the client sees it early (INFO progress). */
    void flushPartial() throws IOException {
        if (fill > Tds.HEADER_LENGTH) {
            emit(0);
        }
    }

    void end() throws IOException { emit(Tds.STATUS_EOM); }

    /** A whole message in one call. */
    void message(int messageType, ByteWriter payload) throws IOException {
        begin(messageType);
        write(payload);
        end();
    }

    private void emit(int status) throws IOException {
        packet[0] = (byte) type;
        packet[1] = (byte) status;
        packet[2] = (byte) (fill >>> 8);
        packet[3] = (byte) fill;
        packet[4] = (byte) (spid >>> 8);
        packet[5] = (byte) spid;
        packet[6] = (byte) packetId;
        packet[7] = 0;
        out.write(packet, 0, fill);
        out.flush();
        packetId = (packetId + 1) & 0xFF;
        fill = Tds.HEADER_LENGTH;
    }
}
