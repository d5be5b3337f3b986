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
import java.util.Locale;

/** MIL-D2: the database must be ONLINE. */
public final class DatabaseOnlineCheck extends PerDatabaseCheck {

    public static final CheckMetadata META = Meta.of("D2", "Database is online", Severity.BLOCKER,
            Meta.SQL_TO_MI, true, Meta.AG_PREREQUISITES, """
                    An availability group, and so a link, can only add an ONLINE database. Reads state_desc from \
                    sys.databases. For an offline database most other facts cannot be read; the other database \
                    checks then report UNKNOWN and point here. The fix is never applied by milink: a database is \
                    usually offline, restoring or in emergency mode for a reason only its DBA knows.""");

    @Override
    protected Finding evaluate(DatabaseFacts db, Facts facts, CheckContext context, Finding.Builder finding) {
        Evidence evidence = Evidence.of(db.state(), "ONLINE");
        if (db.isOnline()) {
            return finding.pass(Why.quoted(db) + " is ONLINE.", evidence);
        }
        String state = db.state() == null ? "UNKNOWN" : db.state().toUpperCase(Locale.ROOT);
        String template = switch (state) {
            case "OFFLINE" -> "set-online.sql";
            case "RESTORING" -> "restore-with-recovery.sql";
            default -> "investigate.sql";
        };
        Remediation fix = new Remediation("Bring " + Why.quoted(db) + " ONLINE after finding out why it is "
                + state + "; milink does not do this itself.", List.of(
                Steps.step(META, db, "online", "Bring " + Why.quoted(db) + " online")
                        .order(Steps.ORDER_ONLINE).appliable(false).script(ScriptKind.TSQL, template).build()));
        return finding.fail(Why.quoted(db) + " is " + state + "; only an ONLINE database can "
                + "join an availability group.", evidence, fix);
    }

    public DatabaseOnlineCheck() {
        super(META);
    }
}
