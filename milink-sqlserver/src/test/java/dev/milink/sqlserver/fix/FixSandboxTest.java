// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.assess.Assessor;
import dev.milink.core.buildref.BuildReferences;
import dev.milink.core.catalog.CheckCatalog;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Status;
import dev.milink.core.fix.FixPlan;
import dev.milink.core.fix.FixPlanner;
import dev.milink.core.fix.PlannedStep;
import dev.milink.core.model.Direction;
import dev.milink.core.model.Facts;
import dev.milink.core.secret.Secret;
import dev.milink.sandbox.engine.Faults;
import dev.milink.sandbox.server.SandboxInstance;
import dev.milink.sqlserver.collect.JdbcSqlServerCollector;
import dev.milink.sqlserver.testing.ScenarioSandbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Collect → check → plan → apply → collect again, on a fresh {@code unprepared-2019} sandbox per test, through the
 * real collector, checks and mssql-jdbc.
 */
class FixSandboxTest {

    static final String BACKUP_DIR = "D:\\Backups";

    private final ScenarioSandbox sandbox = ScenarioSandbox.of("unprepared-2019"); // one per test
    private final SandboxInstance sql = sandbox.sql();
    private final Secret dmk = DmkPasswords.generate();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void applyingThePlanMakesEveryTsqlFixableFindingPassAndASecondPlanHasNothingToApply() {
        List<Finding> before = findings();
        FixPlan plan = plan(before);
        assertThat(plan.appliable()).isNotEmpty();

        FixResult result = executor().apply(plan, sandbox.settings(), secrets(), ProgressListener.NONE);

        assertThat(result.failure()).as("failure").isEmpty();
        assertThat(result.done()).hasSize(plan.appliable().size());
        List<Finding> after = findings();
        Map<String, Status> afterStatus = after.stream()
                .collect(Collectors.toMap(FixSandboxTest::key, Finding::status, (a, b) -> a));
        // a finding whose steps are all T-SQL passes; one that also had a manual step passes or keeps only manual
        // steps: DBCC TRACEON turns a flag on now but cannot make it a -T startup parameter
        Set<String> needsHostStep = keys(plan.manual());
        FixPlan second = plan(after);
        Set<String> passing = new java.util.TreeSet<>();
        for (PlannedStep s : plan.appliable()) {
            for (String check : s.checkIds()) {
                String key = check + "|" + s.target();
                if (needsHostStep.contains(key) && afterStatus.get(key) != Status.PASS) {
                    assertThat(second.steps()).as(key + " after " + s.step().id())
                            .filteredOn(p -> keys(List.of(p)).contains(key)).isNotEmpty()
                            .allMatch(p -> !p.appliable());
                } else {
                    assertThat(afterStatus.get(key)).as(key + " after " + s.step().id()).isEqualTo(Status.PASS);
                    passing.add(check);
                }
            }
        }
        assertThat(passing).contains("MIL-I2", "MIL-I8", "MIL-I9", "MIL-I12", "MIL-D5", "MIL-D6", "MIL-D7");
        assertThat(second.appliable()).isEmpty();
    }

    @Test
    void identifiersWithBracketsQuotesSpacesAndNonLatinLettersAreFixedEndToEnd() {
        FixPlan plan = plan(findings());
        assertThat(plan.appliable()).extracting(s -> s.target().database())
                .contains("Sales]Q1", "O'Brien DB");

        assertThat(executor().apply(plan, sandbox.settings(), secrets(), ProgressListener.NONE).succeeded()).isTrue();

        List<Finding> after = findings();
        assertThat(after).filteredOn(f -> f.target().database() != null
                        && Set.of("Sales]Q1", "O'Brien DB").contains(f.target().database()))
                .filteredOn(f -> Set.of("MIL-D6", "MIL-D7").contains(f.checkId()))
                .extracting(Finding::status).containsOnly(Status.PASS);
    }

    @Test
    void aLockTimeoutMidPlanStopsCleanlyAndARunAfterTheFaultIsClearedCompletes() {
        FixPlan plan = plan(findings());
        sql.setFaults(new Faults(Duration.ZERO, Duration.ZERO, 0, List.of(new Faults.StatementError(
                Pattern.compile("ALTER DATABASE \\[O'Brien DB] SET RECOVERY"), 1222, 16,
                "Lock request time out period exceeded.", -1))));

        FixResult failed = executor().apply(plan, sandbox.settings(), secrets(), ProgressListener.NONE);

        StepOutcome.Failed f = failed.failure().orElseThrow();
        assertThat(f.errorNumber()).isEqualTo(1222);
        assertThat(f.step().target().database()).isEqualTo("O'Brien DB");
        assertThat(failed.done()).isNotEmpty();
        assertThat(failed.notRun()).isNotEmpty();
        assertThat(failed.done().size() + 1 + failed.notRun().size()).isEqualTo(plan.appliable().size());

        sql.setFaults(Faults.NONE);
        FixPlan resumed = plan(findings());
        assertThat(resumed.appliable()).hasSize(failed.notRun().size() + 1);
        assertThat(executor().apply(resumed, sandbox.settings(), secrets(), ProgressListener.NONE).succeeded()).isTrue();
        assertThat(plan(findings()).appliable()).isEmpty();
    }

    @Test
    void aBackupDeviceErrorStopsTheRunAndTheRerunResumes() {
        FixPlan plan = plan(findings());
        sql.setFaults(new Faults(Duration.ZERO, Duration.ZERO, 0, List.of(new Faults.StatementError(
                Pattern.compile("BACKUP DATABASE \\[HRDB]"), 3201, 16,
                "Cannot open backup device 'D:\\Backups\\HRDB.bak'. Operating system error 5(Access is denied.).", 1))));

        FixResult failed = executor().apply(plan, sandbox.settings(), secrets(), ProgressListener.NONE);

        assertThat(failed.failure().orElseThrow().errorNumber()).isEqualTo(3201);
        FixResult rerun = executor().apply(plan(findings()), sandbox.settings(), secrets(), ProgressListener.NONE);
        assertThat(rerun.succeeded()).isTrue();
        assertThat(plan(findings()).appliable()).isEmpty();
    }

    private FixExecutor executor() {
        return FixExecutor.of(ApplyOptions.DEFAULT);
    }

    private Secrets secrets() {
        return Secrets.of(Map.of(DmkPasswords.VARIABLE, dmk));
    }

    private List<Finding> findings() {
        CheckContext context = CheckContext.of(BuildReferences.bundled()).withBackupPath(BACKUP_DIR);
        return Assessor.of(CheckCatalog.standard()).evaluate(Facts.of(new JdbcSqlServerCollector().collect(sandbox.settings()), Direction.SQL_TO_MI),
                context, Assessor.DatabaseSelection.ALL_USER);
    }

    private static FixPlan plan(List<Finding> findings) {
        return FixPlanner.plan("sql", findings, FixPlanner.Options.DEFAULT);
    }

    private static Set<String> keys(List<PlannedStep> steps) {
        return steps.stream().flatMap(s -> s.checkIds().stream().map(c -> c + "|" + s.target()))
                .collect(Collectors.toSet());
    }

    private static String key(Finding f) {
        return f.checkId() + "|" + f.target();
    }
}
