// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.milink.sandbox.arm.ArmStandIn;
import dev.milink.sandbox.arm.AzureScenarios;
import dev.milink.sandbox.server.SandboxCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An inventory whose rows name their own managed instance ({@code mi}): each row's instance is read through the
 * ARM stand-in with the run's one credential and pipeline and judged with that row's SQL Server; a row without
 * one keeps the SQL-only checks (the managed-instance ones SKIPPED).
 */
class FleetManagedInstancesTest {

    private static final String SCENARIO = """
            name: two-instances
            base: prepared-2022
            otherManagedInstances:
              - name: contoso-mi-2
                dnsZone: def456
                state: Stopped
                vCores: 4
                storageSizeInGB: 256
                subnet: {virtualNetwork: vnet-mi, name: snet-mi}
            """;

    @TempDir
    Path dir;

    @Test
    void eachRowIsJudgedWithItsOwnManagedInstanceAndARowWithoutOneKeepsTheSqlServerChecks() throws Exception {
        try (SandboxFleet sql = SandboxFleet.start(List.of("prepared-2022", "prepared-2022", "prepared-2022"), 0);
             ArmStandIn arm = ArmStandIn.start(AzureScenarios.fromYamlText(SCENARIO, "two-instances"))) {
            String mi1 = arm.managedInstanceId();
            String mi2 = mi1.substring(0, mi1.lastIndexOf('/') + 1) + "contoso-mi-2";
            List<String> targets = sql.members().stream().map(m -> m.instance().host() + ","
                    + m.instance().port()).toList();
            Path inventory = dir.resolve("wave.csv");
            Files.writeString(inventory, "Server;MI;Tags\r\n"
                    + targets.get(0) + ";" + mi1 + ";wave1\r\n"
                    + targets.get(1) + ";" + mi2 + ";wave1\r\n"
                    + targets.get(2) + ";;wave1\r\n");
            Map<String, String> env = new HashMap<>(AzureCliTest.azureEnv(arm, "Sandbox#2022sa"));
            env.put("MILINK_TRUST_STORE_PASSWORD", SandboxCertificate.get().password());

            Cli r = Cli.run(env, "check", "--inventory", inventory.toString(), "--user", "sa", "--trust-store",
                    SandboxCertificate.get().keystore().toString(), "--host-name-in-certificate", "localhost",
                    "--azure-auth", "service-principal", "--sql-address", "10.20.0.4", "--output", "json");

            Map<String, Map<String, JsonNode>> byTarget = new HashMap<>();
            for (JsonNode f : AzureCliTest.JSON.readTree(r.out()).get("findings")) {
                byTarget.computeIfAbsent(f.get("target").get("instance").asText(), k -> new HashMap<>())
                        .putIfAbsent(f.get("checkId").asText(), f);
            }
            assertThat(byTarget).as(r.toString()).containsKeys(targets.toArray(String[]::new));
            // row 1: contoso-mi, Ready
            JsonNode first = byTarget.get(targets.get(0)).get("MIL-M7");
            assertThat(first.get("status").asText()).as(first.toString()).isEqualTo("PASS");
            assertThat(first.get("message").asText()).contains("'contoso-mi'");
            // row 2: contoso-mi-2, Stopped and half the size
            JsonNode second = byTarget.get(targets.get(1)).get("MIL-M7");
            assertThat(second.get("status").asText()).as(second.toString()).isEqualTo("FAIL");
            assertThat(second.get("message").asText()).contains("'contoso-mi-2'", "Stopped");
            assertThat(byTarget.get(targets.get(1)).get("MIL-M9").get("message").asText()).contains("4 vCores");
            // row 3: no mi, so no managed instance: its checks are SKIPPED and the SQL Server ones still run
            assertThat(byTarget.get(targets.get(2)).get("MIL-M7").get("status").asText()).isEqualTo("SKIPPED");
            assertThat(byTarget.get(targets.get(2)).get("MIL-I8").get("status").asText()).isEqualTo("PASS");
            // one sign-in for the fleet, each instance read once
            assertThat(arm.requestLog().count("POST", "/oauth2/v2.0/token$")).isEqualTo(1);
            assertThat(arm.requestLog().count("GET", "/managedInstances/contoso-mi$")).isEqualTo(1);
            assertThat(arm.requestLog().count("GET", "/managedInstances/contoso-mi-2$")).isEqualTo(1);
        }
    }

    @Test
    void aMalformedMiInARowIsAUsageErrorNamingTheRow() throws Exception {
        Path inventory = dir.resolve("bad.csv");
        Files.writeString(inventory, "Server,MI\r\nsql01.contoso.local,not-a-resource-id\r\n");
        List<String> args = new ArrayList<>(List.of("check", "--inventory", inventory.toString(), "--user", "sa"));
        Cli r = Cli.run(Map.of("MILINK_SQL_PASSWORD", "x"), args.toArray(String[]::new));
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("The inventory's mi for sql01.contoso.local", "not-a-resource-id");
    }
}
