// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.Facts;

/**
 * A check judged once per selected database: the shared frame (metadata, the finding's target) so each check
 * class holds only its judgement.
 *
 * @since 0.1
 */
public abstract class PerDatabaseCheck extends BaseCheck implements Check.DatabaseCheck {

    protected PerDatabaseCheck(CheckMetadata meta) {
        super(meta);
    }

    @Override
    public final Finding evaluate(DatabaseFacts db, Facts facts, CheckContext context) {
        return evaluate(db, facts, context, Finding.of(metadata(), Target.database(facts.server().target(),
                db.name())));
    }

    /** The finding on {@code db}; {@code finding} is started for this check and the database. */
    protected abstract Finding evaluate(DatabaseFacts db, Facts facts, CheckContext context, Finding.Builder finding);
}
