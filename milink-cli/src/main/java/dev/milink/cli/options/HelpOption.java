// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.options;

import picocli.CommandLine.Option;

/** {@code -h/--help} for subcommands ({@code --version} belongs to the root command only). */
public final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "help")
    boolean help;
}
