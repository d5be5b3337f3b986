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
 * MIL-D20: features SQL Managed Instance cannot run. milink checks a few of them itself (D11–D14, D21) and
 * says plainly that the rest needs a migration assessment tool; always an UNKNOWN reminder.
 */
public final class UnsupportedFeaturesCheck extends PerDatabaseCheck {

    public static final CheckMetadata META = Meta.of("D20", "No features the managed instance cannot run",
            Severity.BLOCKER, Meta.SQL_TO_MI, true, Meta.OVERVIEW, """
                    A database that uses a feature SQL Managed Instance cannot run cannot be linked, and adding \
                    such a feature later raises an error on SQL Server 2017–2022 but breaks the link on SQL \
                    Server 2016. milink assesses only part of this: multiple log files (MIL-D11), FILESTREAM and \
                    FileTable (MIL-D12), In-Memory OLTP (MIL-D13), TDE (MIL-D14) and replication, CDC and log \
                    shipping (MIL-D21). It does not look at schema or code (CLR assemblies, cross-database and \
                    linked-server references, xp_cmdshell, extended stored procedures, Windows logins in use, \
                    SQL Agent jobs and the like). That needs a migration assessment: Azure Migrate, or \
                    az datamigration get-assessment / Get-AzDataMigrationAssessment (Data Migration Assistant is \
                    deprecated). The finding is always UNKNOWN, at WARNING so that it does not hold every \
                    verdict at INCOMPLETE.""");

    @Override
    protected Finding evaluate(DatabaseFacts db, Facts facts, CheckContext context, Finding.Builder finding) {
        return finding.severity(Severity.WARNING)
                .unknown("milink checks only log files, FILESTREAM, In-Memory OLTP, TDE and replication for "
                                + Why.quoted(db) + " (MIL-D11 to MIL-D14, MIL-D21); other features the managed "
                                + "instance cannot run need a migration assessment.",
                        Evidence.of("not assessed by milink", "no feature the managed instance cannot run"),
                        new Remediation("Assess " + Why.quoted(db) + " for SQL Managed Instance with Azure Migrate "
                                + "or the Azure SQL migration assessment and fix its blockers before the link.",
                                List.of(Steps.step(META, db, "assess", "Run a SQL Managed Instance assessment for "
                                                + Why.quoted(db)).appliable(false)
                                        .script(ScriptKind.MANUAL, "assess.txt").build())));
    }

    public UnsupportedFeaturesCheck() {
        super(META);
    }
}
