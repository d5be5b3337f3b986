// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.buildref.BuildReferences;
import dev.milink.core.check.Check;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Status;
import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.Fact;
import dev.milink.core.model.Direction;
import dev.milink.core.model.Facts;
import dev.milink.core.testing.TestFacts;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Shared helpers for the database check tests: fixed clock at {@link TestFacts#NOW}, one-database runs. */
final class DbFixture {

    /** No --backup-dir; clock at 2026-06-01T00:00:00Z. */
    static final CheckContext CONTEXT = CheckContext.of(BuildReferences.bundled())
            .withClock(Clock.fixed(TestFacts.NOW, ZoneOffset.UTC));
    /** With --backup-dir D:\Backup. */
    static final CheckContext WITH_DIR = CONTEXT.withBackupPath("D:\\Backup");

    /** Names that break naive quoting: ], ', spaces, Cyrillic, CJK. */
    static final List<String> AWKWARD_NAMES = List.of("O'Brien]DB", "Sales Q1 2024", "Ведомости", "販売",
            "a]]b'c d");

    private DbFixture() {
    }

    /** Runs {@code check} on the ready database Sales after {@code change}. */
    static Finding run(Check.DatabaseCheck check, UnaryOperator<DatabaseFacts> change) {
        return run(check, TestFacts.ready().database("Sales", change), "Sales", CONTEXT);
    }

    static Finding run(Check.DatabaseCheck check, TestFacts facts, String database, CheckContext context) {
        Facts f = facts.build();
        DatabaseFacts db = f.server().databases().orElse(List.of()).stream()
                .filter(d -> d.name().equals(database)).findFirst().orElseThrow();
        return check.evaluate(db, f, context);
    }

    /** Runs {@code check} on a ready database with the given name, changed by {@code change}. */
    static Finding runNamed(Check.DatabaseCheck check, String name, UnaryOperator<DatabaseFacts> change,
                            CheckContext context) {
        return run(check, TestFacts.ready().addDatabase(change.apply(TestFacts.readyDatabase(6, name))), name,
                context);
    }

    static DatabaseFacts set(DatabaseFacts d, String component, Object value) {
        return TestFacts.with(d, component, value);
    }

    /**
     * Runs {@code check} on Sales with {@code component} unreadable for {@code reason}; asserts UNKNOWN with a message
     * that contains each of {@code said}.
     */
    static Finding unreadable(Check.DatabaseCheck check, String component, String reason, String... said) {
        Finding f = run(check, d -> set(d, component, Fact.unknown(reason)));
        assertThat(f.status()).as(component + " unreadable").isEqualTo(Status.UNKNOWN);
        if (said.length > 0) {
            assertThat(f.message()).contains(said);
        }
        return f;
    }

    /** All scripts of one kind across the finding's steps, joined. */
    static String scripts(Finding f, ScriptKind kind) {
        return f.remediation().steps().stream().flatMap(s -> s.script(kind).stream())
                .map(s -> s.text()).collect(Collectors.joining("\n"));
    }

    /** {@code f} FAILs saying {@code message}, with one step milink never applies, its T-SQL holding {@code tsql}. */
    static void assertManualFix(Finding f, String message, String tsql) {
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains(message);
        assertThat(onlyStep(f).appliable()).isFalse();
        assertThat(scripts(f, ScriptKind.TSQL)).contains(tsql);
    }

    static FixStep onlyStep(Finding f) {
        if (f.remediation().steps().size() != 1) {
            throw new AssertionError("expected one step, got " + f.remediation().steps());
        }
        return f.remediation().steps().getFirst();
    }
}
