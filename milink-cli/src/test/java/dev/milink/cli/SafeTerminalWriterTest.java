// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: escape sequences in server-supplied strings (database names, error messages) reached the terminal
 * unfiltered. Whatever milink prints goes through {@link SafeTerminalWriter}.
 */
class SafeTerminalWriterTest {

    private static String through(String text) {
        StringWriter sink = new StringWriter();
        try (PrintWriter w = new PrintWriter(new SafeTerminalWriter(sink))) {
            w.print(text);
        }
        return sink.toString();
    }

    @Test
    void controlCharactersAndEscapeSequencesAreShownNotObeyed() {
        assertThat(through("db\u001b[2Jname")).isEqualTo("db\\x1B[2Jname");
        assertThat(through("title\u001b]0;pwned\u0007")).isEqualTo("title\\x1B]0;pwned\\x07");
        assertThat(through("over\rwrite")).isEqualTo("over\\x0Dwrite");
        assertThat(through("bell\u0007 c1\u009b31m")).isEqualTo("bell\\x07 c1\\x9B31m");
        assertThat(through("evil\u202Etxt.exe")).isEqualTo("evil\\x202Etxt.exe");
        assertThat(through("trailing escape\u001b")).isEqualTo("trailing escape\\x1B");
    }

    @Test
    void milinksOwnColoursLineEndsAndTabsPass() {
        assertThat(through("\u001b[1;31mFAIL\u001b[0m")).isEqualTo("\u001b[1;31mFAIL\u001b[0m");
        assertThat(through("a\r\nb\tc\n")).isEqualTo("a\r\nb\tc\n");
        assertThat(through("Ведомости 販売 O'Brien")).isEqualTo("Ведомости 販売 O'Brien");
    }

    @Test
    void aDatabaseNameWithEscapesIsHarmlessInAnErrorMessage() {
        Cli r = Cli.run("check", "--facts", "x", "--database", "Sales\u001b[2J");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("\u001b");
    }
}
