// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --output}, {@code --output-file}, {@code --no-color}: shared by every command that prints a result. */
final class OutputOptions {

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", descriptionKey = "output")
    String format;

    @Option(names = "--output-file", paramLabel = "FILE", descriptionKey = "output-file")
    Path file;

    @Option(names = "--no-color", descriptionKey = "no-color")
    boolean noColor;

    /** The chosen format, or {@code fallback} when none was given. */
    String formatOr(String fallback) {
        return format == null ? fallback : format;
    }
}
