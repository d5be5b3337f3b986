// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.FixStep;
import dev.milink.core.script.ScriptTemplate;
import dev.milink.core.check.Script;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Status;
import dev.milink.core.check.Target;
import dev.milink.core.fix.FixPlan;
import dev.milink.core.fix.PlannedStep;
import dev.milink.core.secret.Secret;
import dev.milink.core.script.TSql;
import dev.milink.sandbox.engine.Faults;
import dev.milink.sandbox.server.SandboxInstance;
import dev.milink.sqlserver.testing.ScenarioSandbox;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The executor against the sandbox's catalog engine ({@code unprepared-2019}, fresh per test) with the checks' real
 * fix templates: state really changes, faults stop the run, the re-run completes, names with {@code ] ' } spaces
 * and non-Latin letters work, and the master key password never leaves the executor except to the server.
 */
class FixCatalogEngineTest {

    private final ScenarioSandbox sandbox = ScenarioSandbox.of("unprepared-2019"); // one per test
    private final SandboxInstance sql = sandbox.sql();
    private Connection connection;
    private final Secret dmk = DmkPasswords.generate();

    @BeforeEach
    void start() throws Exception {
        connection = DriverManager.getConnection(sandbox.saUrl());
    }

    @AfterEach
    void stop() throws Exception {
        connection.close();
        sandbox.close();
    }

    @Test
    void theRealTemplatesChangeTheSandboxAndTheBackupStartsAChainWithChecksum() throws Exception {
        FixResult result = apply(plan());

        assertThat(result.failure()).isEmpty();
        assertThat(scalar("SELECT COUNT(*) FROM sys.symmetric_keys WHERE symmetric_key_id = 101")).isEqualTo("1");
        for (String db : List.of("O'Brien DB", "Staging")) {
            assertThat(scalar("SELECT recovery_model_desc FROM sys.databases WHERE name = " + TSql.literal(db)))
                    .isEqualTo("FULL");
        }
        for (String db : List.of("O'Brien DB", "Sales]Q1", "Ведомости")) {
            assertThat(scalar("SELECT TOP (1) CAST(is_copy_only AS int) FROM msdb.dbo.backupset WHERE database_name = "
                    + TSql.literal(db) + " AND type = 'D' ORDER BY backup_finish_date DESC")).as(db).isEqualTo("0");
        }
        assertThat(result.done()).filteredOn(d -> d.step().step().id().contains("full-backup"))
                .allSatisfy(d -> assertThat(d.messages()).extracting(ServerMessage::text)
                        .anyMatch(t -> t.endsWith("percent processed.")));
    }

    @Test
    void aLockTimeoutOnAnAlterDatabaseStopsCleanlyAndTheRerunCompletes() {
        sql.setFaults(new Faults(Duration.ZERO, Duration.ZERO, 0, List.of(new Faults.StatementError(
                Pattern.compile("ALTER DATABASE \\[Staging] SET RECOVERY"), 1222, 16,
                "Lock request time out period exceeded.", -1))));

        FixResult failed = apply(plan());

        StepOutcome.Failed f = failed.failure().orElseThrow();
        assertThat(f.errorNumber()).isEqualTo(1222);
        assertThat(f.step().target().database()).isEqualTo("Staging");
        assertThat(failed.done()).extracting(d -> d.step().step().id()).contains("MIL-I2/sql/create-master-key");
        assertThat(failed.notRun()).isNotEmpty();

        sql.setFaults(Faults.NONE);
        // what a re-plan from fresh facts would hold: the failed step and those after it (done steps are skipped)
        List<PlannedStep> rest = new ArrayList<>(List.of(f.step()));
        rest.addAll(failed.notRun());
        assertThat(apply(new FixPlan("sql", rest)).succeeded()).isTrue();
    }

    @Test
    void aBackupDeviceErrorStopsTheRunWithSqlServersNumber() {
        sql.setFaults(new Faults(Duration.ZERO, Duration.ZERO, 0, List.of(new Faults.StatementError(
                Pattern.compile("BACKUP DATABASE \\[Sales]]Q1]"), 3201, 16,
                "Cannot open backup device. Operating system error 5(Access is denied.).", 1))));

        FixResult failed = apply(plan());

        assertThat(failed.failure().orElseThrow().errorNumber()).isEqualTo(3201);
        assertThat(failed.failure().orElseThrow().message()).contains("service account needs write access");
    }

