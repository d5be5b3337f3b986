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
import dev.milink.core.model.Fact;
import dev.milink.core.model.Facts;
import java.util.List;

/** MIL-D12: no FILESTREAM filegroup and no FileTable. */
public final class NoFilestreamCheck extends PerDatabaseCheck {

    public static final CheckMetadata META = Meta.of("D12", "No FILESTREAM or FileTable", Severity.BLOCKER,
            Meta.SQL_TO_MI, true, Meta.OVERVIEW, """
                    SQL Managed Instance has no FILESTREAM, so a database with a FILESTREAM filegroup \
                    (sys.filegroups type FD) or FileTables (sys.tables.is_filetable) cannot be linked. Moving \
                    that data out (to varbinary(max) columns or Azure Blob Storage) is an application change; \
                    the finding lists the inventory queries, nothing is applied.""");

    @Override
    protected Finding evaluate(DatabaseFacts db, Facts facts, CheckContext context, Finding.Builder finding) {
        if (db.filegroups() instanceof Fact.Unknown<List<Filegroup>> u) {
            return finding.unknown(Why.unreadable(db, "the filegroup list", u));
        }
        if (db.fileTables() instanceof Fact.Unknown<Integer> u) {
            return finding.unknown(Why.unreadable(db, "the FileTable count", u));
        }
        List<String> filestream = db.filegroups().orElse(List.of()).stream()
                .filter(fg -> "FD".equalsIgnoreCase(fg.type())).map(Filegroup::name).toList();
        int fileTables = db.fileTables().orElse(0);
        Evidence evidence = Evidence.of("FILESTREAM filegroups " + filestream + ", " + fileTables + " FileTable(s)",
                "no FILESTREAM filegroup, no FileTable");
        if (filestream.isEmpty() && fileTables == 0) {
            return finding.pass(Why.quoted(db) + " uses neither FILESTREAM nor FileTables.", evidence);
        }
        return finding.fail(Why.quoted(db) + " uses FILESTREAM" + (fileTables > 0 ? " and FileTables" : "")
                        + ", which SQL Managed Instance does not support.", evidence,
                new Remediation("Move the FILESTREAM data out of " + Why.quoted(db) + " (varbinary(max) or Azure "
                        + "Blob Storage), drop the FileTables and remove the FILESTREAM filegroup.", List.of(
                        Steps.step(META, db, "filestream-inventory", "List FILESTREAM objects in " + Why.quoted(db))
                                .appliable(false).script(ScriptKind.TSQL, "filestream-inventory.sql").build())));
    }

    public NoFilestreamCheck() {
        super(META);
    }
}
