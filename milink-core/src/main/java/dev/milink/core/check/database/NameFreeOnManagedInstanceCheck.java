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
import dev.milink.core.model.Input;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ManagedInstanceFacts.MiDatabase;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * MIL-D10: no database of the same name on the managed instance. Judged from the managed instance's database list
 * when its end was read; otherwise an UNKNOWN reminder with the query that settles it.
 */
public final class NameFreeOnManagedInstanceCheck extends PerDatabaseCheck {

    public static final CheckMetadata META = Meta.of("D10", "Database name is free on the managed instance",
            Severity.BLOCKER, Meta.SQL_TO_MI, true, Meta.TROUBLESHOOT, """
                    Link creation fails with RemoteDatabaseExists when the managed instance already has a \
                    database of that name, and with CannotUseReservedDatabaseName for master, model, msdb or \
                    tempdb. When the managed instance was read from Azure (--mi or --mi-facts), compares the \
                    name with its databases without regard to case, and names the link that already carries it. \
                    Without the managed instance the finding is UNKNOWN, at WARNING rather than BLOCKER so that \
                    it does not hold every verdict at INCOMPLETE, and carries the query to run on the managed \
                    instance.""");

    private static final java.util.Set<String> RESERVED = java.util.Set.of("master", "model", "msdb", "tempdb");

    @Override
    protected Finding evaluate(DatabaseFacts db, Facts facts, CheckContext context, Finding.Builder finding) {
        if (facts.managedInstance() instanceof Input.Present<ManagedInstanceFacts> p) {
            return judge(db, facts, p.value(), finding);
        }
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

    private static Finding judge(DatabaseFacts db, Facts facts, ManagedInstanceFacts mi, Finding.Builder finding) {
        String where = "managed instance '" + mi.name() + "'";
        if (!mi.databases().isKnown()) {
            return finding.unknown("The databases on " + where + " could not be read: " + mi.databases().reason());
        }
        String name = db.name().toLowerCase(Locale.ROOT);
        String expected = "no database named " + Why.quoted(db) + " on " + where + ", not a reserved name";
        if (RESERVED.contains(name)) {
            return finding.fail(Why.quoted(db) + " is a reserved name on the managed instance "
                            + "(CannotUseReservedDatabaseName).", Evidence.of("reserved name", expected),
                    new Remediation("System databases are not replicated; script their objects instead.",
                            List.of()));
        }
        Optional<MiDatabase> taken = mi.databases().orElse(List.of()).stream()
                .filter(d -> d.name().toLowerCase(Locale.ROOT).equals(name)).findFirst();
        if (taken.isEmpty()) {
            return finding.pass("No database named " + Why.quoted(db) + " exists on " + where + ".",
                    Evidence.of("name free", expected));
        }
        String link = mi.links().orElse(List.of()).stream()
                .filter(l -> l.databases().stream().anyMatch(n -> n.equalsIgnoreCase(db.name())))
                .map(l -> " It belongs to link '" + l.name() + "'.").findFirst().orElse("");
        return finding.fail(where + " already has a database named '" + taken.get().name() + "' ("
                        + taken.get().status() + "); link creation fails with RemoteDatabaseExists." + link,
                Evidence.of("'" + taken.get().name() + "' exists (" + taken.get().status() + ")", expected),
                new Remediation(link.isEmpty() ? "Drop or rename the database on the managed instance, or link "
                        + "another database." : "The database is already linked; remove that link (and its "
                        + "database on the managed instance) first if a new link is intended.", List.of()));
    }

    public NameFreeOnManagedInstanceCheck() {
        super(META);
    }
}
