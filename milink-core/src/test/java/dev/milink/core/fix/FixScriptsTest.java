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
import org.junit.jupiter.api.Test;

class FixScriptsTest {

    private static final FixStep DMK = new FixStep("MIL-I2/create-dmk", "Create the database master key in master",
            Phase.INSTANCE, 10, false, true, List.of(new Script(ScriptKind.TSQL,
                    "USE master;\nCREATE MASTER KEY ENCRYPTION BY PASSWORD = '$(MILINK_DMK_PASSWORD)';")),
            Optional.of("MILINK_DMK_PASSWORD"));
    private static final FixStep HADR = new FixStep("MIL-I3/enable-hadr", "Enable Always On availability groups",
            Phase.HOST, 10, true, false, List.of(new Script(ScriptKind.WINDOWS_POWERSHELL, "Enable-SqlAlwaysOn -Force"),
                    new Script(ScriptKind.CONFIGURATION_MANAGER, "1. Open SQL Server Configuration Manager"),
                    new Script(ScriptKind.LINUX_SHELL, "sudo /opt/mssql/bin/mssql-conf set hadr.hadrenabled 1")),
            Optional.empty());
    private static final FixStep BACKUP = new FixStep("MIL-D7/[Sales]Q1 'Ведомости']/backup", "Back up [Sales]",
            Phase.DATABASE, 20, false, true, List.of(new Script(ScriptKind.TSQL, "BACKUP DATABASE [x] TO DISK = N'y';")),
            Optional.empty());

    @Test
    void writesAManifestAndOneFilePerStepForThePlatform() {
        List<ScriptFile> files = FixScripts.render(plan(), FixScripts.Platform.WINDOWS);
        assertThat(files).extracting(ScriptFile::name).containsExactly("000-manifest.md",
                "010-MIL-I3-enable-hadr.ps1", "010-MIL-I3-enable-hadr-configuration-manager.txt",
                "020-MIL-I2-create-dmk.sql", "030-MIL-D7-Sales-Q1-Ведомости-backup.sql");
        String manifest = files.getFirst().content();
        assertThat(manifest).contains("| 1 |", "Enable Always On", "| yes | manual |", "T-SQL (milink can apply)",
                "MILINK_DMK_PASSWORD", "restart");
    }

    @Test
    void linuxGetsShellScriptsInsteadOfWindowsOnes() {
        List<ScriptFile> files = FixScripts.render(plan(), FixScripts.Platform.LINUX);
        assertThat(files).extracting(ScriptFile::name).contains("010-MIL-I3-enable-hadr.sh")
                .noneMatch(n -> n.endsWith(".ps1"));
    }

    @Test
    void tsqlKeepsTheSecretAsASqlcmdVariableAndSaysSo() {
        String dmk = FixScripts.render(plan(), FixScripts.Platform.ANY).stream()
                .filter(f -> f.name().contains("create-dmk")).findFirst().orElseThrow().content();
        assertThat(dmk).startsWith("-- milink fix step 2: Create the database master key in master")
                .contains("$(MILINK_DMK_PASSWORD)", "set the environment variable MILINK_DMK_PASSWORD");
    }

    @Test
    void anEmptyPlanSaysThereIsNothingToFix() {
        List<ScriptFile> files = FixScripts.render(new FixPlan("sql01", List.of()), FixScripts.Platform.ANY);
        assertThat(files).singleElement().satisfies(f -> assertThat(f.content()).contains("Nothing to fix"));
    }

    @Test
    void fileNamesAreSafeForAnyDatabaseName() {
        assertThat(FixScripts.safe("MIL-D7/[a]]b c'd]/販売/backup")).isEqualTo("MIL-D7-a-b-c-d-販売-backup");
        assertThat(FixScripts.safe("x".repeat(200))).hasSize(80);
    }

    private static FixPlan plan() {
        return FixPlanner.plan("sql01", List.of(f("MIL-I2", DMK), f("MIL-I3", HADR), f("MIL-D7", BACKUP)),
                FixPlanner.Options.DEFAULT);
    }

    private static Finding f(String id, FixStep step) {
        return new Finding(id, "t", Area.INSTANCE, Status.FAIL, Severity.BLOCKER, Target.instance("sql01"), "m",
                Evidence.NONE, new Remediation("fix", List.of(step)));
    }
}
