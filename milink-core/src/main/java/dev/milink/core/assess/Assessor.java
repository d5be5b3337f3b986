// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.assess;

import dev.milink.core.check.Check;
import dev.milink.core.catalog.CheckCatalog;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Scope;
import dev.milink.core.check.Target;
import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.Facts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Runs checks over facts. Pure: no I/O, so the same facts always give the same findings.
 *
 * <p>This is your starting point for judging facts you already have:
 * <pre>{@code
 * Facts facts = ...; // from SqlServerCollector or a collect-script output
 * CheckContext ctx = CheckContext.of(Direction.SQL_TO_MI, BuildReferences.bundled());
 * List<Finding> findings = Assessor.of(CheckCatalog.standard()).evaluate(facts, ctx, DatabaseSelection.ALL_USER);
 * }</pre>
 *
 * @since 0.1
 */
public final class Assessor {

    private final CheckCatalog catalog;

    private Assessor(CheckCatalog catalog) {
        this.catalog = catalog;
    }

    public static Assessor of(CheckCatalog catalog) {
        return new Assessor(catalog);
    }

    /**
     * Evaluates every check. A check that does not apply to the context's direction yields one SKIPPED finding
     * per target; a database check runs once per database chosen by {@code selection}. A check that throws is a
     * bug; it becomes an UNKNOWN finding naming the exception type instead of failing the whole run.
     */
    public List<Finding> evaluate(Facts facts, CheckContext context, DatabaseSelection selection) {
        String instance = facts.server().target();
        List<DatabaseFacts> databases = facts.server().databases().orElse(List.of()).stream()
                .filter(selection).toList();
        List<Finding> out = new ArrayList<>();
        for (Check check : catalog.checks()) {
            boolean applies = check.metadata().appliesTo(context.direction());
            if (check.metadata().scope() == Scope.DATABASE && check instanceof Check.DatabaseCheck dc) {
                if (!facts.server().databases().isKnown()) {
                    out.add(Finding.of(check.metadata(), Target.instance(instance))
                            .unknown("Databases could not be listed: " + facts.server().databases().reason()));
                    continue;
                }
                for (DatabaseFacts db : databases) {
                    Target t = Target.database(instance, db.name());
                    out.add(applies ? safely(check, t, () -> List.of(dc.evaluate(db, facts, context))).getFirst()
                            : notInDirection(check, t, context));
                }
            } else {
                Target t = Target.instance(instance);
                out.addAll(applies ? safely(check, t, () -> check.evaluate(facts, context))
                        : List.of(notInDirection(check, t, context)));
            }
        }
        return List.copyOf(out);
    }

    private static Finding notInDirection(Check check, Target t, CheckContext context) {
        return Finding.of(check.metadata(), t)
                .skipped("Does not apply to links in the " + context.direction().label() + " direction.");
    }

    private static List<Finding> safely(Check check, Target t, java.util.function.Supplier<List<Finding>> run) {
        try {
            List<Finding> result = run.get();
            if (result == null || result.isEmpty()) {
                return List.of(Finding.of(check.metadata(), t).unknown("The check produced no result (a bug)."));
            }
            return result;
        } catch (RuntimeException e) {
            return List.of(Finding.of(check.metadata(), t)
                    .unknown("The check failed with " + e.getClass().getSimpleName() + " (a bug); see the debug log."));
        }
    }

    /** Which databases database-scoped checks judge. */
    public interface DatabaseSelection extends Predicate<DatabaseFacts> {

        /** Every user database (database_id above 4). */
        DatabaseSelection ALL_USER = db -> !db.isSystem();

        /** The named databases, or every user database when {@code names} is empty ({@code --database}'s rule). */
        static DatabaseSelection of(Collection<String> names) {
            return names.isEmpty() ? ALL_USER : named(Set.copyOf(names));
        }

        /** The named databases (exact, case-insensitive names), system ones included if named. */
        static DatabaseSelection named(Set<String> names) {
            Set<String> lower = names.stream().map(n -> n.toLowerCase(java.util.Locale.ROOT))
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
            return db -> lower.contains(db.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
