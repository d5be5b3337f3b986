// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A run builds the picocli model of the command it names only (start-up), yet help, usage errors and "did you mean"
 * still see every command.
 */
class CommandLineModelTest {

    @Test
    void helpAndUsageErrorsStillListEveryCommand() {
        Cli top = Cli.run("--help");
        assertThat(top.exit()).isZero();
        Main.Commands.ALL.stream().map(c -> c.getAnnotation(picocli.CommandLine.Command.class).name())
                .forEach(name -> assertThat(top.out()).contains("  " + name));

        Cli help = Cli.run("help", "check");
        assertThat(help.exit()).as(help.err()).isZero();
        assertThat(help.out()).startsWith("Usage: milink check");

        Cli typo = Cli.run("chek");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("Did you mean check or checks");

        Cli none = Cli.run();
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("Missing command", "  sandbox", "  network");
    }

    @Test
    void aNamedCommandParsesAndShowsItsOwnHelp() {
        Cli check = Cli.run("check", "--help");
        assertThat(check.exit()).isZero();
        assertThat(check.out()).startsWith("Usage: milink check").contains("--parallel");
        Cli list = Cli.run("checks", "list");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains("MIL-D7");
    }
}
