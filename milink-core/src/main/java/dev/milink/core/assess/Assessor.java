// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.assess;

import dev.milink.core.check.Check;
import dev.milink.core.catalog.CheckCatalog;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Part;
import dev.milink.core.check.Scope;
import dev.milink.core.check.Target;
import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.Facts;
import dev.milink.core.model.Input;
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
 * CheckContext ctx = CheckContext.of(BuildReferences.bundled());
 * List<Finding> findings = Assessor.of(CheckCatalog.standard()).evaluate(facts, ctx, DatabaseSelection.ALL_USER);
 * }</pre>
 *
 * @since 0.1
 */
public final class Assessor {

    private static final System.Logger LOG = System.getLogger(Assessor.class.getName());

    private final CheckCatalog catalog;
    private final CheckFailureListener failures;

    private Assessor(CheckCatalog catalog, CheckFailureListener failures) {
        this.catalog = catalog;
        this.failures = failures;
    }

    public static Assessor of(CheckCatalog catalog) {
        return new Assessor(catalog, (check, target, error) -> { });
    }

    /** The same assessor, telling {@code listener} about every check that throws (the finding says ERROR). */
    public Assessor onCheckFailure(CheckFailureListener listener) {
        return new Assessor(catalog, java.util.Objects.requireNonNull(listener, "listener"));
    }

    /** Hears about a check that threw: a bug in milink, reported as an ERROR finding; the run goes on. */
    @FunctionalInterface
    public interface CheckFailureListener {
        void failed(dev.milink.core.check.CheckMetadata check, Target target, Throwable error);
    }

    /**
     * Evaluates every check. A check that does not apply to the link's direction yields one SKIPPED finding
     * per target; a check that needs a part of the link that was not given is SKIPPED, one that could not be read
     * UNKNOWN, both with the reason; a database check runs once per database chosen by {@code selection}. A check
     * that throws is a bug: it becomes an ERROR finding naming the exception, the other checks still run, and the
     * stack trace goes to the debug log ({@code --verbose}, {@code --log-file}).
     */
    public List<Finding> evaluate(Facts facts, CheckContext context, DatabaseSelection selection) {
        String instance = facts.server().target();
        List<DatabaseFacts> databases = facts.server().databases().orElse(List.of()).stream()
                .filter(selection).toList();
        List<Finding> out = new ArrayList<>();
        for (Check check : catalog.checks()) {
            boolean applies = check.metadata().appliesTo(facts.direction());
            Input<?> missing = missingPart(check, facts);
            if (applies && missing != null) {
                Finding.Builder b = Finding.of(check.metadata(), Target.instance(instance));
                out.add(missing instanceof Input.NotGiven<?> ? b.skipped(missing.reason()) : b.unknown(missing.reason()));
                continue;
            }
            if (check.metadata().scope() == Scope.DATABASE && check instanceof Check.DatabaseCheck dc) {
                if (!facts.server().databases().isKnown()) {
                    out.add(Finding.of(check.metadata(), Target.instance(instance))
                            .unknown("Databases could not be listed: " + facts.server().databases().reason()));
                    continue;
                }
                for (DatabaseFacts db : databases) {
                    Target t = Target.database(instance, db.name());
                    out.add(applies ? safely(check, t, () -> List.of(dc.evaluate(db, facts, context))).getFirst()
                            : notInDirection(check, t, facts));
                }
            } else {
                Target t = Target.instance(instance);
                out.addAll(applies ? safely(check, t, () -> check.evaluate(facts, context))
                        : List.of(notInDirection(check, t, facts)));
            }
        }
        return List.copyOf(out);
    }

    /** The first part the check needs that is not present, or null. */
    private static Input<?> missingPart(Check check, Facts facts) {
        for (Part p : check.metadata().needs()) {
            Input<?> in = switch (p) {
                case SQL_SERVER -> Input.of(facts.server());
                case MANAGED_INSTANCE -> facts.managedInstance();
                case NETWORK -> facts.network();
            };
            if (!in.isPresent()) {
                return in;
            }
        }
        return null;
    }

    private static Finding notInDirection(Check check, Target t, Facts facts) {
        return Finding.of(check.metadata(), t)
                .skipped("Does not apply to links in the " + facts.direction().label() + " direction.");
    }

    private List<Finding> safely(Check check, Target t, java.util.function.Supplier<List<Finding>> run) {
        try {
            List<Finding> result = run.get();
            if (result == null || result.isEmpty()) {
                return List.of(Finding.of(check.metadata(), t).unknown("The check produced no result (a bug)."));
            }
            return result;
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(System.Logger.Level.WARNING, "check " + check.metadata().id() + " failed on " + t, e);
            failures.failed(check.metadata(), t, e);
            return List.of(Finding.of(check.metadata(), t).error(errorMessage(e)));
        }
    }

    /** "The check failed: IllegalStateException: …" with the exception's own message, one line. */
    static String errorMessage(Throwable e) {
        String msg = e.getMessage() == null ? "" : ": " + e.getMessage().strip().replaceAll("\\s+", " ");
        if (msg.length() > 300) {
            msg = msg.substring(0, 300) + "…";
        }
        return "The check failed with " + e.getClass().getName() + msg + " (a bug in milink; the stack trace is"
                + " in the debug log: rerun with --verbose or --log-file FILE, and report it).";
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
