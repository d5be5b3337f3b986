// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import static dev.milink.core.check.database.DbFixture.onlyStep;
import static dev.milink.core.check.database.DbFixture.run;
import static dev.milink.core.check.database.DbFixture.runNamed;
import static dev.milink.core.check.database.DbFixture.scripts;
import static dev.milink.core.check.database.DbFixture.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Check;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Status;
import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.Fact;
import dev.milink.core.script.TSql;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** MIL-D3 read-write, MIL-D4 multi-user, MIL-D5 auto-close, MIL-D6 recovery model: the shared option shape. */
class MilD03to06OptionChecksTest {

    record Case(Check.DatabaseCheck check, UnaryOperator<DatabaseFacts> breakIt, String observed, String sql,
                boolean appliableWhenSafe, int order) {
        @Override
        public String toString() {
            return check.metadata().id();
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(new ReadWriteCheck(), d -> set(d, "readOnly", true), "READ_ONLY",
                        "ALTER DATABASE %s SET READ_WRITE WITH NO_WAIT;", false, Steps.ORDER_OPTIONS),
                new Case(new MultiUserCheck(), d -> set(d, "userAccess", "SINGLE_USER"), "SINGLE_USER",
                        "ALTER DATABASE %s SET MULTI_USER WITH NO_WAIT;", true, Steps.ORDER_OPTIONS),
                new Case(new AutoCloseOffCheck(), d -> set(d, "autoClose", true), "AUTO_CLOSE ON",
                        "ALTER DATABASE %s SET AUTO_CLOSE OFF;", true, Steps.ORDER_OPTIONS),
                new Case(new FullRecoveryCheck(), d -> set(d, "recoveryModel", "SIMPLE"), "SIMPLE",
                        "ALTER DATABASE %s SET RECOVERY FULL;", true, Steps.ORDER_RECOVERY_MODEL));
    }

    static Stream<Arguments> casesWithNames() {
        return cases().flatMap(c -> DbFixture.AWKWARD_NAMES.stream().map(n -> Arguments.of(c, n)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readyDatabasePasses(Case c) {
        Finding f = run(c.check(), d -> d);
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.remediation().isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void brokenOptionFailsAsBlockerWithItsStep(Case c) {
        Finding f = run(c.check(), c.breakIt());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.isBlocking()).isTrue();
        assertThat(f.message()).startsWith("'Sales' is " + c.observed() + ";");
        assertThat(f.evidence().observed()).isEqualTo(c.observed());
        FixStep step = onlyStep(f);
        assertThat(step.phase()).isEqualTo(FixStep.Phase.DATABASE);
        assertThat(step.order()).isEqualTo(c.order());
        assertThat(step.appliable()).isEqualTo(c.appliableWhenSafe());
        assertThat(step.id()).startsWith(c.check().metadata().id() + "/[Sales]/");
        assertThat(scripts(f, ScriptKind.TSQL)).contains(c.sql().formatted("[Sales]"))
                .doesNotContain("ROLLBACK IMMEDIATE");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("casesWithNames")
    void everyNameIsQuotedInTheScript(Case c, String name) {
        Finding f = runNamed(c.check(), name, c.breakIt(), DbFixture.CONTEXT);
        assertThat(scripts(f, ScriptKind.TSQL)).contains(c.sql().formatted(TSql.quoteName(name)));
        assertThat(onlyStep(f).id()).contains(TSql.quoteName(name));
    }

    static Stream<Arguments> unsafeDatabases() {
        return cases().filter(Case::appliableWhenSafe).flatMap(c -> Stream.of(
                Arguments.of(c, (UnaryOperator<DatabaseFacts>) d -> set(d, "inAvailabilityGroup", true),
                        "availability group"),
                Arguments.of(c, (UnaryOperator<DatabaseFacts>) d -> set(d, "mirrored", Fact.of(true)), "mirrored"),
                Arguments.of(c, (UnaryOperator<DatabaseFacts>) d -> set(d, "mirrored", Fact.unknown("denied")),
                        "mirroring state could not be read"),
                Arguments.of(c, (UnaryOperator<DatabaseFacts>) d -> set(d, "logShippingPrimary", Fact.of(true)),
                        "log-shipping primary"),
                Arguments.of(c, (UnaryOperator<DatabaseFacts>) d -> set(d, "state", "OFFLINE"), "OFFLINE")));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("unsafeDatabases")
    void neverAppliedToADatabaseInAnotherFeatureOrOffline(Case c, UnaryOperator<DatabaseFacts> unsafe,
                                                          String reason) {
        Finding f = run(c.check(), d -> unsafe.apply(c.breakIt().apply(d)));
        assertThat(onlyStep(f).appliable()).isFalse();
        assertThat(f.remediation().summary()).contains("milink does not apply this step itself", reason);
    }

    @Test
    void readOnlyIsNeverAppliedBecauseItMayBeByDesign() {
        Finding f = run(new ReadWriteCheck(), d -> set(d, "readOnly", true));
        assertThat(f.remediation().summary()).contains("by design");
        assertThat(scripts(f, ScriptKind.TSQL)).contains("exclusive access");
    }

    @Test
    void restrictedUserAlsoFails() {
        Finding f = run(new MultiUserCheck(), d -> set(d, "userAccess", "RESTRICTED_USER"));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.evidence()).satisfies(e -> {
            assertThat(e.observed()).isEqualTo("RESTRICTED_USER");
            assertThat(e.expected()).isEqualTo("MULTI_USER");
        });
    }

    @Test
    void bulkLoggedFailsAndPointsAtTheBackup() {
        Finding f = run(new FullRecoveryCheck(), d -> set(d, "recoveryModel", "BULK_LOGGED"));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("BULK_LOGGED", "MIL-D7");
    }

    @Test
    void recoveryModelDoesNotApplyWhenTheManagedInstanceIsPrimary() {
        assertThat(FullRecoveryCheck.META.appliesTo(dev.milink.core.model.Direction.MI_TO_SQL)).isFalse();
        assertThat(LogChainCheck.META.appliesTo(dev.milink.core.model.Direction.MI_TO_SQL)).isFalse();
    }
}
