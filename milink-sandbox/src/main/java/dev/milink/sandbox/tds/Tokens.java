// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

import dev.milink.sandbox.engine.Column;
import java.util.List;

/** Writers for the reply tokens the sandbox sends (MS-TDS 2.2.7). */
final class Tokens {
    static final int ENV_DATABASE = 1;
    static final int ENV_LANGUAGE = 2;
    static final int ENV_PACKET_SIZE = 4;
    static final int ENV_COLLATION = 7;

    private Tokens() {}

    static void colMetadata(ByteWriter w, List<Column> columns) {
        w.u8(Tds.TOKEN_COLMETADATA).u16(columns.size());
        for (Column c : columns) {
            w.u32(0); // user type
            w.u16(c.nullable() ? 0x0001 : 0x0000);
            ColumnCodec.writeTypeInfo(w, c.type());
            w.bVarchar(c.name() == null ? "" : c.name());
        }
    }

    static void row(ByteWriter w, List<Column> columns, Object[] values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values for " + columns.size() + " columns");
        }
        w.u8(Tds.TOKEN_ROW);
        for (int i = 0; i < values.length; i++) {
            ColumnCodec.writeValue(w, columns.get(i).type(), values[i]);
        }
    }

    /** DONE, DONEPROC or DONEINPROC: status, current command, row count. */
    static void done(ByteWriter w, int token, int status, int curCmd, long rowCount) {
        w.u8(token).u16(status).u16(curCmd).u64(rowCount);
    }

    /** ERROR or INFO. */
    static void message(ByteWriter w, int token, int number, int state, int severityClass, String text,
                        String server, int line) {
        w.u8(token);
        int lengthAt = w.size();
        w.u16(0);
        w.u32(number).u8(state).u8(severityClass).usVarchar(text).bVarchar(server).bVarchar("").u32(line);
        w.patchU16(lengthAt, w.size() - lengthAt - 2);
    }

    /** ENVCHANGE whose new and old values are B_VARCHAR text. */
    static void envChange(ByteWriter w, int type, String newValue, String oldValue) {
        w.u8(Tds.TOKEN_ENVCHANGE);
        int lengthAt = w.size();
        w.u16(0);
        w.u8(type).bVarchar(newValue).bVarchar(oldValue);
        w.patchU16(lengthAt, w.size() - lengthAt - 2);
    }

    /** ENVCHANGE collation; mssql-jdbc copies it into every string parameter, so it must be sent at login. */
    static void collation(ByteWriter w) {
        w.u8(Tds.TOKEN_ENVCHANGE).u16(3 + Tds.COLLATION.length).u8(ENV_COLLATION).u8(Tds.COLLATION.length)
                .bytes(Tds.COLLATION).u8(0);
    }

    /** LOGINACK for TDS 7.4; the TDS version is the one big-endian field in it. */
    static void loginAck(ByteWriter w, ProductVersion v) {
        String program = "Microsoft SQL Server";
        w.u8(Tds.TOKEN_LOGINACK).u16(1 + 4 + 1 + program.length() * 2 + 4);
        w.u8(1).u8(0x74).u8(0x00).u8(0x00).u8(0x04);
        w.bVarchar(program);
        w.u8(v.major()).u8(v.minor()).u8(v.build() >>> 8).u8(v.build());
    }

    /** FEATUREEXTACK accepting FEDAUTH (security token) with no data. */
    static void fedAuthAck(ByteWriter w) {
        w.u8(Tds.TOKEN_FEATUREEXTACK).u8(Tds.FEATURE_FEDAUTH).u32(0).u8(Tds.FEATURE_TERMINATOR);
    }

    static void returnStatus(ByteWriter w, int status) { w.u8(Tds.TOKEN_RETURNSTATUS).u32(status); }

    /** RETURNVALUE of an INTN(4) output parameter, e.g. the handle of sp_prepexec. */
    static void returnInt(ByteWriter w, int ordinal, int value) {
        w.u8(Tds.TOKEN_RETURNVALUE).u16(ordinal).bVarchar("").u8(0x01).u32(0).u16(0x0001);
        w.u8(0x26).u8(4).u8(4).u32(value);
    }
}
