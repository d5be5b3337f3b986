// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.fix;

import dev.milink.core.error.CoreError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Script;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Target;
import dev.milink.core.check.database.FullRecoveryCheck;
import dev.milink.core.check.database.ReadWriteCheck;
import dev.milink.core.check.instance.HadrCheck;
import dev.milink.core.check.instance.MasterKeyCheck;
import dev.milink.core.error.MilinkException;
import dev.milink.core.fix.FixPlan;
import dev.milink.core.fix.FixScripts;
import dev.milink.core.fix.PlannedStep;
import dev.milink.core.secret.Secret;
import dev.milink.sqlserver.fix.ApplyOptions;
import dev.milink.sqlserver.fix.FixResult;
import dev.milink.sqlserver.fix.ProgressListener;
import dev.milink.sqlserver.fix.Secrets;
import dev.milink.sqlserver.fix.ServerMessage;
import dev.milink.sqlserver.fix.StepOutcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fix workflow with a fake server whose state the fake executor changes, and a scripted terminal. */
class FixWorkflowTest {

    @TempDir
    Path dir;

    private final FakeServer server = new FakeServer();
    private final FakeTerminal terminal = new FakeTerminal();

    @Test
    void aDryRunPrintsTheNumberedPlanWithManualInstructionsAndChangesNothing() {
        int exit = workflow(false, false, null).run("sql01").code();

        assertThat(exit).isZero();
        assertThat(server.applyCalls).isZero();
        assertThat(terminal.printed()).contains("Fix plan for sql01: 4 step(s), 2 T-SQL that milink can apply, 2 for you to do;"
                        + " a SQL Server restart is needed.",
                "  1. [manual, restart] Enable Always On availability groups  (MIL-I3; sql01)",
                "Start-Service MSSQLSERVER",
                "  2. [T-SQL] Create the database master key in master  (MIL-I2; sql01)",
                "  3. [manual] Set [Archive] to READ_WRITE  (MIL-D3; sql01 / Archive)",
                "T-SQL (not applied by milink; review and run it yourself):",
                "  4. [T-SQL] Set the recovery model of [Sales] to FULL  (MIL-D6; sql01 / Sales)",
                "Dry run: nothing was changed. To apply the 2 T-SQL step(s): milink fix sql01 --apply");
        assertThat(terminal.printed()).doesNotContain("mssql-conf"); // Windows host: no Linux instructions
    }

