// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with TDS's little-endian writers (and the few big-endian ones PRELOGIN needs). */
final class ByteWriter {
    private byte[] buf;
    private int size;

    ByteWriter() { this(256); }

    ByteWriter(int capacity) { buf = new byte[capacity]; }

    ByteWriter u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    ByteWriter u16(int v) { return u8(v).u8(v >>> 8); }

    ByteWriter u16be(int v) { return u8(v >>> 8).u8(v); }

    ByteWriter u32(int v) { return u16(v).u16(v >>> 16); }

    ByteWriter u64(long v) { return u32((int) v).u32((int) (v >>> 32)); }

    ByteWriter bytes(byte[] b) { return bytes(b, 0, b.length); }

    ByteWriter bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    /** UTF-16LE text without a length prefix. */
    ByteWriter utf16(String s) { return bytes(s.getBytes(StandardCharsets.UTF_16LE)); }

    /** B_VARCHAR: u8 length in characters, then UTF-16LE. */
    ByteWriter bVarchar(String s) {
        String v = s.length() > 255 ? s.substring(0, 255) : s;
        return u8(v.length()).utf16(v);
    }

    /** US_VARCHAR: u16 length in characters, then UTF-16LE. */
    ByteWriter usVarchar(String s) { return u16(s.length()).utf16(s); }

    /** Overwrites a little-endian u16 written earlier, for length fields known only afterwards. */
    void patchU16(int position, int v) {
        buf[position] = (byte) v;
        buf[position + 1] = (byte) (v >>> 8);
    }

    int size() { return size; }

    byte[] array() { return buf; }

    byte[] toByteArray() { return Arrays.copyOf(buf, size); }

    void reset() { size = 0; }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }
}
