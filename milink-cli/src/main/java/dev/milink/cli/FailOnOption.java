// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.check.Severity;
import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --fail-on blocker|warning} for {@code check} and {@code report}: what makes the run exit 1. */
final class FailOnOption {

    @Option(names = "--fail-on", paramLabel = "LEVEL", descriptionKey = "fail-on")
    FailOn level;

    /**
     * The severity at and above which a problem fails the run: {@code --fail-on}, else the config file's
     * {@code fail-on}, else blocker. Call it before anything is collected or printed: a bad config value is a
     * usage error.
     */
    Severity severity(MilinkConfig cfg) {
        return (level != null ? level : fromConfig(cfg)).severity();
    }

    private static FailOn fromConfig(MilinkConfig cfg) {
        if (cfg.failOn() == null) {
            return FailOn.BLOCKER;
        }
        try {
            return FailOn.valueOf(cfg.failOn().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MilinkException(CoreError.CONFIG_INVALID, "Config file " + cfg.source() + ": 'fail-on' must be"
                    + " blocker or warning, not '" + cfg.failOn() + "'.");
        }
    }
}
