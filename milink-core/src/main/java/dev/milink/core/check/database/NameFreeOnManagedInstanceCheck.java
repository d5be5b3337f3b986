// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import dev.milink.core.check.PerDatabaseCheck;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.Facts;
import java.util.List;

/**
 * MIL-D10: no database of the same name on the managed instance. milink does not read the managed instance's
 * databases yet, so this is an UNKNOWN reminder with the query that settles it.
 */
public final class NameFreeOnManagedInstanceCheck extends PerDatabaseCheck {

    public static final CheckMetadata META = Meta.of("D10", "Database name is free on the managed instance",
            Severity.BLOCKER, Meta.SQL_TO_MI, true, Meta.TROUBLESHOOT, """
                    Link creation fails with RemoteDatabaseExists when the managed instance already has a \
                    database of that name (or CannotUseReservedDatabaseName for a reserved one). Only the managed \
                    instance can answer this and milink does not read it yet: the finding is always UNKNOWN, at \
                    WARNING rather than BLOCKER so that it does not hold every verdict at INCOMPLETE, and carries \
                    the query to run on the managed instance.""");

    @Override
    protected Finding evaluate(DatabaseFacts db, Facts facts, CheckContext context, Finding.Builder finding) {
        String where = facts.link().managedInstanceFqdn().map(f -> "'" + f + "'").orElse("the managed instance");
        return finding.severity(Severity.WARNING)
                .unknown("Whether " + where + " already has a database named " + Why.quoted(db) + " is not read "
                                + "by milink; link creation fails with RemoteDatabaseExists if it does.",
                        Evidence.of("not read", "no database of this name on the managed instance"),
                        new Remediation("Run the query on the managed instance; rename or drop the database "
                                + "there if it exists.", List.of(Steps.step(META, db, "check-name-on-mi",
                                        "Check that " + Why.quoted(db) + " is free on the managed instance")
                                .appliable(false).script(ScriptKind.MANUAL, "check-name-on-mi.txt").build())));
    }

    public NameFreeOnManagedInstanceCheck() {
        super(META);
    }
}
