// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.network;

import picocli.CommandLine.Option;

/** {@code -h/--help} for the network commands ({@code --version} belongs to the root command only). */
final class Help {

    @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "help")
    boolean help;
}
