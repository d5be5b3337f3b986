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
import dev.milink.core.model.Fact;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts.AvailabilityGroup;
import java.util.List;

/** MIL-D9: one database per link; reports distributed availability groups that already carry the database. */
public final class NotAlreadyLinkedCheck extends PerDatabaseCheck {

    public static final CheckMetadata META = Meta.of("D9", "One database per link; existing links known",
            Severity.BLOCKER, Meta.SQL_TO_MI, false, Meta.OVERVIEW, """
                    Each link carries one database through its own distributed availability group (DAG). A \
                    database may have several links (same AG, one DAG each), so an existing DAG is not a blocker, \
                    but a new link must not reuse its name. Reads the distributed availability groups on this \
                    SQL Server (sys.availability_groups.is_distributed) and the databases they list. Limit: the \
                    links registered on the managed instance (ARM distributedAvailabilityGroups) are not read \
                    yet, and a DAG whose database list is not collected is not matched.""");

    @Override
    protected Finding evaluate(DatabaseFacts db, Facts facts, CheckContext context, Finding.Builder finding) {
        Fact<List<AvailabilityGroup>> groups = facts.server().availabilityGroups();
        if (groups instanceof Fact.Unknown<List<AvailabilityGroup>> u) {
            return finding.unreadable("The availability groups", u);
        }
        List<String> dags = groups.orElse(List.of()).stream()
                .filter(g -> g.distributed() && g.databases().contains(db.name()))
                .map(AvailabilityGroup::name).toList();
        String expected = "one database per link, each link with its own DAG";
        if (dags.isEmpty()) {
            return finding.pass("No distributed availability group on this SQL Server carries " + Why.quoted(db)
                    + " (links registered only on the managed instance are not read).",
                    Evidence.of("no DAG carries the database", expected));
        }
        return finding.severity(Severity.INFO).warn(Why.quoted(db) + " already travels in distributed "
                        + "availability group(s) " + dags + "; another link is possible but needs its own DAG name.",
                Evidence.of("carried by DAG(s) " + dags, expected),
                new Remediation("Give the new link a DAG name not in " + dags + ".", List.of()));
    }

    public NotAlreadyLinkedCheck() {
        super(META);
    }
}
