// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Severity;
import dev.milink.core.model.DatabaseFacts;

/** MIL-D4: Database is in MULTI_USER mode. */
public final class MultiUserCheck extends OptionCheck {

    public static final CheckMetadata META = Meta.of("D4", "Database is in MULTI_USER mode", Severity.BLOCKER,
            Meta.SQL_TO_MI, true, Meta.AG_PREREQUISITES, """
                    An availability group database must allow all users (user_access_desc MULTI_USER). \
                    SINGLE_USER or RESTRICTED_USER usually means maintenance is under way. The fix is SET \
                    MULTI_USER WITH NO_WAIT, not WITH ROLLBACK IMMEDIATE: milink never disconnects the session \
                    that holds a single-user database or rolls back its work; if that session is still there the \
                    statement fails at once (error 5064) and the DBA decides. Appliable only under the package \
                    rule (online, not in an AG, not mirrored, not a log-shipping primary).""");

    public MultiUserCheck() {
        super(META, DatabaseFacts::userAccess, "MULTI_USER",
                "an availability group database must be MULTI_USER.", "set-multi-user.sql", "multi-user",
                "Set %s to MULTI_USER", Steps.ORDER_OPTIONS, Steps::unsafeToApply);
    }
}