    @Test
    void scriptDirGetsOneFilePerStepAndTheManifestWithoutAnySecret() throws Exception {
        workflow(false, false, dir.resolve("plan")).run("sql01");

        try (Stream<Path> files = Files.list(dir.resolve("plan"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).startsWith("000-manifest.md")
                    .contains("020-MIL-I2-sql01-create-master-key.sql");
        }
        assertThat(Files.readString(dir.resolve("plan/020-MIL-I2-sql01-create-master-key.sql")))
                .contains("'$(MILINK_DMK_PASSWORD)'");
        assertThat(terminal.printed()).contains("Wrote ", "start with 000-manifest.md");
    }

    @Test
    void applyWithoutYesOutsideATerminalIsAUsageErrorBeforeAnythingIsCollected() {
        assertThatThrownBy(() -> workflow(true, false, null).run("sql01"))
                .isInstanceOfSatisfying(MilinkException.class, e -> assertThat(e.code()).isEqualTo(CoreError.USAGE))
                .hasMessageContaining("add --yes");
        assertThat(server.checkCalls).isZero();
    }

    @Test
    void applyingGeneratesTheMasterKeyPasswordIntoAPrivateFileShowsProgressAndBeforeAfter() throws Exception {
        Path passwordFile = dir.resolve("dmk.txt");
        int exit = workflow(true, true, null, passwordFile).run("sql01").code();

        assertThat(exit).as(terminal.printed()).isEqualTo(1); // HADR still needs the manual step and a restart
        String password = Files.readString(passwordFile).strip();
        assertThat(password).hasSize(40);
        assertThat(server.receivedSecret).isEqualTo(password);
        assertThat(terminal.remembered).contains(password);
        assertThat(terminal.printed()).contains("saved it to " + passwordFile, "[1/2] Create the database master key",
                "      10 percent processed.", "Applied 2 step(s).", "Before: 4 FAIL", "After:  2 FAIL",
                "MIL-D6  FAIL   -> PASS", "Still to do by hand (2):",
                "A SQL Server service restart is still needed. After it, milink check sql01 should show MIL-I3 as PASS.");
        assertThat(terminal.printed() + terminal.errors()).doesNotContain(password);
    }

    @Test
    void aFailedStepExitsWith4ReportsDoneAndNotDoneAndARerunResumes() {
        server.failOn = "MIL-D3/[Archive]/read-write";
        int exit = new FixWorkflow(server, terminal, new FixWorkflow.Options(true, true, null, Set.of("Archive"),
                dir.resolve("dmk.txt"), null), clock()).run("sql01").code();

        assertThat(exit).isEqualTo(4);
        assertThat(terminal.printed()).contains("Stopped at step 3: Set [Archive] to READ_WRITE",
                "SQL Server error 1222: Lock request time out period exceeded.",
                "Done (1):", "Not done (2):", "<- failed", "resumes here",
                "2 T-SQL step(s) still to apply");

        server.failOn = null;
        terminal.clear();
        int rerun = new FixWorkflow(server, terminal, new FixWorkflow.Options(true, true, null, Set.of("Archive"),
                dir.resolve("dmk2.txt"), null), clock()).run("sql01").code();
        assertThat(rerun).isEqualTo(1);
        assertThat(terminal.printed()).contains("[1/2] Set [Archive] to READ_WRITE", "[2/2] Set the recovery model of",
                "Applied 2 step(s).").doesNotContain("master key");
        assertThat(Files.exists(dir.resolve("dmk2.txt"))).as("no second password once the key exists").isFalse();
        assertThat(server.fixed).contains("MIL-D6/[Sales]/recovery-full", "MIL-D3/[Archive]/read-write");
    }

    @Test
    void includeDatabaseMakesTheOptionStepsOfThatDatabaseAppliableAndNothingElse() {
        FixPlan plan = FixWorkflow.include(new FixPlan("sql01", List.of(
                new PlannedStep(1, step("MIL-D3/[Archive]/read-write", false), List.of("MIL-D3"),
                        Target.database("sql01", "Archive"), dev.milink.core.check.Status.FAIL),
                new PlannedStep(2, step("MIL-D8/[Archive]/leave-ag", false), List.of("MIL-D8"),
                        Target.database("sql01", "Archive"), dev.milink.core.check.Status.FAIL),
                new PlannedStep(3, step("MIL-D3/[Other]/read-write", false), List.of("MIL-D3"),
                        Target.database("sql01", "Other"), dev.milink.core.check.Status.FAIL))), Set.of("ARCHIVE"));

        assertThat(plan.steps()).extracting(PlannedStep::appliable).containsExactly(true, false, false);
    }

    private FixWorkflow workflow(boolean apply, boolean yes, Path scriptDir) {
        return workflow(apply, yes, scriptDir, dir.resolve("dmk.txt"));
    }

    private FixWorkflow workflow(boolean apply, boolean yes, Path scriptDir, Path passwordFile) {
        return new FixWorkflow(server, terminal, new FixWorkflow.Options(apply, yes, scriptDir, Set.of(),
                passwordFile, null), clock());
    }

    private static Clock clock() {
        return Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    }

    static FixStep step(String id, boolean appliable) {
        return new FixStep(id, id, FixStep.Phase.DATABASE, 10, false, appliable,
                List.of(new Script(ScriptKind.TSQL, "ALTER DATABASE [x] SET READ_WRITE WITH NO_WAIT;")), Optional.empty());
    }

    /** Four problems; the fake executor "fixes" a T-SQL step by remembering its id. */
    static final class FakeServer implements FixWorkflow.Server {
        final Set<String> fixed = new HashSet<>();
        int checkCalls;
        int applyCalls;
        String failOn;
        String receivedSecret;

        @Override
        public FixWorkflow.Checked check() {
            checkCalls++;
            List<Finding> findings = new ArrayList<>();
            findings.add(problem(HadrCheck.META, Target.instance("sql01"), new FixStep("MIL-I3/sql01/enable-hadr",
                    "Enable Always On availability groups", FixStep.Phase.HOST, 10, true, false,
                    List.of(new Script(ScriptKind.WINDOWS_POWERSHELL, "Enable-SqlAlwaysOn -ServerInstance sql01\n"
                            + "Start-Service MSSQLSERVER"), new Script(ScriptKind.LINUX_SHELL, "mssql-conf set hadr")),
                    Optional.empty())));
            findings.add(problem(MasterKeyCheck.META, Target.instance("sql01"), new FixStep("MIL-I2/sql01/create-master-key",
                    "Create the database master key in master", FixStep.Phase.INSTANCE, 10, false, true,
                    List.of(new Script(ScriptKind.TSQL, "CREATE MASTER KEY ENCRYPTION BY PASSWORD = '$(MILINK_DMK_PASSWORD)';")),
                    Optional.of("MILINK_DMK_PASSWORD"))));
            findings.add(problem(FullRecoveryCheck.META, Target.database("sql01", "Sales"), new FixStep(
                    "MIL-D6/[Sales]/recovery-full", "Set the recovery model of [Sales] to FULL", FixStep.Phase.DATABASE,
                    20, false, true, List.of(new Script(ScriptKind.TSQL, "ALTER DATABASE [Sales] SET RECOVERY FULL;")),
                    Optional.empty())));
            findings.add(problem(ReadWriteCheck.META, Target.database("sql01", "Archive"), new FixStep(
                    "MIL-D3/[Archive]/read-write", "Set [Archive] to READ_WRITE", FixStep.Phase.DATABASE, 10, false,
                    false, List.of(new Script(ScriptKind.TSQL, "ALTER DATABASE [Archive] SET READ_WRITE WITH NO_WAIT;")),
                    Optional.empty())));
            return new FixWorkflow.Checked(findings, FixScripts.Platform.WINDOWS);
        }

        private Finding problem(CheckMetadata meta, Target target, FixStep step) {
            if (fixed.contains(step.id())) {
                return Finding.of(meta, target).pass("fixed", Evidence.of("ok", "ok"));
            }
            return Finding.of(meta, target).fail("broken", Evidence.of("bad", "ok"),
                    new Remediation("fix it", List.of(step)));
        }

        @Override
        public FixResult apply(FixPlan plan, Secrets secrets, ApplyOptions options, ProgressListener listener) {
            applyCalls++;
            List<StepOutcome.Done> done = new ArrayList<>();
            List<PlannedStep> steps = plan.appliable();
            for (int i = 0; i < steps.size(); i++) {
                PlannedStep s = steps.get(i);
                listener.stepStarted(s, i + 1, steps.size());
                s.step().secret().ifPresent(name -> receivedSecret = secrets.get(name).orElseThrow().reveal());
                if (s.step().id().equals(failOn)) {
                    StepOutcome.Failed f = new StepOutcome.Failed(s, StepOutcome.Reason.SQL_ERROR, 1222,
                            "Lock request time out period exceeded.", List.of());
                    listener.stepFinished(s, f);
                    return new FixResult(done, Optional.of(f), steps.subList(i + 1, steps.size()), plan.manual());
                }
                listener.message(s, new ServerMessage(3211, 0, "10 percent processed."));
                StepOutcome.Done d = new StepOutcome.Done(s, Duration.ofMillis(120), List.of());
                listener.stepFinished(s, d);
                done.add(d);
                fixed.add(s.step().id());
            }
            return new FixResult(done, Optional.empty(), List.of(), plan.manual());
        }
    }

    /** A non-interactive terminal capturing both streams. */
    static final class FakeTerminal implements FixTerminal {
        private StringWriter out = new StringWriter();
        private StringWriter err = new StringWriter();
        private PrintWriter outWriter = new PrintWriter(out, true);
        private PrintWriter errWriter = new PrintWriter(err, true);
        final Map<String, String> env = new HashMap<>();
        final List<String> remembered = new ArrayList<>();

        String printed() {
            outWriter.flush();
            return out.toString();
        }

        String errors() {
            errWriter.flush();
            return err.toString();
        }

        void clear() {
            out = new StringWriter();
            err = new StringWriter();
            outWriter = new PrintWriter(out, true);
            errWriter = new PrintWriter(err, true);
        }

        @Override
        public PrintWriter out() {
            return outWriter;
        }

        @Override
        public PrintWriter err() {
            return errWriter;
        }

        @Override
        public Optional<String> env(String name) {
            return Optional.ofNullable(env.get(name));
        }

        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public String readLine(String prompt) {
            throw new AssertionError("not interactive");
        }

        @Override
        public char[] readPassword(String prompt) {
            throw new AssertionError("not interactive");
        }

        @Override
        public Secret remember(Secret secret) {
            remembered.add(secret.reveal());
            return secret;
        }
    }
}
