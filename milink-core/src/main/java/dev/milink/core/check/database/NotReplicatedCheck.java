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
import dev.milink.core.model.Fact;
import dev.milink.core.model.ServerFacts.AvailabilityGroup;
import java.util.List;
import java.util.Optional;

/** MIL-D8: the database is not mirrored and not in an availability group other than one it can be linked from. */
public final class NotReplicatedCheck extends PerDatabaseCheck {

    public static final CheckMetadata META = Meta.of("D8", "Database is not mirrored and not in another "
            + "availability group", Severity.BLOCKER, Meta.SQL_TO_MI, true, Meta.OVERVIEW, """
                    The link puts the database into an availability group of its own, so it must not be mirrored \
                    (sys.database_mirroring.mirroring_guid) and must not be in an availability group \
                    (sys.databases.group_database_id). One exception: an existing AG that holds exactly this one \
                    database can itself be linked (MIL-I17; use its listener IP as the partner endpoint), which \
                    is reported as a warning. Leaving an AG or ending mirroring is an outage-level decision, so \
                    the steps are never applied by milink.""");

    @Override
    protected Finding evaluate(DatabaseFacts db, Facts facts, CheckContext context, Finding.Builder finding) {
        if (db.mirrored() instanceof Fact.Unknown<Boolean> u) {
            return finding.unknown(Why.unreadable(db, "the mirroring state", u));
        }
        if (db.mirrored().orElse(false)) {
            return finding.fail(Why.quoted(db) + " is mirrored; a mirrored database cannot join the link's "
                            + "availability group.", Evidence.of("database mirroring configured", "not mirrored"),
                    new Remediation("End database mirroring for " + Why.quoted(db) + " after agreeing on which "
                            + "copy stays the principal.", List.of(Steps.step(META, db, "mirroring-off",
                                    "Remove database mirroring from " + Why.quoted(db)).appliable(false)
                            .script(ScriptKind.TSQL, "partner-off.sql").build())));
        }
        if (!db.inAvailabilityGroup()) {
            return finding.pass(Why.quoted(db) + " is neither mirrored nor in an availability group.",
                    Evidence.of("not mirrored, not in an availability group", "not mirrored, not in an AG"));
        }
        var groups = facts.server().availabilityGroups();
        if (groups instanceof Fact.Unknown<List<AvailabilityGroup>> u) {
            return finding.unknown(Why.quoted(db) + " is in an availability group, but the availability groups "
                    + "could not be read (" + u.reason() + "), so it is not known whether that group can be linked.");
        }
        Optional<AvailabilityGroup> group = groups.orElse(List.of()).stream()
                .filter(g -> !g.distributed() && g.databases().stream().anyMatch(d -> d.equals(db.name())))
                .findFirst();
        if (group.isEmpty()) {
            return finding.unknown(Why.quoted(db) + " is in an availability group that is not among the groups "
                    + "read on this instance, so it is not known whether that group can be linked.");
        }
        AvailabilityGroup ag = group.get();
        Evidence evidence = Evidence.of("in availability group '" + ag.name() + "' with " + ag.databases().size()
                + " database(s)", "not in an AG, or in an AG holding only this database");
        if (ag.databases().size() == 1) {
            return finding.severity(Severity.WARNING).warn(Why.quoted(db) + " is the only database of availability "
                    + "group '" + ag.name() + "'; link that group (MIL-I17) with its listener IP as the partner "
                    + "endpoint, or remove the database from it.", evidence, Remediation.NONE);
        }
        return finding.fail(Why.quoted(db) + " is in availability group '" + ag.name() + "' together with "
                        + (ag.databases().size() - 1) + " other database(s); the link needs an availability group "
                        + "holding exactly one database.", evidence,
                new Remediation("Move " + Why.quoted(db) + " out of '" + ag.name() + "' (or the other databases "
                        + "out of it) in a planned window.", List.of(Steps.step(META, db, "leave-ag",
                                "Remove " + Why.quoted(db) + " from availability group '" + ag.name() + "'")
                        .appliable(false).value("ag", ag.name())
                        .script(ScriptKind.TSQL, "leave-ag.sql").build())));
    }

    public NotReplicatedCheck() {
        super(META);
    }
}
