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
 * MIL-D15: for a link from the managed instance, a TDE database must use a customer-managed key SQL Server can
 * reach. The protector lives on the managed instance, which milink does not read yet: always an UNKNOWN reminder.
 */
public final class TdeFromManagedInstanceCheck extends PerDatabaseCheck {

    public static final CheckMetadata META = Meta.of("D15", "TDE database from the managed instance uses a key "
            + "SQL Server can reach", Severity.BLOCKER, Meta.MI_TO_SQL, true, Meta.PREPARATION, """
                    When the managed instance is the initial primary, only databases encrypted with a \
                    customer-managed key (Azure Key Vault) can be linked to SQL Server, and SQL Server must reach \
                    the same key through its EKM provider (on Linux from SQL Server 2022 CU14). Databases under \
                    service-managed TDE cannot. The protector type is on the managed instance, which milink does \
                    not read yet: the finding is always UNKNOWN, at WARNING rather than BLOCKER so it does not \
                    hold every verdict at INCOMPLETE, with the steps that settle it.""");

    @Override
    protected Finding evaluate(DatabaseFacts db, Facts facts, CheckContext context, Finding.Builder finding) {
        return finding.severity(Severity.WARNING)
                .unknown("The TDE protector of " + Why.quoted(db) + " on the managed instance is not read by "
                                + "milink; a database under service-managed TDE cannot be linked to SQL Server.",
                        Evidence.of("not read", "not encrypted, or a customer-managed key SQL Server can reach"),
                        new Remediation("Check the managed instance's TDE protector; switch to a customer-managed "
                                + "key and give SQL Server access to it through EKM if the database is encrypted.",
                                List.of(Steps.step(META, db, "check-tde-protector",
                                                "Check the TDE protector of " + Why.quoted(db) + " on the MI")
                                        .appliable(false).script(ScriptKind.MANUAL, "check-protector.txt")
                                        .build())));
    }

    public TdeFromManagedInstanceCheck() {
        super(META);
    }
}
