// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

import dev.milink.core.buildref.BuildReference;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a check may know besides the link's facts: the build reference data, the clock and the user's settings.
 * The link itself (direction, databases, names) is part of the facts ({@code Facts.link()}).
 *
 * @param builds             dated SQL Server build reference and link minimums
 * @param clock              "now" for expiry and age rules
 * @param certificateExpiryWarning how long before expiry a certificate is reported as a warning
 * @param backupPath         where fixes write the chain-starting full backups, when the user gave one
 * @since 0.1
 */
public record CheckContext(BuildReference builds, Clock clock, Duration certificateExpiryWarning,
                           Optional<String> backupPath) {

    public CheckContext {
        Objects.requireNonNull(builds, "builds");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(certificateExpiryWarning, "certificateExpiryWarning");
        Objects.requireNonNull(backupPath, "backupPath");
    }

    /** Defaults: system clock, warn 30 days before certificate expiry, no backup path. */
    public static CheckContext of(BuildReference builds) {
        return new CheckContext(builds, Clock.systemUTC(), Duration.ofDays(30), Optional.empty());
    }

    public CheckContext withClock(Clock c) {
        return new CheckContext(builds, c, certificateExpiryWarning, backupPath);
    }

    public CheckContext withBackupPath(String path) {
        return new CheckContext(builds, clock, certificateExpiryWarning, Optional.ofNullable(path));
    }
}