    @Test
    void aMissingBackupDirectoryFailsTheStepBeforeTheBackupIsSent() {
        long mark = sql.requestLog().mark();
        FixResult failed = apply(new FixPlan("sql", List.of(planned(1, backupStep("Staging", "E:\\NoSuchDir")))));

        assertThat(failed.failure().orElseThrow().message()).contains("The backup directory E:\\NoSuchDir does not exist");
        assertThat(sql.requestLog().since(mark)).extracting(r -> r.normalizedSql())
                .noneMatch(s -> s != null && s.contains("BACKUP DATABASE"));
    }

    @Test
    void theMasterKeyPasswordReachesOnlyTheServer() throws Exception {
        List<String> printed = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void stepStarted(PlannedStep step, int index, int total) {
                printed.add(step.toString());
            }

            @Override
            public void message(PlannedStep step, ServerMessage message) {
                printed.add(message.toString());
            }

            @Override
            public void stepFinished(PlannedStep step, StepOutcome outcome) {
                printed.add(outcome.toString());
            }
        };
        sql.setFaults(new Faults(Duration.ZERO, Duration.ZERO, 0, List.of(new Faults.StatementError(
                Pattern.compile("CREATE MASTER KEY"), 15118, 16, "Password validation failed.", 1))));
        FixResult failed = FixExecutor.of(ApplyOptions.DEFAULT).apply(plan(), connection, "sql", secrets(), listener);
        sql.setFaults(Faults.NONE);
        FixResult ok = FixExecutor.of(ApplyOptions.DEFAULT).apply(plan(), connection, "sql", secrets(), listener);

        assertThat(ok.succeeded()).isTrue();
        String everything = String.join("\n", printed) + failed + ok + failed.asException().orElseThrow().getMessage()
                + secrets();
        assertThat(everything).doesNotContain(dmk.reveal());
        assertThat(sql.requestLog().requests()).anyMatch(r -> r.sql() != null && r.sql().contains(dmk.reveal()));
    }

    private FixResult apply(FixPlan plan) {
        return FixExecutor.of(ApplyOptions.DEFAULT).apply(plan, connection, "sql", secrets(), ProgressListener.NONE);
    }

    private Secrets secrets() {
        return Secrets.of(Map.of(DmkPasswords.VARIABLE, dmk));
    }

    private String scalar(String query) throws Exception {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** The steps the checks plan for this scenario's master key and a few databases, from the real templates. */
    static FixPlan plan() {
        List<FixStep> steps = new ArrayList<>();
        steps.add(new FixStep("MIL-I2/sql/create-master-key", "Create the database master key", FixStep.Phase.INSTANCE,
                10, false, true, List.of(new Script(ScriptKind.TSQL, ScriptTemplate.fix("MIL-I2",
                "create-master-key.sql").render(Map.of()))), Optional.of(DmkPasswords.VARIABLE)));
        for (String db : List.of("O'Brien DB", "Staging")) {
            steps.add(new FixStep("MIL-D6/" + TSql.quoteName(db) + "/recovery-full", "Set FULL on " + db,
                    FixStep.Phase.DATABASE, 20, false, true, List.of(new Script(ScriptKind.TSQL, ScriptTemplate.fix(
                    "MIL-D6", "set-recovery-full.sql").render(Map.of("db", db)))), Optional.empty()));
        }
        for (String db : List.of("O'Brien DB", "Sales]Q1", "Ведомости")) {
            steps.add(backupStep(db, "D:\\Backups"));
        }
        List<PlannedStep> planned = new ArrayList<>();
        for (FixStep s : steps) {
            planned.add(planned(planned.size() + 1, s));
        }
        return new FixPlan("sql", planned);
    }

    static FixStep backupStep(String db, String dir) {
        String file = dir + "\\" + db.replaceAll("[^\\p{L}\\p{N}]+", "_") + "_20261126100000.bak";
        return new FixStep("MIL-D7/" + TSql.quoteName(db) + "/full-backup", "Full backup of " + db,
                FixStep.Phase.DATABASE, 30, false, true, List.of(new Script(ScriptKind.TSQL, ScriptTemplate.fix(
                "MIL-D7", "backup-full.sql").render(Map.of("db", db, "file", file,
                        "compression", ", COMPRESSION")))), Optional.empty());
    }

    static PlannedStep planned(int n, FixStep s) {
        String db = s.phase() == FixStep.Phase.DATABASE
                ? s.id().substring(s.id().indexOf("/[") + 2, s.id().lastIndexOf("]/")).replace("]]", "]") : null;
        return new PlannedStep(n, s, List.of(s.id().substring(0, s.id().indexOf('/'))), new Target("sql", db),
                Status.FAIL);
    }
}
