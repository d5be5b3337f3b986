// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.sandbox.catalog.CatalogEngine;
import dev.milink.sandbox.engine.Faults;
import dev.milink.sandbox.scenario.Scenario;
import dev.milink.sandbox.scenario.Scenarios;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.SandboxInstance;
import dev.milink.sandbox.server.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, defects 5, 7 and 9, black-box through {@code Main.run} against an {@code unprepared-2019} sandbox: a
 * guarded database no longer stops the other databases' fixes, a failed master key step can be resumed with the
 * password file it wrote, and exit 4 says why on stderr.
 */
class FixHardeningTest {

    @TempDir
    Path dir;

    private SandboxServer sandbox;
    private SandboxInstance sql;

    private void start(Consumer<Scenario> edit) throws Exception {
        Scenario s = Scenarios.load("unprepared-2019").copy();
        edit.accept(s);
        sandbox = SandboxServer.start(InstanceDef.of("sql", CatalogEngine.create(s)));
        sql = sandbox.instance("sql");
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private FixCommandTest.Run fix(Map<String, String> env, String... more) {
        List<String> args = new ArrayList<>(List.of("fix", sql.host() + "," + sql.port(), "--user", "sa",
                "--trust-server-certificate", "--backup-dir", "D:\\Backups", "--apply", "--yes"));
        args.addAll(List.of(more));
        return FixCommandTest.milink(env, args.toArray(String[]::new));
    }

    /** Defect 9: a read-only database (FULL, never backed up) gets an appliable backup step the guard refuses. */
    @Test
    void aGuardedDatabaseIsSkippedAndEveryOtherStepRuns() throws Exception {
        start(s -> s.database("Archive2015").backups.clear());
        FixCommandTest.Run r = fix(Map.of("MILINK_SQL_PASSWORD", "Sandbox#2019sa", "MILINK_DMK_PASSWORD",
                "Dmk#Abcdef12345"));
        assertThat(r.exit()).as(r.toString()).isEqualTo(6);
        assertThat(r.out()).contains("SKIPPED: Not run: [Archive2015] is read-only, and milink does not change such"
                + " a database unless you name it with --include-database Archive2015")
                .contains("Skipped (1):")
                .doesNotContain("Stopped at step");
        // the steps planned after Archive2015's backup (other databases) ran
        assertThat(r.out()).containsPattern("Take a full backup of 'Staging'[^\\n]*\\.\\.\\.\\n(.*\\n)*?\\s+done in");
        assertThat(r.err()).contains("Done, with 1 step(s) skipped (exit 6)");
    }

    /** Defects 5 and 7: the master key step fails after --dmk-password-file was written; the rerun reuses it. */
    @Test
    void aFailedMasterKeyStepResumesWithThePasswordFileItWrote() throws Exception {
        start(s -> { });
        sql.setFaults(new Faults(Duration.ZERO, Duration.ZERO, 0, List.of(new Faults.StatementError(
                Pattern.compile("CREATE\\s+MASTER\\s+KEY", Pattern.CASE_INSENSITIVE), 15_581, 16,
                "Please create a master key in the database or open the master key in the session.", 1))));
        Path file = dir.resolve("dmk.txt");
        Map<String, String> env = Map.of("MILINK_SQL_PASSWORD", "Sandbox#2019sa");

        FixCommandTest.Run first = fix(env, "--dmk-password-file", file.toString());
        assertThat(first.exit()).as(first.toString()).isEqualTo(4);
        assertThat(first.err()).as("exit 4 says why on stderr").containsPattern(
                "Error \\[FIX_STEP_FAILED]: Fix step \\d+ \\(Create the database master key in master\\) failed with"
                        + " error 15581");
        assertThat(file).exists();
        String password = Files.readString(file).strip();

        FixCommandTest.Run second = fix(env, "--dmk-password-file", file.toString());
        assertThat(second.exit()).as(second.toString()).isNotEqualTo(2).isNotEqualTo(4);
        assertThat(second.out()).contains("Using the database master key password saved in " + file.toAbsolutePath())
                .contains("Create the database master key in master ...");
        assertThat(second.out() + second.err()).doesNotContain(password);
        assertThat(Files.readString(file).strip()).isEqualTo(password);
    }
}
