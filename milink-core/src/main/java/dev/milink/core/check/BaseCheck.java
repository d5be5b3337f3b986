// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

import dev.milink.core.model.Facts;
import java.util.Objects;

/**
 * What every check class built on {@link InstanceCheck}, {@link InstanceCheck.Several} or {@link PerDatabaseCheck}
 * shares: its metadata, and findings started for it.
 *
 * @since 0.1
 */
public abstract class BaseCheck implements Check {

    private final CheckMetadata meta;

    protected BaseCheck(CheckMetadata meta) {
        this.meta = Objects.requireNonNull(meta, "meta");
    }

    @Override
    public final CheckMetadata metadata() {
        return meta;
    }

    /** A finding of this check on the SQL Server instance. */
    protected final Finding.Builder onInstance(Facts facts) {
        return Finding.of(meta, Target.instance(facts.server().target()));
    }
}
