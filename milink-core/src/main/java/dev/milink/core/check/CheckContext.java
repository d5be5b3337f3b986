// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

import dev.milink.core.buildref.BuildReference;
import dev.milink.core.model.Direction;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a check may know besides the facts: the link direction, the build reference data, the clock and the
 * user's settings.
 *
 * @param direction          link direction being assessed
 * @param builds             dated SQL Server build reference and link minimums
 * @param clock              "now" for expiry and age rules
 * @param managedInstanceFqdn the MI's FQDN when the user gave it (certificate naming checks use it)
 * @param certificateExpiryWarning how long before expiry a certificate is reported as a warning
 * @param backupPath         where fixes write the chain-starting full backups, when the user gave one
 * @since 0.1
 */
public record CheckContext(Direction direction, BuildReference builds, Clock clock,
                           Optional<String> managedInstanceFqdn, Duration certificateExpiryWarning,
                           Optional<String> backupPath) {

    public CheckContext {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(builds, "builds");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(managedInstanceFqdn, "managedInstanceFqdn");
        Objects.requireNonNull(certificateExpiryWarning, "certificateExpiryWarning");
        Objects.requireNonNull(backupPath, "backupPath");
    }

    /** Defaults: system clock, no MI name, warn 30 days before certificate expiry, no backup path. */
    public static CheckContext of(Direction direction, BuildReference builds) {
        return new CheckContext(direction, builds, Clock.systemUTC(), Optional.empty(), Duration.ofDays(30),
                Optional.empty());
    }

    public CheckContext withClock(Clock c) {
        return new CheckContext(direction, builds, c, managedInstanceFqdn, certificateExpiryWarning, backupPath);
    }

    public CheckContext withManagedInstanceFqdn(String fqdn) {
        return new CheckContext(direction, builds, clock, Optional.ofNullable(fqdn), certificateExpiryWarning,
                backupPath);
    }

    public CheckContext withBackupPath(String path) {
        return new CheckContext(direction, builds, clock, managedInstanceFqdn, certificateExpiryWarning,
                Optional.ofNullable(path));
    }
}
