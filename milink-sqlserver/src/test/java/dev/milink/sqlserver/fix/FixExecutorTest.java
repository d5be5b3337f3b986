// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.FixStep;
import dev.milink.core.check.Script;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Status;
import dev.milink.core.check.Target;
import dev.milink.core.fix.FixPlan;
import dev.milink.core.fix.PlannedStep;
import dev.milink.core.secret.Secret;
import dev.milink.sandbox.engine.SqlError;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.SandboxServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The executor against the sandbox's TDS layer through the real mssql-jdbc driver, with a scripted engine. */
class FixExecutorTest {

    static final String BACKUP_DIR = "D:\\Backups\\link";
    static final String MASTER_KEY = """
            -- The password comes from the secret MILINK_DMK_PASSWORD (sqlcmd variable).
            USE master;
            IF NOT EXISTS (SELECT 1 FROM sys.symmetric_keys WHERE symmetric_key_id = 101)
                CREATE MASTER KEY ENCRYPTION BY PASSWORD = '$(MILINK_DMK_PASSWORD)';
            """;

    private ScriptedEngine engine;
    private SandboxServer sandbox;
    private Connection connection;
    private final Recorder recorder = new Recorder();

    @BeforeEach
    void start() throws Exception {
        engine = new ScriptedEngine();
        engine.directories.add(BACKUP_DIR);
        sandbox = SandboxServer.start(InstanceDef.of("sql", engine));
        connection = DriverManager.getConnection(sandbox.instance("sql").jdbcUrl() + ";user=sa;password=pw");
    }

    @AfterEach
    void stop() throws Exception {
        connection.close();
        sandbox.close();
    }

