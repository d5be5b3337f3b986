// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.core.assess.CheckConfig;
import dev.milink.core.catalog.CheckCatalog;
import dev.milink.core.check.Finding;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Status;
import dev.milink.core.error.ExitStatus;
import dev.milink.core.error.MilinkException;
import dev.milink.core.fix.FixPlan;
import dev.milink.core.model.DatabaseFacts.Backups;
import dev.milink.core.model.Fact;
import dev.milink.core.model.Input;
import dev.milink.core.model.NetworkFacts;
import dev.milink.core.model.NetworkFacts.Outcome;
import dev.milink.core.model.NetworkFacts.PathDirection;
import dev.milink.core.model.NetworkFacts.PathResult;
import dev.milink.core.testing.TestFacts;
import dev.milink.sqlserver.connect.SqlError;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The facade on hand-built facts: one report for many links, failures per target, the one exit rule, the hooks. */
class MilinkTest {

    private final Milink milink = Milink.configure().clock(Clock.fixed(TestFacts.NOW, ZoneOffset.UTC)).load();

    private static Source ready(String label) {
        return Source.of(label, () -> TestFacts.ready().buildServer());
    }

    private static Finding n9(Assessment a) {
        return a.report().findings().stream().filter(f -> f.checkId().equals("MIL-N9")).findFirst().orElseThrow();
    }

    @Test
    void aReadyLinkIsReadyAndTheNetworkCheckSaysItWasNotTested() {
        Assessment a = milink.assess(AssessmentRequest.of(List.of(ready("sql01"))));

        assertThat(a.exitStatus()).isEqualTo(ExitStatus.READY);
        assertThat(a.report().targets()).containsExactly("sql01");
        assertThat(a.links()).singleElement().satisfies(l -> assertThat(l.managedInstance()).isInstanceOf(
                Input.NotGiven.class));
        assertThat(n9(a).status()).isEqualTo(Status.SKIPPED);
    }

    @Test
    void aTargetThatCannotBeReadCostsItselfOnlyAndOutranksTheVerdict() {
        Assessment a = milink.assess(AssessmentRequest.of(List.of(ready("sql01"), Source.of("sql02", () -> {
            throw new MilinkException(SqlError.SQL_UNREACHABLE, "Could not reach sql02:1433.");
        }))));

        assertThat(a.report().targets()).containsExactly("sql01");
        assertThat(a.failures()).singleElement().satisfies(f -> assertThat(f.target()).isEqualTo("sql02"));
        assertThat(a.report().notes()).anyMatch(n -> n.startsWith("Not assessed: sql02: Could not reach"));
        assertThat(a.exitStatus()).isEqualTo(ExitStatus.CONNECT);
    }

    @Test
    void aCollectorBugIsAnErrorFindingOfThatTargetOnly() {
        Assessment a = milink.assess(AssessmentRequest.of(List.of(ready("sql01"), Source.of("sql02", () -> {
            throw new IllegalStateException("unexpected row");
        }))));

        assertThat(a.failures()).isEmpty();
        assertThat(a.report().targets()).containsExactly("sql01", "sql02");
        assertThat(a.report().findings()).filteredOn(f -> f.status() == Status.ERROR).singleElement()
                .satisfies(f -> {
                    assertThat(f.checkId()).isEqualTo("MIL-C1");
                    assertThat(f.target().instance()).isEqualTo("sql02");
                    assertThat(f.message()).contains("java.lang.IllegalStateException: unexpected row while"
                            + " collecting sql02");
                });
        assertThat(a.checkFailures()).singleElement().satisfies(c -> {
            assertThat(c.checkId()).isEqualTo("MIL-C1");
            assertThat(c.error()).isInstanceOf(IllegalStateException.class).hasMessage("unexpected row");
        });
        assertThat(a.exitStatus()).isEqualTo(ExitStatus.INTERNAL);
    }

    @Test
    void nothingReadableIsTheFirstError() {
        assertThatThrownBy(() -> milink.assess(AssessmentRequest.of(List.of(Source.of("sql02", () -> {
            throw new MilinkException(SqlError.SQL_LOGIN_FAILED, "Login failed for sa.");
        }))))).isInstanceOf(MilinkException.class).hasMessage("Login failed for sa.");
    }

    @Test
    void networkResultsAreJudgedByTheOneRule() {
        NetworkFacts blocked = new NetworkFacts(TestFacts.NOW, List.of(
                new PathResult(PathDirection.SQL_TO_MI, "the link's endpoint", "mi.example", 5022, "SQL Agent job",
                        Outcome.FILTERED, "filtered", null, "", List.of("Allow TCP 5022 to the MI subnet.")),
                new PathResult(PathDirection.MI_TO_SQL, "SQL Server's endpoint", "10.0.0.4", 5022, "SQL Agent job",
                        Outcome.REACHABLE, "TCP reachable", null, "", List.of())), List.of());

        Assessment a = milink.assess(AssessmentRequest.of(List.of(ready("sql01"))).withNetwork(blocked));

        assertThat(n9(a).status()).isEqualTo(Status.FAIL);
        assertThat(n9(a).remediation().summary()).isEqualTo("Allow TCP 5022 to the MI subnet.");
        assertThat(a.exitStatus()).isEqualTo(ExitStatus.NOT_READY);
    }

