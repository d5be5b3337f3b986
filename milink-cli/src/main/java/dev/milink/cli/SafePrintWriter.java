// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.cli.terminal.TerminalControl;
import java.io.PrintWriter;

/**
 * The CLI's stdout and stderr: every character through {@link SafeTerminalWriter}, except milink's own
 * {@link TerminalControl} sequences.
 */
final class SafePrintWriter extends PrintWriter implements TerminalControl.Escaping {
    private final SafeTerminalWriter safe;

    SafePrintWriter(PrintWriter raw) {
        this(new SafeTerminalWriter(raw));
    }

    private SafePrintWriter(SafeTerminalWriter safe) {
        super(safe, true);
        this.safe = safe;
    }

    @Override
    public void control(String sequence) {
        synchronized (lock) {
            flush();
            safe.control(sequence);
        }
    }
}
