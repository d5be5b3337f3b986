// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.terminal;

import java.io.PrintWriter;

/**
 * The few terminal control sequences milink itself emits to redraw progress in place. Everything the CLI prints
 * goes through an escaping writer that shows control characters as {@code \xNN}, so that text a server supplied
 * cannot drive the terminal; these sequences pass because they are written through this separate path, never as
 * part of text. Only use them when a person watches a terminal ({@code AuthContext#showsProgress}).
 *
 * @since 0.3
 */
public enum TerminalControl {
    /** Back to the start of the line. */
    RETURN("\r"),
    /** Back to the start of the line and erase it: a progress line redrawn in place. */
    REDRAW_LINE("\r\033[K"),
    /** Cursor home and erase the screen: a view refreshed in place ({@code link status --watch}). */
    CLEAR_SCREEN("\033[H\033[2J");

    /** A writer that escapes what it prints but lets milink's own sequences past. */
    public interface Escaping {
        /** Writes {@code sequence} as is, after everything printed before it. */
        void control(String sequence);
    }

    private final String sequence;

    TerminalControl(String sequence) {
        this.sequence = sequence;
    }

    /** Writes the sequence to {@code w}: past its escaping when it is {@link Escaping}, as is to any other writer. */
    public void writeTo(PrintWriter w) {
        if (w instanceof Escaping e) {
            e.control(sequence);
        } else {
            w.print(sequence);
        }
    }
}
