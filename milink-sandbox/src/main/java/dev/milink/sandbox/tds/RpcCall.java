// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

import java.util.ArrayList;
import java.util.List;

/**
 * One remote procedure call from an RPC message (MS-TDS 2.2.6.6): a well-known procedure id or a procedure name,
 * and its parameters. {@link #parse} splits a message into its calls; executeBatch packs several per message,
 * separated by the byte 0xFF.
 *
 * @param procId procedure id (10 sp_executesql …), or 0 when {@code name} is set
 */
record RpcCall(int procId, String name, List<Param> params) {
    static final int SP_EXECUTESQL = 10;
    static final int SP_PREPARE = 11;
    static final int SP_EXECUTE = 12;
    static final int SP_PREPEXEC = 13;
    static final int SP_UNPREPARE = 15;

    private static final int PROC_ID_FOLLOWS = 0xFFFF;
    private static final int BATCH_FLAG = 0xFF;
    private static final int NO_EXEC_FLAG = 0x80;

    /** A parameter: name (the driver sends empty names), OUTPUT flag, decoded value. */
    record Param(String name, boolean output, Object value) {}

    /** The procedure's name, for the request log. */
    String procedureName() {
        return switch (procId) {
            case 0 -> name;
            case SP_EXECUTESQL -> "sp_executesql";
            case SP_PREPARE -> "sp_prepare";
            case SP_EXECUTE -> "sp_execute";
            case SP_PREPEXEC -> "sp_prepexec";
            case SP_UNPREPARE -> "sp_unprepare";
            default -> "procId " + procId;
        };
    }

    Object value(int index) { return index < params.size() ? params.get(index).value() : null; }

    static List<RpcCall> parse(byte[] payload) {
        ByteReader r = new ByteReader(payload, AllHeaders.length(payload));
        List<RpcCall> calls = new ArrayList<>();
        while (r.hasRemaining()) {
            int nameLength = r.u16();
            int procId = 0;
            String name = null;
            if (nameLength == PROC_ID_FOLLOWS) {
                procId = r.u16();
            } else {
                name = r.utf16(nameLength);
            }
            r.u16(); // option flags
            List<Param> params = new ArrayList<>();
            while (r.hasRemaining() && r.peek() != BATCH_FLAG && r.peek() != NO_EXEC_FLAG) {
                String paramName = r.bVarchar();
                boolean output = (r.u8() & 0x01) != 0;
                params.add(new Param(paramName, output, ParamDecoder.read(r)));
            }
            calls.add(new RpcCall(procId, name, List.copyOf(params)));
            if (r.hasRemaining()) {
                r.u8(); // separator
            }
        }
        return calls;
    }
}
