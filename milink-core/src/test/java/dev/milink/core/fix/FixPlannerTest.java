// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Area;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.FixStep.Phase;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Script;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.check.Target;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FixPlannerTest {

    private static final Target SQL = Target.instance("sql01");

    @Test
    void ordersHostThenInstanceThenDatabaseAndPrerequisitesFirst() {
        FixStep backup = tsql("MIL-D7/[Sales]/backup", Phase.DATABASE, 20);
        FixStep recovery = tsql("MIL-D6/[Sales]/recovery-full", Phase.DATABASE, 10);
        FixStep dmk = tsql("MIL-I2/create-dmk", Phase.INSTANCE, 10);
        FixStep hadr = manual("MIL-I3/enable-hadr", Phase.HOST, 10, true);
        FixPlan plan = FixPlanner.plan("sql01", List.of(
                finding("MIL-D7", Status.FAIL, Target.database("sql01", "Sales"), backup),
                finding("MIL-I2", Status.FAIL, SQL, dmk),
                finding("MIL-D6", Status.FAIL, Target.database("sql01", "Sales"), recovery),
                finding("MIL-I3", Status.FAIL, SQL, hadr)), FixPlanner.Options.DEFAULT);

        assertThat(plan.steps()).extracting(s -> s.step().id()).containsExactly("MIL-I3/enable-hadr",
                "MIL-I2/create-dmk", "MIL-D6/[Sales]/recovery-full", "MIL-D7/[Sales]/backup");
        assertThat(plan.steps()).extracting(PlannedStep::number).containsExactly(1, 2, 3, 4);
        assertThat(plan.restartRequired()).isTrue();
        assertThat(plan.appliable()).hasSize(3);
        assertThat(plan.manual()).extracting(s -> s.step().id()).containsExactly("MIL-I3/enable-hadr");
    }

    @Test
    void sharedStepsArePlannedOnceAndCreditEveryCheck() {
        FixStep restart = manual("restart-service", Phase.HOST, 90, true);
        FixPlan plan = FixPlanner.plan("sql01", List.of(finding("MIL-I5", Status.WARN, SQL, restart),
                finding("MIL-I6", Status.FAIL, SQL, restart)), FixPlanner.Options.DEFAULT);
        assertThat(plan.steps()).singleElement().satisfies(s -> {
            assertThat(s.checkIds()).containsExactly("MIL-I5", "MIL-I6");
            assertThat(s.status()).isEqualTo(Status.FAIL);
        });
    }

    @Test
    void passSkippedAndUnknownNeverProduceSteps() {
        FixStep s = tsql("x", Phase.INSTANCE, 1);
        for (Status st : List.of(Status.PASS, Status.SKIPPED, Status.UNKNOWN)) {
            assertThat(FixPlanner.plan("sql01", List.of(finding("MIL-I2", st, SQL, s)), FixPlanner.Options.DEFAULT)
                    .isEmpty()).as(st.name()).isTrue();
        }
    }

    @Test
    void optionsFilterWarningsAndChecks() {
        List<Finding> findings = List.of(finding("MIL-I5", Status.WARN, SQL, tsql("tf", Phase.INSTANCE, 1)),
                finding("MIL-I2", Status.FAIL, SQL, tsql("dmk", Phase.INSTANCE, 2)));
        assertThat(FixPlanner.plan("sql01", findings, new FixPlanner.Options(false, Set.of(), Severity.WARNING))
                .steps()).extracting(s -> s.step().id()).containsExactly("dmk");
        assertThat(FixPlanner.plan("sql01", findings, new FixPlanner.Options(true, Set.of("mil-i5"), Severity.WARNING))
                .steps()).extracting(s -> s.step().id()).containsExactly("tf");
    }

    @Test
    void secretsOfAppliableStepsAreListedByName() {
        FixStep dmk = new FixStep("dmk", "Create the master key", Phase.INSTANCE, 1, false, true,
                List.of(new Script(ScriptKind.TSQL, "CREATE MASTER KEY ENCRYPTION BY PASSWORD = '$(MILINK_DMK_PASSWORD)'")),
                Optional.of("MILINK_DMK_PASSWORD"));
        FixPlan plan = FixPlanner.plan("sql01", List.of(finding("MIL-I2", Status.FAIL, SQL, dmk)),
                FixPlanner.Options.DEFAULT);
        assertThat(plan.secrets()).containsExactly("MILINK_DMK_PASSWORD");
    }

    private static FixStep tsql(String id, Phase phase, int order) {
        return new FixStep(id, "step " + id, phase, order, false, true, List.of(new Script(ScriptKind.TSQL, "SELECT 1;")),
                Optional.empty());
    }

    private static FixStep manual(String id, Phase phase, int order, boolean restart) {
        return new FixStep(id, "step " + id, phase, order, restart, false,
                List.of(new Script(ScriptKind.MANUAL, "Do it by hand.")), Optional.empty());
    }

    private static Finding finding(String checkId, Status status, Target target, FixStep step) {
        return new Finding(checkId, "title", Area.INSTANCE, status, status == Status.WARN ? Severity.WARNING : Severity.BLOCKER, target, "message",
                Evidence.NONE, new Remediation("fix it", List.of(step)));
    }
}
