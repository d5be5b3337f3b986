// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

/** The ALL_HEADERS block that opens SQL_BATCH and RPC payloads in TDS 7.2+ (MS-TDS 2.2.5.3). */
final class AllHeaders {
    private AllHeaders() {}

    /**
     * Length of the block, or 0 when the payload has none. The first u32 is the block's total length; SQL text
     * (UTF-16LE) read as a u32 is far larger than the payload, which tells the two apart.
     */
    static int length(byte[] payload) {
        if (payload.length < 4) {
            return 0;
        }
        long total = (payload[0] & 0xFFL) | (payload[1] & 0xFFL) << 8 | (payload[2] & 0xFFL) << 16
                | (payload[3] & 0xFFL) << 24;
        return total >= 4 && total <= payload.length ? (int) total : 0;
    }
}
