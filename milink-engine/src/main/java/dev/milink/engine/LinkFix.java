// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine;

import dev.milink.azure.ArmConnection;
import dev.milink.azure.fix.ArmFixExecutor;
import dev.milink.azure.fix.ArmStepResult;
import dev.milink.azure.fix.TdeCertificateUpload;
import dev.milink.core.check.FixStep;
import dev.milink.core.error.MilinkException;
import dev.milink.core.fix.FixPlan;
import dev.milink.core.fix.PlannedStep;
import dev.milink.sqlserver.fix.FixResult;
import dev.milink.sqlserver.fix.ProgressListener;
import dev.milink.sqlserver.fix.ServerMessage;
import dev.milink.sqlserver.fix.StepOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Applies a link's plan at both ends: the ARM requests first (their phase, AZURE, comes before the instance's
 * T-SQL: the MI's trust certificate and NSG rule do not depend on SQL Server), through {@link ArmFixExecutor},
 * then the T-SQL steps through the SQL Server executor. The first failure stops everything after it. A TDE
 * certificate upload (MIL-D14) first gets its PFX from SQL Server through {@link TdeMigration}; the fix result then
 * says what milink uploaded, because Azure cannot list it afterwards.
 */
final class LinkFix {

    private LinkFix() {
    }

    /**
     * @param arm   the connection for the ARM steps; null when the MI end was read offline (they are then left
     *              to the user, as manual steps)
     * @param tsql  runs the plan's T-SQL steps
     * @param tde   prepares TDE certificate uploads (asked for only when the plan has one)
     */
    static FixResult apply(FixPlan plan, Supplier<ArmConnection> arm, ProgressListener listener,
                           Function<FixPlan, FixResult> tsql, Supplier<TdeMigration> tde) {
        List<PlannedStep> armSteps = plan.appliable().stream().filter(s -> ArmFixExecutor.handles(s.step())).toList();
        if (armSteps.isEmpty()) {
            return tsql.apply(plan);
        }
        FixPlan rest = new FixPlan(plan.target(), plan.steps().stream().filter(s -> !armSteps.contains(s)).toList());
        if (arm == null) {
            FixResult r = tsql.apply(rest);
            List<PlannedStep> manual = new ArrayList<>(armSteps);
            manual.addAll(r.manual());
            return new FixResult(r.done(), r.failure(), r.notRun(), manual, r.skipped());
        }
        ArmFixExecutor executor = ArmFixExecutor.of(arm.get());
        int total = plan.appliable().size();
        List<StepOutcome.Done> done = new ArrayList<>();
        for (int i = 0; i < armSteps.size(); i++) {
            PlannedStep step = armSteps.get(i);
            listener.stepStarted(step, i + 1, total);
            long started = System.nanoTime();
            FixStep send = step.step();
            Optional<TdeCertificateUpload.Source> source = TdeCertificateUpload.source(send);
            String uploaded = null;
            if (source.isPresent()) {
                try {
                    TdeMigration.Prepared prepared = tde.get().prepare(send, source.get());
                    send = prepared.step();
                    uploaded = prepared.description();
                } catch (MilinkException e) {
                    StepOutcome.Failed failed = new StepOutcome.Failed(step, StepOutcome.Reason.PRECONDITION, 0,
                            e.getMessage(), List.of());
                    listener.stepFinished(step, failed);
                    List<PlannedStep> notRun = new ArrayList<>(armSteps.subList(i + 1, armSteps.size()));
                    notRun.addAll(rest.appliable());
                    return new FixResult(done, Optional.of(failed), notRun, plan.manual());
                }
            }
            ArmStepResult result = executor.apply(send, ArmFixExecutor.Progress.NONE);
            if (result.failed()) {
                StepOutcome.Failed failed = new StepOutcome.Failed(step, StepOutcome.Reason.REFUSED, 0,
                        "Azure Resource Manager: " + result.message(), List.of());
                listener.stepFinished(step, failed);
                List<PlannedStep> notRun = new ArrayList<>(armSteps.subList(i + 1, armSteps.size()));
                notRun.addAll(rest.appliable());
                return new FixResult(done, Optional.of(failed), notRun, plan.manual());
            }
            List<ServerMessage> messages = List.of();
            if (uploaded != null) {
                ServerMessage m = new ServerMessage(0, 0, "milink uploaded " + uploaded + " to the managed "
                        + "instance in this run. Azure Resource Manager cannot list TDE certificates, so MIL-D14 "
                        + "stays UNKNOWN; confirm it in sys.certificates on the managed instance.");
                listener.message(step, m);
                messages = List.of(m);
            }
            StepOutcome.Done ok = new StepOutcome.Done(step, Duration.ofNanos(System.nanoTime() - started), messages);
            listener.stepFinished(step, ok);
            done.add(ok);
        }
        FixResult r = tsql.apply(rest);
        List<StepOutcome.Done> all = new ArrayList<>(done);
        all.addAll(r.done());
        return new FixResult(all, r.failure(), r.notRun(), r.manual(), r.skipped());
    }
}
