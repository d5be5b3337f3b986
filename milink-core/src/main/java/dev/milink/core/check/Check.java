// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.Facts;
import java.util.List;

/**
 * One readiness requirement. Implementations are small final classes listed in
 * {@link dev.milink.core.catalog.CheckCatalog}; they read only {@link Facts} (never a connection) so they can be
 * tested on hand-built facts and re-run offline.
 *
 * <p>Instance-scoped checks implement {@link #evaluate}; database-scoped checks implement
 * {@link DatabaseCheck#evaluate(DatabaseFacts, Facts, CheckContext)} and get one call per selected database.
 * Direction filtering is done by the engine: a check is only called for directions it lists.
 *
 * @since 0.1
 */
public interface Check {

    CheckMetadata metadata();

    /** Judges the instance. Returns at least one finding. */
    List<Finding> evaluate(Facts facts, CheckContext context);

    /** A check judged once per selected database. */
    interface DatabaseCheck extends Check {

        Finding evaluate(DatabaseFacts database, Facts facts, CheckContext context);

        /** Database checks are driven per database by the engine; this default is not used for them. */
        @Override
        default List<Finding> evaluate(Facts facts, CheckContext context) {
            throw new UnsupportedOperationException("database check " + metadata().id() + " is run per database");
        }
    }
}
