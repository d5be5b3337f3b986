// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

import dev.milink.sandbox.engine.LoginRequest;
import java.nio.charset.StandardCharsets;

/**
 * The fields of a LOGIN7 message (MS-TDS 2.2.6.4) that the sandbox uses.
 *
 * @param packetSize       packet size the client asks for (0 = server default)
 * @param fedAuthRequested true when the FEDAUTH feature extension (Entra security token) was present
 */
record Login7(int tdsVersion, int packetSize, LoginRequest request, boolean fedAuthRequested) {
    private static final int OPTION_FLAGS3 = 27;
    private static final int FEATURE_EXT_PRESENT = 0x10;
    private static final int FEDAUTH_LIBRARY_SECURITYTOKEN = 0x01;

    static Login7 parse(byte[] payload) {
        ByteReader r = new ByteReader(payload);
        r.skip(4); // total length
        int tdsVersion = r.i32();
        int packetSize = r.i32();
        String host = field(r, 36);
        String user = field(r, 40);
        String password = password(r);
        String app = field(r, 48);
        String database = field(r, 68);

        String token = null;
        boolean fedAuth = false;
        if ((payload[OPTION_FLAGS3] & FEATURE_EXT_PRESENT) != 0) {
            r.position(56);
            int extensionOffset = r.u16();
            r.position(extensionOffset);
            r.position(r.i32());
            for (int feature = r.u8(); feature != Tds.FEATURE_TERMINATOR; feature = r.u8()) {
                int length = r.i32();
                int start = r.position();
                if (feature == Tds.FEATURE_FEDAUTH) {
                    fedAuth = true;
                    int library = r.u8() >>> 1;
                    if (library == FEDAUTH_LIBRARY_SECURITYTOKEN) {
                        token = new String(r.bytes(r.i32()), StandardCharsets.UTF_16LE);
                    }
                }
                r.position(start + length);
            }
        }
        boolean sqlAuth = token == null;
        LoginRequest request = new LoginRequest(user, sqlAuth ? password : null, token,
                database == null || database.isEmpty() ? null : database, app, host);
        return new Login7(tdsVersion, packetSize, request, fedAuth);
    }

    /** Reads an (offset u16, length-in-characters u16) pair at {@code at} and the UTF-16LE text it points to. */
    private static String field(ByteReader r, int at) {
        r.position(at);
        int offset = r.u16();
        int chars = r.u16();
        r.position(offset);
        return r.utf16(chars);
    }

    /** The password arrives with each byte's nibbles swapped and XORed with 0xA5; undo both. */
    private static String password(ByteReader r) {
        r.position(44);
        int offset = r.u16();
        int chars = r.u16();
        r.position(offset);
        byte[] b = r.bytes(chars * 2);
        for (int i = 0; i < b.length; i++) {
            int x = (b[i] ^ 0xA5) & 0xFF;
            b[i] = (byte) (x << 4 & 0xF0 | x >>> 4 & 0x0F);
        }
        return new String(b, StandardCharsets.UTF_16LE);
    }
}
