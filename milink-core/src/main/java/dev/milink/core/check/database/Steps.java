// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.FixStep;
import dev.milink.core.script.ScriptTemplate;
import dev.milink.core.check.Script;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.Fact;
import dev.milink.core.script.TSql;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the database checks' fix steps from the templates under {@code fix/<check-id>/}, and holds the one rule
 * deciding whether milink may apply a database change by itself.
 */
final class Steps {

    /** Plan order within the DATABASE phase: online, then options, then recovery model, then the backup. */
    static final int ORDER_ONLINE = 5;
    static final int ORDER_OPTIONS = 10;
    static final int ORDER_RECOVERY_MODEL = 20;
    static final int ORDER_FULL_BACKUP = 30;
    static final int ORDER_OTHER = 50;

    private Steps() {
    }

    /**
     * Why milink must not apply a change to {@code db} itself, or empty when it may. Changes are applied only to
     * an ONLINE database that is not in an availability group, is known not to be mirrored and is known not to
     * be a log-shipping primary: there the change belongs to the DBA's maintenance of those features (it may have
     * to happen on another replica, or in a window).
     */
    static Optional<String> unsafeToApply(DatabaseFacts db) {
        if (!db.isOnline()) {
            return Optional.of("the database is " + db.state());
        }
        if (db.inAvailabilityGroup()) {
            return Optional.of("the database is in an availability group");
        }
        return feature(db.mirrored(), "the database is mirrored", "its mirroring state could not be read")
                .or(() -> feature(db.logShippingPrimary(), "the database is a log-shipping primary",
                        "its log-shipping role could not be read"));
    }

    private static Optional<String> feature(Fact<Boolean> fact, String ifTrue, String ifUnknown) {
        return switch (fact) {
            case Fact.Known<Boolean> k -> k.value() ? Optional.of(ifTrue) : Optional.empty();
            case Fact.Unknown<Boolean> u -> Optional.of(ifUnknown);
        };
    }

    /** Starts a step for {@code db}; its id is {@code <check-id>/[<db>]/<action>}. */
    static Builder step(CheckMetadata meta, DatabaseFacts db, String action, String title) {
        return new Builder(meta, db, action, title);
    }

    /**
     * Fluent step construction; every script comes from a template and gets {@code db}, the database name that
     * templates quote per use ({@code {{db:tsql-name}}}, {@code {{db:tsql-string}}}).
     */
    static final class Builder {
        private final CheckMetadata meta;
        private final String id;
        private final String title;
        private final Map<String, String> values = new HashMap<>();
        private final List<Script> scripts = new ArrayList<>();
        private FixStep.Phase phase = FixStep.Phase.DATABASE;
        private int order = ORDER_OTHER;
        private boolean appliable;
        private String secret;

        private Builder(CheckMetadata meta, DatabaseFacts db, String action, String title) {
            this.meta = meta;
            this.id = meta.id() + "/" + TSql.quoteName(db.name()) + "/" + action;
            this.title = title;
            values.put("db", db.name());
        }

        /** A placeholder value, as it is: the template's placeholder says how it is quoted. */
        Builder value(String name, String value) {
            values.put(name, value);
            return this;
        }

        Builder order(int o) {
            order = o;
            return this;
        }

        Builder phase(FixStep.Phase p) {
            phase = p;
            return this;
        }

        Builder secret(String name) {
            secret = name;
            return this;
        }

        /** Appliable only if {@code blocker} is empty (see {@link Steps#unsafeToApply}). */
        Builder appliableUnless(Optional<String> blocker) {
            appliable = blocker.isEmpty();
            return this;
        }

        Builder appliable(boolean a) {
            appliable = a;
            return this;
        }

        /** Adds a script rendered from {@code fix/<check-id>/<template>}. */
        Builder script(ScriptKind kind, String template) {
            ScriptTemplate t = ScriptTemplate.fix(meta.id(), template);
            Map<String, String> v = new HashMap<>(values);
            scripts.add(Script.lazy(kind, () -> t.render(v)));
            return this;
        }

        FixStep build() {
            return new FixStep(id, title, phase, order, false, appliable, scripts, Optional.ofNullable(secret));
        }
    }
}
