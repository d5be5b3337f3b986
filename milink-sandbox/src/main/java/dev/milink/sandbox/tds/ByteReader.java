// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

import java.nio.charset.StandardCharsets;

/** Little-endian cursor over a request payload; running past the end is a {@link TdsProtocolException}. */
final class ByteReader {
    private final byte[] buf;
    private int pos;

    ByteReader(byte[] buf) { this(buf, 0); }

    ByteReader(byte[] buf, int pos) {
        this.buf = buf;
        this.pos = pos;
    }

    int u8() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    int u16() { return u8() | u8() << 8; }

    int u16be() { return u8() << 8 | u8(); }

    int i32() { return u16() | u16() << 16; }

    long i64() { return (i32() & 0xFFFFFFFFL) | (long) i32() << 32; }

    byte[] bytes(int n) {
        need(n);
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    String utf16(int chars) {
        need(chars * 2);
        String s = new String(buf, pos, chars * 2, StandardCharsets.UTF_16LE);
        pos += chars * 2;
        return s;
    }

    /** B_VARCHAR: u8 length in characters, then UTF-16LE. */
    String bVarchar() { return utf16(u8()); }

    void skip(int n) {
        need(n);
        pos += n;
    }

    int position() { return pos; }

    void position(int p) {
        if (p < 0 || p > buf.length) {
            throw new TdsProtocolException("offset " + p + " outside a payload of " + buf.length + " bytes");
        }
        pos = p;
    }

    boolean hasRemaining() { return pos < buf.length; }

    int peek() {
        need(1);
        return buf[pos] & 0xFF;
    }

    private void need(int n) {
        if (n < 0 || pos + n > buf.length) {
            throw new TdsProtocolException("truncated payload: need " + n + " bytes at " + pos + " of " + buf.length);
        }
    }
}
