// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

/**
 * PRELOGIN request parsing and response building (MS-TDS 2.2.6.5). Option offsets and lengths are
 * big-endian and relative to the payload start.
 *
 * @param encryption      the client's ENCRYPTION byte without the client-certificate bit
 * @param fedAuthRequired true when the client sent FEDAUTHREQUIRED (Entra authentication)
 */
record PreLogin(int encryption, boolean fedAuthRequired) {
    static final int ENCRYPT_OFF = 0x00;
    static final int ENCRYPT_ON = 0x01;
    static final int ENCRYPT_NOT_SUP = 0x02;
    static final int ENCRYPT_REQ = 0x03;

    private static final int OPT_VERSION = 0x00;
    private static final int OPT_ENCRYPTION = 0x01;
    private static final int OPT_INSTOPT = 0x02;
    private static final int OPT_THREADID = 0x03;
    private static final int OPT_MARS = 0x04;
    private static final int OPT_FEDAUTHREQUIRED = 0x06;
    private static final int OPT_TERMINATOR = 0xFF;

    static PreLogin parse(byte[] payload) {
        ByteReader r = new ByteReader(payload);
        int encryption = ENCRYPT_NOT_SUP;
        boolean fedAuth = false;
        for (int token = r.u8(); token != OPT_TERMINATOR; token = r.u8()) {
            int offset = r.u16be();
            int length = r.u16be();
            if (token == OPT_ENCRYPTION && length >= 1) {
                encryption = payload[offset] & 0x7F; // 0x80 = client certificate, irrelevant here
            } else if (token == OPT_FEDAUTHREQUIRED) {
                fedAuth = true;
            }
        }
        return new PreLogin(encryption, fedAuth);
    }

    boolean clientWantsEncryption() { return encryption == ENCRYPT_ON || encryption == ENCRYPT_REQ; }

    /** The response payload announcing {@code version} and the chosen encryption answer. */
    static ByteWriter response(ProductVersion version, int encryptionAnswer, boolean echoFedAuth) {
        int options = echoFedAuth ? 6 : 5;
        int tableLength = options * 5 + 1;
        int[][] entries = {
            {OPT_VERSION, 6}, {OPT_ENCRYPTION, 1}, {OPT_INSTOPT, 1}, {OPT_THREADID, 0}, {OPT_MARS, 1},
            {OPT_FEDAUTHREQUIRED, 1}};
        ByteWriter w = new ByteWriter(64);
        int offset = tableLength;
        for (int i = 0; i < options; i++) {
            w.u8(entries[i][0]).u16be(offset).u16be(entries[i][1]);
            offset += entries[i][1];
        }
        w.u8(OPT_TERMINATOR);
        w.u8(version.major()).u8(version.minor()).u16be(version.build()).u16be(version.revision());
        w.u8(encryptionAnswer);
        w.u8(0); // INSTOPT: the client named no instance
        w.u8(0); // MARS off
        if (echoFedAuth) {
            w.u8(1);
        }
        return w;
    }
}
