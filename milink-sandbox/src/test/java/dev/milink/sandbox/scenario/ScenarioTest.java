// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioTest {

    @Test
    void everyShippedScenarioLoadsWithDefaults() {
        for (String name : Scenarios.names()) {
            Scenario s = Scenarios.load(name);
            assertThat(s.name).isEqualTo(name);
            assertThat(s.databases.subList(0, 4)).extracting(d -> d.name)
                    .containsExactly("master", "tempdb", "model", "msdb");
            assertThat(s.login("sa") != null || s.isManagedInstance()).isTrue();
            assertThat(Scenarios.load(name)).isSameAs(s);
        }
    }

    @Test
    void baseScenarioIsMergedAndCopiesAreIndependent() {
        Scenario limited = Scenarios.load("limited-login");
        assertThat(limited.server.productVersion).isEqualTo("15.0.4261.1");
        assertThat(limited.login("milink_reader").serverRoles).isEmpty();
        Scenario copy = limited.copy();
        copy.database("SalesDB").recovery = "SIMPLE";
        assertThat(limited.database("SalesDB").recovery).isEqualTo("FULL");
        assertThat(copy.database("Ведомости")).isNotNull();
    }

    @Test
    void fromYamlAndFaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, "name: mine\nbase: prepared-2022\nfaults:\n  statementErrors:\n"
                + "    - {pattern: 'BACKUP', number: 3201, message: 'Cannot open backup device.', times: 1}\n");
        Scenario s = Scenario.fromYaml(file);
        assertThat(s.server.hadrEnabled).isTrue();
        assertThat(s.toFaults().statementErrors()).hasSize(1);
        assertThat(s.toString()).doesNotContain("Sandbox#");
        Files.writeString(file, "name: bad\nsrever: {}\n");
        assertThatThrownBy(() -> Scenario.fromYaml(file)).hasMessageContaining("srever");
        assertThatThrownBy(() -> Scenarios.load("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBackupWithoutDeviceIsAScenarioErrorNamingTheDatabase(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nodevice.yaml");
        Files.writeString(file, """
                name: nodevice
                base: prepared-2022
                databases:
                  - name: Sales
                    backups:
                      - {type: D, finish: "2026-11-01T22:00:00", device: 'D:\\Backups\\s.bak'}
                      - {type: L, finish: "2026-11-02T22:00:00"}
                """);
        assertThatThrownBy(() -> Scenario.fromYaml(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("database 'Sales', backups[1] (type L) has no device")
                .hasMessageContaining("device: 'D:\\Backups\\Sales.bak'");
    }
}
