// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import dev.milink.core.check.PerDatabaseCheck;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.Fact;
import dev.milink.core.model.Facts;
import java.util.List;
import java.util.Map;

/** MIL-D19: a contained database needs {@code contained database authentication} = 1 on every replica. */
public final class ContainedDatabaseCheck extends PerDatabaseCheck {

    static final String OPTION = "contained database authentication";

    public static final CheckMetadata META = Meta.of("D19", "Contained database authentication is on for a "
            + "contained database", Severity.WARNING, Meta.SQL_TO_MI, true, Meta.AG_PREREQUISITES, """
                    A partially contained database in an availability group needs the server option \
                    'contained database authentication' set to 1 on every replica, or its contained users \
                    cannot log in after a role change. Reads containment_desc from sys.databases and the \
                    option's value_in_use from sys.configurations on SQL Server; the managed instance's value \
                    is not read yet. The option lets contained users authenticate at the database, a security \
                    decision, so milink never applies it.""");

    @Override
    protected Finding evaluate(DatabaseFacts db, Facts facts, CheckContext context, Finding.Builder finding) {
        if (db.containment() == null || "NONE".equalsIgnoreCase(db.containment())) {
            return finding.pass(Why.quoted(db) + " is not a contained database.",
                    Evidence.of("containment NONE", "containment NONE, or the option on"));
        }
        Fact<Map<String, Long>> config = facts.server().configurations();
        Long value = config.orElse(Map.of()).get(OPTION);
        if (value == null) {
            return finding.unknown(Why.quoted(db) + " is contained (" + db.containment() + "), but '" + OPTION
                    + "' could not be read" + (config.isKnown() ? "." : ": " + config.reason()));
        }
        Evidence evidence = Evidence.of("containment " + db.containment() + ", '" + OPTION + "' = " + value,
                "'" + OPTION + "' = 1 on SQL Server and the managed instance");
        if (value == 1L) {
            return finding.pass(Why.quoted(db) + " is contained and '" + OPTION + "' is on (check the managed "
                    + "instance too).", evidence);
        }
        FixStep step = Steps.step(META, db, "contained-authentication", "Turn on '" + OPTION + "'")
                .phase(FixStep.Phase.INSTANCE).appliable(false)
                .script(ScriptKind.TSQL, "enable-contained-authentication.sql").build();
        return finding.warn(Why.quoted(db) + " is contained (" + db.containment() + ") but '" + OPTION + "' is "
                        + "off; its contained users cannot log in on a replica without it.", evidence,
                new Remediation("Turn on '" + OPTION + "' on SQL Server and on the managed instance after "
                        + "reviewing its security implications.", List.of(step)));
    }

    public ContainedDatabaseCheck() {
        super(META);
    }
}