    @Test
    void aManagedInstanceSourceThatThrowsLeavesThatEndUnreadable() {
        Assessment a = milink.assess(AssessmentRequest.of(List.of(ready("sql01"))).withManagedInstance(() -> {
            throw new IllegalStateException("ARM said 503");
        }));

        assertThat(a.links().getFirst().managedInstance()).isInstanceOf(Input.Unreadable.class);
        assertThat(a.links().getFirst().managedInstance().reason()).contains("ARM said 503");
    }

    @Test
    void eachSourceIsJudgedWithItsOwnManagedInstanceReadOnceAndOthersWithTheRunsOrNone() {
        java.util.concurrent.atomic.AtomicInteger emeaReads = new java.util.concurrent.atomic.AtomicInteger();
        ManagedInstanceSource emea = () -> {
            emeaReads.incrementAndGet();
            return Input.of(dev.milink.core.testing.TestMi.ready().build());
        };
        ManagedInstanceSource stopped = () -> Input.of(dev.milink.core.testing.TestMi.ready()
                .instance("state", "Stopped").build());
        AssessmentRequest perRow = AssessmentRequest.of(List.of(named("sql01"), named("sql02"), named("sql03"),
                named("sql04"))).withManagedInstanceFor("sql01", emea).withManagedInstanceFor("sql02", emea)
                .withManagedInstanceFor("sql03", stopped);

        Assessment a = milink.assess(perRow);

        assertThat(emeaReads).hasValue(1); // two rows, one instance: read once
        assertThat(m7(a, "sql01").status()).isEqualTo(Status.PASS);
        assertThat(m7(a, "sql02").status()).isEqualTo(Status.PASS);
        assertThat(m7(a, "sql03").status()).isEqualTo(Status.FAIL);
        assertThat(m7(a, "sql04").status()).isEqualTo(Status.SKIPPED);
        // a run-wide instance is the default of the rows that name none
        Assessment withRun = milink.assess(perRow.withManagedInstance(stopped));
        assertThat(m7(withRun, "sql04").status()).isEqualTo(Status.FAIL);
        assertThat(m7(withRun, "sql01").status()).isEqualTo(Status.PASS);
    }

    /** A ready server whose facts carry {@code label} as its name, so findings tell the rows apart. */
    private static Source named(String label) {
        return Source.of(label, () -> TestFacts.ready().server(f -> TestFacts.copy(f, "target", label))
                .buildServer());
    }

    private static Finding m7(Assessment a, String instance) {
        return a.report().findings().stream().filter(f -> f.checkId().equals("MIL-M7")
                && f.target().instance().equals(instance)).findFirst().orElseThrow();
    }

    @Test
    void perCheckConfigurationReachesEveryFindingBeforeTheReportAndTheExitCode() {
        Source simple = Source.of("sql01", () -> TestFacts.ready().database("Sales",
                d -> TestFacts.withRecovery(d, "SIMPLE")).buildServer());
        CheckConfig config = CheckConfig.builder(CheckCatalog.standard())
                .suppress(new CheckConfig.Suppression(null, null, "Sales", "Sales moves with the next release", null))
                .build();
        Milink configured = Milink.configure().clock(Clock.fixed(TestFacts.NOW, ZoneOffset.UTC)).checks(config)
                .load();

        assertThat(milink.assess(AssessmentRequest.of(List.of(simple))).exitStatus()).isEqualTo(ExitStatus.NOT_READY);
        Assessment a = configured.assess(AssessmentRequest.of(List.of(simple)));
        assertThat(a.report().findings()).filteredOn(f -> "Sales".equals(f.target().database()))
                .anyMatch(f -> f.status() == Status.SUPPRESSED && f.suppression().was() == Status.FAIL)
                .noneMatch(f -> f.status() == Status.FAIL);
        assertThat(a.exitStatus()).isEqualTo(ExitStatus.READY);
    }

    @Test
    void theBackupPathIsAFixOption() {
        Source noChain = Source.of("sql01", () -> TestFacts.ready().database("Sales", d -> TestFacts.with(
                TestFacts.with(d, "backups", Fact.of(Backups.NONE)), "logChainStarted", Fact.of(false)))
                .buildServer());
        Assessment a = milink.assess(AssessmentRequest.of(List.of(noChain)));

        FixPlan without = milink.plan(a, null).getFirst();
        FixPlan with = milink.plan(a, "D:\\Backup").getFirst();

        assertThat(script(without)).contains("$(MILINK_BACKUP_DIR)");
        assertThat(script(with)).contains("TO DISK = N'D:\\Backup\\Sales_20260601000000.bak'");
        assertThat(with.appliable()).hasSizeGreaterThan(without.appliable().size());
    }

    private static String script(FixPlan plan) {
        return plan.steps().stream().map(s -> s.step().script(ScriptKind.TSQL).map(t -> t.text()).orElse(""))
                .reduce("", String::concat);
    }

    @Test
    void errorCodesComeFromEveryModuleWithTheirText() {
        assertThat(Milink.errorCodes()).extracting(c -> c.name()).contains("USAGE", "INTERNAL", "SQL_UNREACHABLE",
                "FIX_STEP_FAILED");
        assertThat(Milink.errorCodes()).allSatisfy(c -> assertThat(c.causedBy() + c.solution()).isNotBlank());
    }
}
