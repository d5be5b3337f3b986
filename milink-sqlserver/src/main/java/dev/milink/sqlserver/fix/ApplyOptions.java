// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.fix;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How {@link FixExecutor} runs a plan.
 *
 * @param includeDatabases databases the user explicitly allowed milink to change although they are in an
 *                         availability group, mirrored or read-only (compared case-insensitively)
 * @param stepTimeout      longest a single step may run; {@link Duration#ZERO} for no limit (the default: a full
 *                         backup of a large database takes hours)
 * @since 0.1
 */
public record ApplyOptions(Set<String> includeDatabases, Duration stepTimeout) {

    public static final ApplyOptions DEFAULT = new ApplyOptions(Set.of(), Duration.ZERO);

    public ApplyOptions {
        includeDatabases = includeDatabases.stream().map(d -> d.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        Objects.requireNonNull(stepTimeout, "stepTimeout");
        if (stepTimeout.isNegative()) {
            throw new IllegalArgumentException("stepTimeout must not be negative");
        }
    }

    public ApplyOptions withIncludeDatabases(Set<String> names) {
        return new ApplyOptions(names, stepTimeout);
    }

    public ApplyOptions withStepTimeout(Duration timeout) {
        return new ApplyOptions(includeDatabases, timeout);
    }

    boolean included(String database) {
        return database != null && includeDatabases.contains(database.toLowerCase(Locale.ROOT));
    }
}
