// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import dev.milink.core.check.PerDatabaseCheck;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Severity;
import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.Facts;

/** MIL-D18: reports the compatibility level; the link has no requirement on it. */
public final class CompatibilityLevelCheck extends PerDatabaseCheck {

    public static final CheckMetadata META = Meta.of("D18", "Compatibility level (information)", Severity.INFO,
            Meta.SQL_TO_MI, false, Meta.AG_PREREQUISITES, """
                    No link-specific compatibility-level requirement is documented; availability groups work \
                    with every level the source version supports, and the database keeps its level on the \
                    managed instance. Reads compatibility_level from sys.databases and reports it for planning \
                    (query behaviour after a later level change is an application matter).""");

    @Override
    protected Finding evaluate(DatabaseFacts db, Facts facts, CheckContext context, Finding.Builder finding) {
        return finding
                .pass(Why.quoted(db) + " has compatibility level " + db.compatibilityLevel() + "; the link has no "
                                + "requirement on it.",
                        Evidence.of("compatibility level " + db.compatibilityLevel(), "any supported level"));
    }

    public CompatibilityLevelCheck() {
        super(META);
    }
}
