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
import dev.milink.core.model.DatabaseFacts.Files;
import dev.milink.core.model.Fact;
import dev.milink.core.model.Facts;
import java.util.List;

/** MIL-D11: the database has exactly one transaction log file. */
public final class SingleLogFileCheck extends PerDatabaseCheck {

    public static final CheckMetadata META = Meta.of("D11", "Database has a single log file", Severity.BLOCKER,
            Meta.SQL_TO_MI, true, Meta.OVERVIEW, """
                    SQL Managed Instance supports one transaction log file per database. Counts log files \
                    (type 1) in sys.master_files. The fix is a manual procedure and never applied by milink: an \
                    extra log file can only be removed once no active log sits in it (log backups, \
                    DBCC SHRINKFILE … EMPTYFILE, then ALTER DATABASE … REMOVE FILE), and doing that at the wrong \
                    moment breaks log backups or blocks the workload.""");

    @Override
    protected Finding evaluate(DatabaseFacts db, Facts facts, CheckContext context, Finding.Builder finding) {
        if (db.files() instanceof Fact.Unknown<Files> u) {
            return finding.unknown(Why.unreadable(db, "the file list", u));
        }
        int logs = db.files().orElse(null).logFiles();
        Evidence evidence = Evidence.of(logs + " log file(s)", "1 log file");
        if (logs == 1) {
            return finding.pass(Why.quoted(db) + " has one log file.", evidence);
        }
        return finding.fail(Why.quoted(db) + " has " + logs + " log files; SQL Managed Instance supports only one.",
                evidence, new Remediation("Empty and remove the extra log files of " + Why.quoted(db)
                        + " by hand, outside busy hours; milink does not do this itself.", List.of(
                        Steps.step(META, db, "remove-extra-log-files", "Remove the extra log files of "
                                + Why.quoted(db)).appliable(false)
                                .script(ScriptKind.TSQL, "remove-extra-log-files.sql").build())));
    }

    public SingleLogFileCheck() {
        super(META);
    }
}
