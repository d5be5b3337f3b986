// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import picocli.CommandLine.Option;

/** {@code --show-skipped}: list skipped checks too, in every command that prints a readiness report. */
final class ShowSkippedOption {

    @Option(names = "--show-skipped", descriptionKey = "show-skipped")
    boolean on;
}
