// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.options;

import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code -o/--output text|json} for the commands that print either text or one JSON document. */
public final class TextOrJsonOption {

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text", descriptionKey = "output")
    String output;

    /** Whether JSON was asked for; anything but text or json is a usage error. */
    public boolean json() {
        return switch (output.trim().toLowerCase(Locale.ROOT)) {
            case "text" -> false;
            case "json" -> true;
            default -> throw new MilinkException(CoreError.USAGE, "--output must be text or json, not '" + output
                    + "'.");
        };
    }
}
