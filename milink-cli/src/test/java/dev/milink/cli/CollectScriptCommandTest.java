// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.sqlserver.collect.CollectScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectScriptCommandTest {

    @Test
    void scriptGoesToStdoutAndTheInstructionsToStderr() {
        Cli r = Cli.run("collect-script");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(CollectScript.text());
        assertThat(r.err()).contains("sqlcmd -S SERVER", "milink check --facts");
    }

    @Test
    void outputFileGetsTheScriptAndStdoutTheInstructions(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("collect.sql");
        Cli r = Cli.run("collect-script", "--output-file", file.toString());
        assertThat(r.exit()).isZero();
        assertThat(Files.readString(file)).isEqualTo(CollectScript.text());
        assertThat(r.out()).contains("-i " + file, "milink check --facts");
    }
}
