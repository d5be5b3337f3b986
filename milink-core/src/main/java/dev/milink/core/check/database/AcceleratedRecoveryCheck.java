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
import dev.milink.core.model.Fact;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts.Product;
import java.util.List;

/** MIL-D16: accelerated database recovery on, with the persistent version store in PRIMARY (SQL Server 2019+). */
public final class AcceleratedRecoveryCheck extends PerDatabaseCheck {

    private static final int FIRST_MAJOR_WITH_ADR = 15;
    private static final int PRIMARY_FILEGROUP_ID = 1;

    public static final CheckMetadata META = Meta.of("D16", "Accelerated database recovery is on, version store "
            + "in PRIMARY", Severity.INFO, Meta.SQL_TO_MI, true, Meta.PREPARATION, """
                    Microsoft's link preparation asks, for SQL Server 2019 and later, to enable accelerated \
                    database recovery (ADR) on the source, since it cannot be enabled on the managed instance \
                    after migration, and to keep its persistent version store (PVS) in the PRIMARY filegroup, \
                    since another filegroup causes restore problems there. Reads \
                    is_accelerated_database_recovery_on from sys.databases and the PVS filegroup; SKIPPED before \
                    SQL Server 2019, which has no ADR. Changing ADR takes an exclusive database lock (it waits \
                    for every session to leave), so milink never applies these steps; run them in a window.""");

    @Override
    protected Finding evaluate(DatabaseFacts db, Facts facts, CheckContext context, Finding.Builder finding) {
        if (facts.server().product() instanceof Fact.Unknown<Product> u) {
            return finding.unknown("The SQL Server version could not be read, so it is not known whether ADR "
                    + "exists: " + u.reason());
        }
        var version = facts.server().product().orElse(null).version();
        if (version.major() < FIRST_MAJOR_WITH_ADR) {
            return finding.skipped("Accelerated database recovery exists from SQL Server 2019 (15.x); this "
                    + "instance is " + version + ".");
        }
        if (db.acceleratedRecovery() instanceof Fact.Unknown<Boolean> u) {
            return finding.unknown(Why.unreadable(db, "the ADR setting", u));
        }
        String expected = "ADR on, PVS in PRIMARY";
        if (!db.acceleratedRecovery().orElse(false)) {
            return finding.warn("Accelerated database recovery is off for " + Why.quoted(db) + "; it cannot be "
                            + "enabled on the managed instance after migration.", Evidence.of("ADR off", expected),
                    fix(db, "enable-adr", "Enable accelerated database recovery for " + Why.quoted(db),
                            "enable-adr.sql"));
        }
        if (db.pvsFilegroupId() instanceof Fact.Unknown<Integer> u) {
            return finding.unknown(Why.unreadable(db, "the persistent version store filegroup", u));
        }
        int pvs = db.pvsFilegroupId().orElse(PRIMARY_FILEGROUP_ID);
        if (pvs != PRIMARY_FILEGROUP_ID) {
            // ADR itself is advice; a version store outside PRIMARY is a real risk for the restore on the MI.
            return finding.severity(Severity.WARNING).warn("The persistent version store of " + Why.quoted(db)
                            + " is in filegroup id " + pvs + ", not PRIMARY; restores on the managed instance can "
                            + "run into problems.",
                    Evidence.of("ADR on, PVS in filegroup id " + pvs, expected),
                    fix(db, "pvs-to-primary", "Move the version store of " + Why.quoted(db) + " to PRIMARY",
                            "pvs-to-primary.sql"));
        }
        return finding.pass("Accelerated database recovery is on for " + Why.quoted(db) + ", version store in "
                + "PRIMARY.", Evidence.of("ADR on, PVS in PRIMARY", expected));
    }

    private static Remediation fix(DatabaseFacts db, String action, String title, String template) {
        return new Remediation(title + " in a maintenance window (exclusive database lock); milink does not do "
                + "this itself.", List.of(Steps.step(META, db, action, title).appliable(false)
                .script(ScriptKind.TSQL, template).build()));
    }

    public AcceleratedRecoveryCheck() {
        super(META);
    }
}
