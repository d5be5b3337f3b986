// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Everything milink prints goes through this writer, so that text a server supplied (a database name, an error
 * message, a job's output) cannot drive the user's terminal: control characters and escape sequences are shown as
 * {@code \xNN} instead of being obeyed. Kept as they are: newline, tab, a carriage return that ends a line
 * ({@code \r\n}), and colour ({@code ESC [ digits ; m}, which only milink's own renderer emits). milink's own redraws
 * (a carriage return, erase line, clear screen) come through {@link dev.milink.cli.terminal.TerminalControl}, never as text.
 */
final class SafeTerminalWriter extends FilterWriter {

    private static final char ESC = 0x1b;
    private static final int MAX_SGR = 24;

    /** Chars held back until it is clear whether they form a colour sequence, or a CR before LF. */
    private final StringBuilder pending = new StringBuilder();

    SafeTerminalWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        char ch = (char) c;
        if (!pending.isEmpty()) {
            char first = pending.charAt(0);
            if (first == '\r') {
                pending.setLength(0);
                if (ch == '\n') {
                    out.write("\r\n");
                    return;
                }
                out.write("\\x0D");
            } else if (pending.length() == 1) { // ESC seen
                if (ch == '[') {
                    pending.append(ch);
                    return;
                }
                escapePending();
            } else { // ESC [ params so far
                if ((Character.isDigit(ch) || ch == ';') && pending.length() < MAX_SGR) {
                    pending.append(ch);
                    return;
                }
                if (ch == 'm') {
                    out.write(pending.toString());
                    out.write('m');
                    pending.setLength(0);
                    return;
                }
                escapePending();
            }
        }
        if (ch == ESC || ch == '\r') {
            pending.append(ch);
        } else if (ch == '\n' || ch == '\t' || !isControl(ch)) {
            out.write(ch);
        } else {
            out.write(String.format("\\x%02X", (int) ch));
        }
    }

    /** Runs of characters that need no decision go through in one write (a fleet's report is 100,000s of lines). */
    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        int end = off + len;
        int i = off;
        while (i < end) {
            int run = i;
            if (pending.isEmpty()) {
                while (run < end && plain(buf[run])) {
                    run++;
                }
            }
            if (run > i) {
                out.write(buf, i, run - i);
                i = run;
            } else {
                write(buf[i++]);
            }
        }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        int end = off + len;
        int i = off;
        while (i < end) {
            int run = i;
            if (pending.isEmpty()) {
                while (run < end && plain(s.charAt(run))) {
                    run++;
                }
            }
            if (run > i) {
                out.write(s, i, run - i);
                i = run;
            } else {
                write(s.charAt(i++));
            }
        }
    }

    /** Written as it is whatever came before it (when nothing is held back). */
    private static boolean plain(char c) {
        return c == '\n' || c == '\t' || (c != ESC && c != '\r' && !isControl(c));
    }

    /** Writes one of milink's own control sequences ({@link dev.milink.cli.terminal.TerminalControl}) as is, after what is held back. */
    void control(String sequence) {
        try {
            if (!pending.isEmpty()) {
                escapePending();
            }
            out.write(sequence);
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void flush() throws IOException {
        if (!pending.isEmpty()) {
            escapePending();
        }
        super.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        super.close();
    }

    private void escapePending() throws IOException {
        String held = pending.toString();
        pending.setLength(0);
        for (int i = 0; i < held.length(); i++) {
            char h = held.charAt(i);
            out.write(isControl(h) ? String.format("\\x%02X", (int) h) : String.valueOf(h));
        }
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)
                || c == '\u202e' || c == '\u202d' || c == '\u2066' || c == '\u2067' || c == '\u2068'
                || c == '\u2069'; // bidirectional overrides make displayed text differ from the real text
    }
}
