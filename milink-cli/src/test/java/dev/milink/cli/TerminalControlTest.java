// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.cli.terminal.TerminalControl;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** milink's own redraws pass the CLI's escaping writer; the same characters inside text never do. */
class TerminalControlTest {

    @Test
    void ownSequencesPassTextIsStillEscaped() {
        StringWriter raw = new StringWriter();
        PrintWriter w = new SafePrintWriter(new PrintWriter(raw));
        w.print("DAG [#...] 5 %");
        TerminalControl.REDRAW_LINE.writeTo(w);
        w.print("db\r\033[2Jname");   // a server-supplied name trying to redraw the screen
        TerminalControl.CLEAR_SCREEN.writeTo(w);
        TerminalControl.RETURN.writeTo(w);
        w.println("done");
        w.flush();
        assertThat(raw.toString()).isEqualTo("DAG [#...] 5 %\r\033[Kdb\\x0D\\x1B[2Jname\033[H\033[2J\rdone"
                + System.lineSeparator());
    }
}
