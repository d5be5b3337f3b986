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
import java.util.Optional;
import java.util.function.Function;

/**
 * The shared shape of the "option must be X" checks (read-write, multi-user, auto-close, recovery model, Service
 * Broker): read one value from {@code sys.databases}, compare it with the required one, and on a miss offer one
 * T-SQL step from {@code fix/<check-id>/<template>}. A BLOCKER check FAILs, a WARNING check WARNs.
 *
 * <p>Each such check is a small final subclass that passes its metadata and these settings:
 *
 * @param meta        the check
 * @param current     the database's current value, as SQL Server names it (e.g. {@code SINGLE_USER})
 * @param required    the value the link needs
 * @param why         why the link needs it (appended to the finding message)
 * @param template    fix template name
 * @param action      step id suffix
 * @param stepTitle   step title; {@code %s} is the quoted database name
 * @param order       plan order of the step
 * @param applyPolicy why milink must not apply the step for this database, empty when it may
 */
abstract class OptionCheck extends PerDatabaseCheck {

    private final CheckMetadata meta;
    private final Function<DatabaseFacts, String> current;
    private final String required;
    private final String why;
    private final String template;
    private final String action;
    private final String stepTitle;
    private final int order;
    private final Function<DatabaseFacts, Optional<String>> applyPolicy;

    OptionCheck(CheckMetadata meta, Function<DatabaseFacts, String> current, String required, String why,
                String template, String action, String stepTitle, int order,
                Function<DatabaseFacts, Optional<String>> applyPolicy) {
        super(meta);
        this.meta = meta;
        this.current = current;
        this.required = required;
        this.why = why;
        this.template = template;
        this.action = action;
        this.stepTitle = stepTitle;
        this.order = order;
        this.applyPolicy = applyPolicy;
    }

    @Override
    protected final Finding evaluate(DatabaseFacts db, Facts facts, CheckContext context, Finding.Builder finding) {
        String value = current.apply(db);
        Evidence evidence = Evidence.of(value, required);
        if (required.equalsIgnoreCase(value)) {
            return finding.pass(Why.quoted(db) + " is " + value + ".", evidence);
        }
        Optional<String> blocker = applyPolicy.apply(db);
        String summary = "Set " + Why.quoted(db) + " to " + required + "."
                + blocker.map(b -> " milink does not apply this step itself: " + b + ".").orElse("");
        Remediation fix = new Remediation(summary, List.of(
                Steps.step(meta, db, action, stepTitle.formatted(Why.quoted(db)))
                        .order(order).appliableUnless(blocker).script(ScriptKind.TSQL, template).build()));
        String message = Why.quoted(db) + " is " + value + "; " + why;
        return meta.severity() == Severity.BLOCKER
                ? finding.fail(message, evidence, fix)
                : finding.warn(message, evidence, fix);
    }
}