    @Test
    void runsTheAppliableStepsInPlanOrderEachAsOneUnchangedBatch() {
        FixPlan plan = plan(
                manual("MIL-I3/hadr", "Enable Always On availability groups"),
                instance("MIL-I5/trace-on-1800", "DBCC TRACEON (1800, -1);", 20),
                database("Sales", "MIL-D6/[Sales]/recovery-full", "ALTER DATABASE [Sales] SET RECOVERY FULL;", 20),
                database("Sales", "MIL-D7/[Sales]/full-backup", backup("Sales"), 30));

        FixResult result = execute(plan, Secrets.none(), ApplyOptions.DEFAULT);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.done()).extracting(d -> d.step().step().id())
                .containsExactly("MIL-I5/trace-on-1800", "MIL-D6/[Sales]/recovery-full", "MIL-D7/[Sales]/full-backup");
        assertThat(result.manual()).extracting(s -> s.step().id()).containsExactly("MIL-I3/hadr");
        // what reached the server is each step's script, character for character, one batch per step
        assertThat(engine.steps()).containsExactly("DBCC TRACEON (1800, -1);",
                "ALTER DATABASE [Sales] SET RECOVERY FULL;", backup("Sales"));
        assertThat(recorder.events).containsExactly("start 1/3 MIL-I5/trace-on-1800", "done MIL-I5/trace-on-1800",
                "start 2/3 MIL-D6/[Sales]/recovery-full", "done MIL-D6/[Sales]/recovery-full",
                "start 3/3 MIL-D7/[Sales]/full-backup", "done MIL-D7/[Sales]/full-backup");
    }

    @Test
    void backupProgressReachesTheListenerWhileTheBackupStillRuns() {
        CountDownLatch firstSeen = new CountDownLatch(1);
        AtomicBoolean seenBeforeEnd = new AtomicBoolean();
        engine.on("\\bBACKUP DATABASE \\[", (sql, sink) -> {
            sink.info(3211, 1, 0, "10 percent processed.");
            try {
                // the engine holds the statement open until the client has shown the first message
                seenBeforeEnd.set(firstSeen.await(20, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sink.info(3211, 1, 0, "100 percent processed.");
            sink.info(3014, 1, 0, "BACKUP DATABASE successfully processed 361 pages in 0.053 seconds.");
            sink.done();
        });
        ProgressListener listener = new ProgressListener() {
            @Override
            public void message(PlannedStep step, ServerMessage message) {
                firstSeen.countDown();
            }
        };
        FixPlan plan = plan(database("Sales", "MIL-D7/[Sales]/full-backup", backup("Sales"), 30));

        FixResult result = FixExecutor.of(ApplyOptions.DEFAULT).apply(plan, connection, "sql:1433", Secrets.none(),
                listener);

        assertThat(seenBeforeEnd).isTrue();
        assertThat(result.done().getFirst().messages()).extracting(ServerMessage::number, ServerMessage::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3211, "10 percent processed."),
                        org.assertj.core.groups.Tuple.tuple(3211, "100 percent processed."),
                        org.assertj.core.groups.Tuple.tuple(3014,
                                "BACKUP DATABASE successfully processed 361 pages in 0.053 seconds."));
    }

    @Test
    void stopsAtTheFirstFailedStepAndReportsDoneFailedAndNotRun() {
        engine.fail("SET MULTI_USER", new SqlError(1222, 56, 16, "Lock request time out period exceeded."));
        FixPlan plan = plan(
                database("Sales", "MIL-D5/[Sales]/auto-close-off", "ALTER DATABASE [Sales] SET AUTO_CLOSE OFF;", 10),
                database("Sales", "MIL-D4/[Sales]/multi-user", "ALTER DATABASE [Sales] SET MULTI_USER WITH NO_WAIT;", 11),
                database("Sales", "MIL-D6/[Sales]/recovery-full", "ALTER DATABASE [Sales] SET RECOVERY FULL;", 20),
                manual("MIL-I7/restart", "Restart SQL Server"));

        FixResult result = execute(plan, Secrets.none(), ApplyOptions.DEFAULT);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.done()).extracting(d -> d.step().step().id()).containsExactly("MIL-D5/[Sales]/auto-close-off");
        StepOutcome.Failed failed = result.failure().orElseThrow();
        assertThat(failed.step().step().id()).isEqualTo("MIL-D4/[Sales]/multi-user");
        assertThat(failed.reason()).isEqualTo(StepOutcome.Reason.SQL_ERROR);
        assertThat(failed.errorNumber()).isEqualTo(1222);
        assertThat(failed.message()).startsWith("Lock request time out period exceeded.").contains("run milink fix again");
        assertThat(result.notRun()).extracting(s -> s.step().id()).containsExactly("MIL-D6/[Sales]/recovery-full");
        assertThat(result.manual()).extracting(s -> s.step().id()).containsExactly("MIL-I7/restart");
        assertThat(engine.steps()).noneMatch(b -> b.contains("RECOVERY FULL"));
        assertThat(result.asException()).hasValueSatisfying(e -> {
            assertThat(e.code()).isEqualTo(dev.milink.sqlserver.connect.SqlError.FIX_STEP_FAILED);
            assertThat(e.getMessage()).contains("error 1222", "1 step(s) done, 1 not run");
        });
    }

    @Test
    void backupErrorsCarrySqlServersNumberMessageAndAHint() {
        engine.fail("\\bBACKUP DATABASE \\[", new SqlError(3201, 1, 16,
                "Cannot open backup device 'D:\\Backups\\link\\Sales.bak'. Operating system error 5(Access is denied.)."));
        FixResult result = execute(plan(database("Sales", "MIL-D7/[Sales]/full-backup", backup("Sales"), 30)),
                Secrets.none(), ApplyOptions.DEFAULT);

        StepOutcome.Failed failed = result.failure().orElseThrow();
        assertThat(failed.errorNumber()).isEqualTo(3201);
        assertThat(failed.message()).contains("Cannot open backup device", "service account needs write access");
    }

    @Test
    void fillsSecretsInsideTheirLiteralEscapedAndMasksThemInEverythingItReturns() {
        String password = "It's-a-Secret-123!";
        engine.fail("CREATE MASTER KEY", new SqlError(15118, 1, 16,
                "Password validation failed. The password '" + password.replace("'", "''") + "' is too weak."));
        FixPlan plan = plan(instanceWithSecret("MIL-I2/create-master-key", MASTER_KEY));

        FixResult result = execute(plan, Secrets.of(Map.of(DmkPasswords.VARIABLE, Secret.of(password))),
                ApplyOptions.DEFAULT);

        assertThat(engine.steps()).singleElement().satisfies(sent -> {
            assertThat(sent).contains("PASSWORD = 'It''s-a-Secret-123!';");
            assertThat(sent).isEqualTo(MASTER_KEY.replace("$(MILINK_DMK_PASSWORD)", "It''s-a-Secret-123!"));
        });
        StepOutcome.Failed failed = result.failure().orElseThrow();
        assertThat(failed.errorNumber()).isEqualTo(15118);
        assertThat(failed.message()).contains("The password '****' is too weak").doesNotContain("Secret-123");
        assertThat(result.asException().orElseThrow().getMessage()).doesNotContain("Secret-123");
        assertThat(recorder.events.toString()).doesNotContain("Secret-123");
    }

    @Test
    void aMissingSecretOrOneOutsideALiteralIsNeverSent() {
        FixResult missing = execute(plan(instanceWithSecret("MIL-I2/create-master-key", MASTER_KEY)), Secrets.none(),
                ApplyOptions.DEFAULT);
        assertThat(missing.failure().orElseThrow().reason()).isEqualTo(StepOutcome.Reason.PRECONDITION);
        assertThat(missing.failure().orElseThrow().message()).contains("$(MILINK_DMK_PASSWORD)",
                "environment variable MILINK_DMK_PASSWORD");

        Secrets secrets = Secrets.of(Map.of("X", Secret.of("1; DROP DATABASE Sales")));
        FixResult outside = execute(plan(instanceWithSecret("MIL-X/inject", "SELECT $(X);")), secrets,
                ApplyOptions.DEFAULT);
        assertThat(outside.failure().orElseThrow().message()).contains("outside a string literal");
        assertThat(engine.steps()).isEmpty();
    }

    @Test
    void aBackupToADirectoryTheServerCannotSeeFailsBeforeTheBackupIsSent() {
        String elsewhere = backup("Sales").replace(BACKUP_DIR, "E:\\nowhere");
        FixResult result = execute(plan(database("Sales", "MIL-D7/[Sales]/full-backup", elsewhere, 30)),
                Secrets.none(), ApplyOptions.DEFAULT);

        StepOutcome.Failed failed = result.failure().orElseThrow();
        assertThat(failed.reason()).isEqualTo(StepOutcome.Reason.PRECONDITION);
        assertThat(failed.message()).contains("The backup directory E:\\nowhere does not exist on the SQL Server host");
        assertThat(engine.batches).anyMatch(b -> b.contains("xp_fileexist N'E:\\nowhere'"));
        assertThat(engine.steps()).isEmpty();
    }

    @Test
    void refusesBackupsThatWouldNotStartTheChainOrWouldOverwriteMedia() {
        for (String option : List.of("COPY_ONLY", "INIT", "FORMAT")) {
            String script = backup("Sales").replace("WITH CHECKSUM", "WITH CHECKSUM, " + option);
            FixResult result = execute(plan(database("Sales", "MIL-D7/[Sales]/full-backup", script, 30)),
                    Secrets.none(), ApplyOptions.DEFAULT);
            assertThat(result.failure().orElseThrow().message()).as(option).contains("Refused: the backup uses " + option);
        }
        String noChecksum = backup("Sales").replace("WITH CHECKSUM, ", "WITH ");
        assertThat(execute(plan(database("Sales", "MIL-D7/[Sales]/full-backup", noChecksum, 30)), Secrets.none(),
                ApplyOptions.DEFAULT).failure().orElseThrow().message()).contains("WITH CHECKSUM");
        assertThat(engine.steps()).isEmpty();
    }

    @Test
    void databaseNamesWithBracketsQuotesSpacesAndNonLatinLettersPassTheGuardAndTheBackupChecks() {
        String name = "Q1 ]Sales' Ведомости 販売";
        String quoted = dev.milink.core.script.TSql.quoteName(name);
        FixPlan plan = plan(database(name, "MIL-D7/" + quoted + "/full-backup", backup(name), 30));

        FixResult result = execute(plan, Secrets.none(), ApplyOptions.DEFAULT);

        assertThat(result.succeeded()).isTrue();
        assertThat(engine.steps()).containsExactly(backup(name));
        assertThat(engine.batches).anyMatch(b -> b.contains("d.name = N'Q1 ]Sales'' Ведомости 販売'"));
    }

    @Test
    void refusesDatabasesInAnAvailabilityGroupOrReadOnlyUnlessIncludedByName() {
        engine.availabilityGroupDatabases.add("Orders");
        engine.readOnlyDatabases.add("Archive");
        FixPlan plan = plan(
                database("Archive", "MIL-D5/[Archive]/auto-close-off", "ALTER DATABASE [Archive] SET AUTO_CLOSE OFF;", 10),
                database("Orders", "MIL-D5/[Orders]/auto-close-off", "ALTER DATABASE [Orders] SET AUTO_CLOSE OFF;", 10));

        // issue 13, defect 9: a guarded database is skipped, not a failure that stops every other step
        FixResult refused = execute(plan, Secrets.none(), ApplyOptions.DEFAULT);
        assertThat(refused.failure()).isEmpty();
        assertThat(refused.skipped()).hasSize(2);
        assertThat(refused.skipped().get(0).reason()).contains("[Archive] is read-only", "--include-database Archive");
        assertThat(engine.steps()).isEmpty();

        FixResult second = execute(plan, Secrets.none(), ApplyOptions.DEFAULT.withIncludeDatabases(Set.of("archive")));
        assertThat(second.done()).hasSize(1);
        assertThat(second.skipped()).singleElement().satisfies(k -> assertThat(k.reason())
                .contains("[Orders] is in an availability group"));

        FixResult both = execute(plan, Secrets.none(),
                ApplyOptions.DEFAULT.withIncludeDatabases(Set.of("Archive", "ORDERS")));
        assertThat(both.succeeded()).isTrue();
    }

    @Test
    void aDatabaseThatDisappearedSinceThePlanIsNotTouched() {
        engine.missingDatabases.add("Gone");
        FixResult result = execute(plan(database("Gone", "MIL-D6/[Gone]/recovery-full",
                "ALTER DATABASE [Gone] SET RECOVERY FULL;", 20)), Secrets.none(), ApplyOptions.DEFAULT);
        assertThat(result.failure()).isEmpty();
        assertThat(result.skipped()).singleElement().satisfies(k -> assertThat(k.reason())
                .contains("no database [Gone]", "re-plan"));
        assertThat(engine.steps()).isEmpty();
    }

    @Test
    void aSkippedDatabaseTakesItsLaterStepsWithItAndTheOthersStillRun() {
        engine.readOnlyDatabases.add("Archive");
        FixPlan plan = plan(
                database("Archive", "MIL-D6/[Archive]/recovery-full", "ALTER DATABASE [Archive] SET RECOVERY FULL;", 10),
                database("Sales", "MIL-D5/[Sales]/auto-close-off", "ALTER DATABASE [Sales] SET AUTO_CLOSE OFF;", 20),
                database("Archive", "MIL-D5/[Archive]/auto-close-off", "ALTER DATABASE [Archive] SET AUTO_CLOSE OFF;",
                        30));
        FixResult result = execute(plan, Secrets.none(), ApplyOptions.DEFAULT);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.done()).extracting(d -> d.step().target().database()).containsExactly("Sales");
        assertThat(result.skipped()).hasSize(2);
        assertThat(result.skipped().get(1).reason()).contains("depends on step", "[Archive]", "which was skipped");
    }

    @Test
    void anEmptyPlanDoesNothing() {
        FixResult result = execute(new FixPlan("sql", List.of()), Secrets.none(), ApplyOptions.DEFAULT);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.done()).isEmpty();
        assertThat(engine.batches).isEmpty();
    }

    private FixResult execute(FixPlan plan, Secrets secrets, ApplyOptions options) {
        return FixExecutor.of(options).apply(plan, connection, "sql:1433", secrets, recorder);
    }

    static String backup(String db) {
        String q = dev.milink.core.script.TSql.quoteName(db);
        String file = BACKUP_DIR + "\\" + db.replace("'", "_") + "_20261126120000.bak";
        return """
                -- Never COPY_ONLY: a copy-only backup does not start the log chain.
                -- No INIT or FORMAT: the backup goes to a new file.
                BACKUP DATABASE %s
                    TO DISK = %s
                    WITH CHECKSUM, COMPRESSION, STATS = 10;
                """.formatted(q, dev.milink.core.script.TSql.literal(file));
    }

    static FixPlan plan(FixStep... steps) {
        List<PlannedStep> planned = new ArrayList<>();
        for (FixStep s : steps) {
            String db = s.phase() == FixStep.Phase.DATABASE ? s.id().substring(s.id().indexOf("/[") + 2,
                    s.id().lastIndexOf("]/")).replace("]]", "]") : null;
            planned.add(new PlannedStep(planned.size() + 1, s, List.of(s.id().substring(0, s.id().indexOf('/'))),
                    new Target("sql", db), Status.FAIL));
        }
        return new FixPlan("sql", planned);
    }

    static FixStep manual(String id, String title) {
        return new FixStep(id, title, FixStep.Phase.HOST, 10, true, false,
                List.of(new Script(ScriptKind.MANUAL, "Do it by hand.")), Optional.empty());
    }

    static FixStep instance(String id, String tsql, int order) {
        return new FixStep(id, id, FixStep.Phase.INSTANCE, order, false, true, List.of(new Script(ScriptKind.TSQL, tsql)),
                Optional.empty());
    }

    static FixStep instanceWithSecret(String id, String tsql) {
        return new FixStep(id, id, FixStep.Phase.INSTANCE, 1, false, true, List.of(new Script(ScriptKind.TSQL, tsql)),
                Optional.of(DmkPasswords.VARIABLE));
    }

    static FixStep database(String db, String id, String tsql, int order) {
        return new FixStep(id, id, FixStep.Phase.DATABASE, order, false, true, List.of(new Script(ScriptKind.TSQL, tsql)),
                Optional.empty());
    }

    /** Everything the listener heard, as text. */
    static final class Recorder implements ProgressListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void stepStarted(PlannedStep step, int index, int total) {
            events.add("start " + index + "/" + total + " " + step.step().id());
        }

        @Override
        public void message(PlannedStep step, ServerMessage message) {
            events.add("message " + message.number() + " " + message.text());
        }

        @Override
        public void stepFinished(PlannedStep step, StepOutcome outcome) {
            events.add((outcome instanceof StepOutcome.Done ? "done " : "failed ") + step.step().id()
                    + (outcome instanceof StepOutcome.Failed f ? " " + f.message() : ""));
        }
    }
}
