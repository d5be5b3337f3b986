// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Colour only for a terminal, and never with NO_COLOR or --no-color. */
class ColorTest {

    private static final String ESC = "\u001b[";

    private static String run(Map<String, String> env, boolean terminal, String... extra) {
        StringWriter out = new StringWriter();
        String[] args = new String[3 + extra.length];
        args[0] = "check";
        args[1] = "--facts";
        args[2] = CheckCommandTest.FACTS.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        Main.run(new Environment(env, null, terminal), new PrintWriter(out), new PrintWriter(new StringWriter()), args);
        return out.toString();
    }

    @Test
    void terminalGetsColour() {
        assertThat(run(Map.of(), true)).contains(ESC);
    }

    @Test
    void pipeGetsNone() {
        assertThat(run(Map.of(), false)).doesNotContain(ESC);
    }

    @Test
    void noColorVariableTurnsItOff() {
        assertThat(run(Map.of("NO_COLOR", "1"), true)).doesNotContain(ESC);
    }

    @Test
    void noColorOptionTurnsItOff() {
        assertThat(run(Map.of(), true, "--no-color")).doesNotContain(ESC);
    }
}
