// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import dev.milink.core.check.Check;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Severity;
import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.Facts;

/** MIL-D4: Database is in MULTI_USER mode. */
public final class MultiUserCheck implements Check.DatabaseCheck {

    public static final CheckMetadata META = Meta.of("D4", "Database is in MULTI_USER mode", Severity.BLOCKER,
            Meta.SQL_TO_MI, true, Meta.AG_PREREQUISITES, """
                    An availability group database must allow all users (user_access_desc MULTI_USER). \
                    SINGLE_USER or RESTRICTED_USER usually means maintenance is under way. The fix is SET \
                    MULTI_USER WITH NO_WAIT, not WITH ROLLBACK IMMEDIATE: milink never disconnects the session \
                    that holds a single-user database or rolls back its work; if that session is still there the \
                    statement fails at once (error 5064) and the DBA decides. Appliable only under the package \
                    rule (online, not in an AG, not mirrored, not a log-shipping primary).""");

    private static final OptionRule RULE = new OptionRule(META, DatabaseFacts::userAccess, "MULTI_USER",
            "an availability group database must be MULTI_USER.", "set-multi-user.sql", "multi-user",
            "Set %s to MULTI_USER", Steps.ORDER_OPTIONS, Steps::unsafeToApply);

    @Override
    public CheckMetadata metadata() {
        return META;
    }

    @Override
    public Finding evaluate(DatabaseFacts db, Facts facts, CheckContext context) {
        return RULE.evaluate(db, facts);
    }
}
