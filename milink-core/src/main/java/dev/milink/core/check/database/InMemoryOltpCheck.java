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
import dev.milink.core.model.DatabaseFacts.Filegroup;
import dev.milink.core.model.DatabaseFacts.Files;
import dev.milink.core.model.Fact;
import dev.milink.core.model.Facts;
import java.util.List;

/**
 * MIL-D13: In-Memory OLTP needs a Business Critical managed instance and a single container. The tier is on the
 * managed instance, which milink does not read yet: a database that uses In-Memory OLTP is UNKNOWN (blocker).
 */
public final class InMemoryOltpCheck extends PerDatabaseCheck {

    public static final CheckMetadata META = Meta.of("D13", "In-Memory OLTP fits the managed instance",
            Severity.BLOCKER, Meta.SQL_TO_MI, true, Meta.OVERVIEW, """
                    A database with a memory-optimized filegroup (sys.filegroups type FX) can only be linked to a \
                    Business Critical managed instance with enough In-Memory OLTP memory (see M10), and only with \
                    a single In-Memory OLTP container. Reads the filegroups and the container count \
                    (sys.master_files type 2). The container count is only trusted when the database has no \
                    FILESTREAM filegroup, whose containers share that file type. The service tier lives on the \
                    managed instance and is not read yet, so an In-Memory OLTP database is UNKNOWN: a blocker \
                    someone must confirm.""");

    @Override
    protected Finding evaluate(DatabaseFacts db, Facts facts, CheckContext context, Finding.Builder finding) {
        if (db.filegroups() instanceof Fact.Unknown<List<Filegroup>> u) {
            return finding.unknown(Why.unreadable(db, "the filegroup list", u));
        }
        List<Filegroup> groups = db.filegroups().orElse(List.of());
        List<String> xtp = groups.stream().filter(fg -> "FX".equalsIgnoreCase(fg.type()))
                .map(Filegroup::name).toList();
        if (xtp.isEmpty()) {
            return finding.pass(Why.quoted(db) + " has no memory-optimized filegroup.",
                    Evidence.of("no FX filegroup", "no In-Memory OLTP, or a Business Critical MI"));
        }
        boolean filestreamToo = groups.stream().anyMatch(fg -> "FD".equalsIgnoreCase(fg.type()));
        Fact<Files> files = db.files();
        String containers = filestreamToo || !files.isKnown() ? "container count not known"
                : files.orElse(null).filestreamContainers() + " container(s)";
        Evidence evidence = Evidence.of("memory-optimized filegroup " + xtp + ", " + containers,
                "a Business Critical MI with enough In-Memory OLTP memory; one container");
        if (!filestreamToo && files.isKnown() && files.orElse(null).filestreamContainers() > 1) {
            return finding.fail(Why.quoted(db) + " has " + files.orElse(null).filestreamContainers()
                    + " In-Memory OLTP containers; the link supports only one.", evidence, remedy(db));
        }
        return finding.unknown(Why.quoted(db) + " uses In-Memory OLTP (filegroup " + xtp + "): the managed "
                + "instance must be Business Critical with enough In-Memory OLTP memory; milink does not read the "
                + "managed instance's tier yet.", evidence, remedy(db));
    }

    private static Remediation remedy(DatabaseFacts db) {
        return new Remediation("Link " + Why.quoted(db) + " to a Business Critical managed instance sized for its "
                + "memory-optimized data, with a single In-Memory OLTP container.", List.of(
                Steps.step(META, db, "xtp-inventory", "Measure In-Memory OLTP use in " + Why.quoted(db))
                        .appliable(false).script(ScriptKind.TSQL, "xtp-inventory.sql").build()));
    }

    public InMemoryOltpCheck() {
        super(META);
    }
}
