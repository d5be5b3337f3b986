// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import dev.milink.core.check.PerDatabaseCheck;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Severity;
import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.Facts;
import java.util.List;

/** MIL-D1: only user databases can be linked; system databases are never replicated. */
public final class UserDatabaseCheck extends PerDatabaseCheck {

    public static final CheckMetadata META = Meta.of("D1", "Database is a user database", Severity.BLOCKER,
            Meta.SQL_TO_MI, false, Meta.OVERVIEW, """
                    A link replicates one user database. master, model, msdb and tempdb (database_id 1–4) cannot \
                    be linked, and what lives in them (logins, Agent jobs, linked servers, server-level \
                    certificates) is not carried over: script it to the managed instance separately. Reads \
                    database_id from sys.databases. Only matters when a system database is named explicitly; the \
                    default selection skips them.""");

    @Override
    protected Finding evaluate(DatabaseFacts db, Facts facts, CheckContext context, Finding.Builder finding) {
        Evidence evidence = Evidence.of("database_id " + db.databaseId(), "a user database (database_id above 4)");
        if (!db.isSystem()) {
            return finding.pass(Why.quoted(db) + " is a user database.", evidence);
        }
        return finding.fail(Why.quoted(db) + " is a system database; system databases cannot be "
                        + "linked and are not replicated.", evidence,
                new Remediation("Leave system databases out of the link; script logins, Agent jobs and other "
                        + "server-level objects to the managed instance separately.", List.of()));
    }

    public UserDatabaseCheck() {
        super(META);
    }
}
