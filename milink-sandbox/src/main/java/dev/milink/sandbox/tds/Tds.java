// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

/** TDS 7.4 wire constants: packet types, token types and DONE status bits (MS-TDS 2.2.3, 2.2.7). */
final class Tds {
    static final int HEADER_LENGTH = 8;
    /** Packet size in force until the login reply's ENVCHANGE is processed by the client. */
    static final int INITIAL_PACKET_SIZE = 4096;
    /** Largest packet size a client may request (MS-TDS LOGIN7 PacketSize). */
    static final int MAX_PACKET_SIZE = 32767;

    static final int STATUS_EOM = 0x01;

    static final int PKT_SQL_BATCH = 0x01;
    static final int PKT_RPC = 0x03;
    static final int PKT_REPLY = 0x04;
    static final int PKT_ATTENTION = 0x06;
    static final int PKT_TRANSACTION_MANAGER = 0x0E;
    static final int PKT_LOGIN7 = 0x10;
    static final int PKT_PRELOGIN = 0x12;

    static final int TOKEN_RETURNSTATUS = 0x79;
    static final int TOKEN_COLMETADATA = 0x81;
    static final int TOKEN_ERROR = 0xAA;
    static final int TOKEN_INFO = 0xAB;
    static final int TOKEN_RETURNVALUE = 0xAC;
    static final int TOKEN_LOGINACK = 0xAD;
    static final int TOKEN_FEATUREEXTACK = 0xAE;
    static final int TOKEN_ROW = 0xD1;
    static final int TOKEN_ENVCHANGE = 0xE3;
    static final int TOKEN_DONE = 0xFD;
    static final int TOKEN_DONEPROC = 0xFE;
    static final int TOKEN_DONEINPROC = 0xFF;

    static final int DONE_FINAL = 0x0000;
    static final int DONE_MORE = 0x0001;
    static final int DONE_ERROR = 0x0002;
    static final int DONE_COUNT = 0x0010;
    static final int DONE_ATTN = 0x0020;

    static final int CMD_SELECT = 0xC1;
    static final int CMD_INSERT = 0xC3;
    static final int CMD_DELETE = 0xC4;
    static final int CMD_UPDATE = 0xC5;
    static final int CMD_EXECUTE = 0xE0;
    static final int CMD_MERGE = 0x117;

    static final int FEATURE_FEDAUTH = 0x02;
    static final int FEATURE_TERMINATOR = 0xFF;

    /** SQL_Latin1_General_CP1_CI_AS: LCID 0x0409, flags 0xD0, sort id 52. */
    static final byte[] COLLATION = {0x09, 0x04, (byte) 0xD0, 0x00, 0x34};

    private Tds() {}
}
