// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.sandbox.engine.Faults;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Byte-level conversations the driver does not produce on demand: an ATTENTION that arrives after its request's
 * reply is complete (a query timeout firing just as the reply ends) gets a DONE(ATTN) message of its own.
 */
// a protocol mistake must fail the build, not hang it: a blocked socket read ignores interrupts
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RawTdsTest {

    @Test
    void lateAttentionIsAcknowledgedInAMessageOfItsOwn() throws Exception {
        var config = new TdsServer.Config("raw", new StubEngine(), EncryptionSupport.NOT_SUPPORTED, null,
                () -> Faults.NONE, RequestListener.NONE);
        try (TdsServer server = TdsServer.start(InetAddress.getLoopbackAddress(), 0, config);
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = socket.getOutputStream();
            PacketWriter writer = new PacketWriter(out, 0);
            PacketReader reader = new PacketReader(socket.getInputStream());

            writer.message(Tds.PKT_PRELOGIN, preLogin());
            assertThat(PreLogin.parse(reader.readMessage().payload()).encryption()).isEqualTo(PreLogin.ENCRYPT_NOT_SUP);

            writer.message(Tds.PKT_LOGIN7, login7("sa", "pw"));
            assertThat(reader.readMessage().payload()).contains(Tds.TOKEN_LOGINACK);

            ByteWriter batch = new ByteWriter().u32(22).u32(18).u16(2).u64(0).u32(1).utf16("SELECT 1");
            writer.message(Tds.PKT_SQL_BATCH, batch);
            byte[] reply = reader.readMessage().payload();
            assertThat(reply[0] & 0xFF).isEqualTo(Tds.TOKEN_COLMETADATA);

            writer.message(Tds.PKT_ATTENTION, new ByteWriter());
            byte[] ack = reader.readMessage().payload();
            assertThat(ack).hasSize(13);
            assertThat(ack[0] & 0xFF).isEqualTo(Tds.TOKEN_DONE);
            assertThat(ack[1] & 0xFF).isEqualTo(Tds.DONE_ATTN);

            writer.message(Tds.PKT_SQL_BATCH, batch); // still in sync
            assertThat(reader.readMessage().payload()[0] & 0xFF).isEqualTo(Tds.TOKEN_COLMETADATA);
        }
    }

    /** VERSION and ENCRYPTION = NOT_SUP, the way FreeTDS asks for no encryption. */
    private static ByteWriter preLogin() {
        return new ByteWriter().u8(0).u16be(11).u16be(6).u8(1).u16be(17).u16be(1).u8(0xFF)
                .u32(0).u16(0).u8(PreLogin.ENCRYPT_NOT_SUP);
    }

    /** A minimal TDS 7.4 LOGIN7 with SQL authentication and no feature extensions. */
    private static ByteWriter login7(String user, String password) {
        int fixed = 94;
        byte[] userBytes = user.getBytes(StandardCharsets.UTF_16LE);
        byte[] pw = password.getBytes(StandardCharsets.UTF_16LE);
        for (int i = 0; i < pw.length; i++) {
            int x = pw[i] & 0xFF;
            pw[i] = (byte) (((x << 4 & 0xF0) | (x >>> 4 & 0x0F)) ^ 0xA5);
        }
        ByteWriter w = new ByteWriter();
        w.u32(fixed + userBytes.length + pw.length).u32(0x74000004).u32(4096).u32(0).u32(0).u32(0);
        w.u8(0).u8(0).u8(0).u8(0).u32(0).u32(0); // option flags, type flags, time zone, LCID
        w.u16(fixed).u16(0); // host name
        w.u16(fixed).u16(user.length());
        w.u16(fixed + userBytes.length).u16(password.length());
        for (int i = 0; i < 9; i++) { // app, server, extension, library, language, database, then 3 more pairs
            w.u16(fixed + userBytes.length + pw.length).u16(0);
            if (i == 5) {
                w.bytes(new byte[6]); // client id follows the database pair
            }
        }
        w.u32(0); // cbSSPILong
        assertThat(w.size()).isEqualTo(fixed);
        return w.bytes(userBytes).bytes(pw);
    }
}
