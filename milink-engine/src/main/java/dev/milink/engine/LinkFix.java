// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine;

import dev.milink.azure.ArmConnection;
import dev.milink.azure.fix.ArmFixExecutor;
import dev.milink.azure.fix.ArmStepResult;
import dev.milink.azure.fix.TdeCertificateUpload;
import dev.milink.azure.fix.TrustCertificateUpload;
import dev.milink.core.check.FixStep;
import dev.milink.core.error.MilinkException;
import dev.milink.core.fix.FixPlan;
import dev.milink.core.fix.PlannedStep;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlConnector;
import dev.milink.sqlserver.connect.SqlExceptionTranslator;
import dev.milink.sqlserver.fix.CertificatePublicKey;
import dev.milink.sqlserver.fix.FixResult;
import dev.milink.sqlserver.fix.ProgressListener;
import dev.milink.sqlserver.fix.ServerMessage;
import dev.milink.sqlserver.fix.StepOutcome;
import java.sql.Connection;
import java.sql.SQLException;
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
 * says what milink uploaded, because Azure cannot list it afterwards. A request planned after the AZURE phase needs
 * what a T-SQL step creates: MIL-I10's upload of the certificate MIL-I9 creates ({@code publicBlobFrom}) is sent
 * after the T-SQL steps, with the public key read from SQL Server then.
 */
final class LinkFix {

    private LinkFix() {
    }

    /**
     * @param arm       the connection for the ARM steps; null when the MI end was read offline (they are then left
     *                  to the user, as manual steps)
     * @param tsql      runs the plan's T-SQL steps
     * @param tde       prepares TDE certificate uploads (asked for only when the plan has one)
     * @param publicKey reads a certificate's public key (CERTENCODED) from SQL Server, for an upload whose
     *                  certificate a T-SQL step of this plan creates; throws a one-line {@link MilinkException}
     */
    static FixResult apply(FixPlan plan, Supplier<ArmConnection> arm, ProgressListener listener,
                           Function<FixPlan, FixResult> tsql, Supplier<TdeMigration> tde,
                           Function<String, byte[]> publicKey) {
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
        // requests planned after the AZURE phase need what the T-SQL steps create (MIL-I10's upload of the
        // certificate MIL-I9 creates): they are sent after those steps
        List<PlannedStep> before = armSteps.stream().filter(s -> s.step().phase().compareTo(FixStep.Phase.AZURE) <= 0)
                .toList();
        List<PlannedStep> after = armSteps.stream().filter(s -> !before.contains(s)).toList();
        ArmFixExecutor executor = ArmFixExecutor.of(arm.get());
        int total = plan.appliable().size();
        List<StepOutcome.Done> done = new ArrayList<>();
        Optional<FixResult> failed = send(before, 0, total, executor, listener, tde, publicKey, done, rest.appliable(),
                plan);
        if (failed.isPresent()) {
            return failed.get();
        }
        FixResult r = tsql.apply(rest);
        done.addAll(r.done());
        if (r.failure().isPresent() || after.isEmpty()) {
            List<PlannedStep> notRun = new ArrayList<>(r.notRun());
            notRun.addAll(after);
            return new FixResult(done, r.failure(), notRun, r.manual(), r.skipped());
        }
        failed = send(after, total - after.size(), total, executor, listener, tde, publicKey, done, List.of(), plan);
        if (failed.isPresent()) {
            FixResult f = failed.get();
            return new FixResult(f.done(), f.failure(), f.notRun(), r.manual(), r.skipped());
        }
        return new FixResult(done, Optional.empty(), r.notRun(), r.manual(), r.skipped());
    }

    /**
     * Sends {@code steps} in order, adding each success to {@code done}; on the first failure, the result with it
     * and everything after it (then {@code later}) not run.
     */
    private static Optional<FixResult> send(List<PlannedStep> steps, int offset, int total, ArmFixExecutor executor,
                                            ProgressListener listener, Supplier<TdeMigration> tde,
                                            Function<String, byte[]> publicKey, List<StepOutcome.Done> done,
                                            List<PlannedStep> later, FixPlan plan) {
        for (int i = 0; i < steps.size(); i++) {
            PlannedStep step = steps.get(i);
            listener.stepStarted(step, offset + i + 1, total);
            long started = System.nanoTime();
            FixStep send = step.step();
            Optional<TdeCertificateUpload.Source> source = TdeCertificateUpload.source(send);
            Optional<TrustCertificateUpload.Source> trust = TrustCertificateUpload.source(send);
            String uploaded = null;
            try {
                if (source.isPresent()) {
                    TdeMigration.Prepared prepared = tde.get().prepare(send, source.get());
                    send = prepared.step();
                    uploaded = prepared.description();
                } else if (trust.isPresent()) {
                    send = TrustCertificateUpload.filled(send, publicKey.apply(trust.get().certificate()));
                }
            } catch (MilinkException e) {
                StepOutcome.Failed failed = new StepOutcome.Failed(step, StepOutcome.Reason.PRECONDITION, 0,
                        e.getMessage(), List.of());
                listener.stepFinished(step, failed);
                return Optional.of(stopped(done, failed, steps.subList(i + 1, steps.size()), later, plan));
            }
            ArmStepResult result = executor.apply(send, ArmFixExecutor.Progress.NONE);
            if (result.failed()) {
                StepOutcome.Failed failed = new StepOutcome.Failed(step, StepOutcome.Reason.REFUSED, 0,
                        "Azure Resource Manager: " + result.message(), List.of());
                listener.stepFinished(step, failed);
                return Optional.of(stopped(done, failed, steps.subList(i + 1, steps.size()), later, plan));
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
        return Optional.empty();
    }

    /** The public key (CERTENCODED) of certificate {@code name} in master, over a connection of its own. */
    static byte[] publicKey(ConnectionSettings settings, String name) {
        try (Connection c = SqlConnector.open(settings)) {
            return CertificatePublicKey.read(c, name);
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate(e, settings.target().endpoint());
        }
    }

    private static FixResult stopped(List<StepOutcome.Done> done, StepOutcome.Failed failed, List<PlannedStep> rest,
                                     List<PlannedStep> later, FixPlan plan) {
        List<PlannedStep> notRun = new ArrayList<>(rest);
        notRun.addAll(later);
        return new FixResult(List.copyOf(done), Optional.of(failed), notRun, plan.manual());
    }
}
