// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.milink.sandbox.arm.ArmFault;
import dev.milink.sandbox.arm.ArmStandIn;
import dev.milink.sandbox.arm.AzureScenarios;
import dev.milink.sandbox.arm.SandboxEstate;
import dev.milink.sandbox.server.SandboxInstance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code milink check} with the managed-instance end, black-box through {@code Main.run}: the real azure-identity
 * credential and azure-core pipeline against the ARM stand-in (both ends of a {@link SandboxEstate}), and saved
 * {@code az} output with no network at all.
 */
class AzureCliTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path AZ = Path.of("src/test/resources/az");

    /** How a separate milink process reaches the stand-in: endpoint, sandbox trust store, service principal. */
    static Map<String, String> azureEnv(ArmStandIn arm, String sqlPassword) {
        Map<String, String> env = new HashMap<>();
        env.put("MILINK_ARM_ENDPOINT", arm.baseUrl());
        env.put("MILINK_ARM_TRUSTSTORE", arm.trustStore().toString());
        env.put("MILINK_ARM_TRUSTSTORE_PASSWORD", arm.trustStorePassword());
        env.put("AZURE_TENANT_ID", arm.tenantId());
        env.put("AZURE_CLIENT_ID", arm.clientId());
        env.put("AZURE_CLIENT_SECRET", arm.clientSecret());
        env.put("MILINK_SQL_PASSWORD", sqlPassword);
        return env;
    }

    /** {@code milink check} of the estate's SQL Server (found at {@code sqlAddress}) and managed instance. */
    static Cli check(SandboxEstate estate, String sqlPassword, String sqlAddress) {
        return Cli.run(azureEnv(estate.arm(), sqlPassword), checkArgs(estate, sqlAddress).toArray(String[]::new));
    }

    static List<String> checkArgs(SandboxEstate estate, String sqlAddress, String... more) {
        SandboxInstance sql = estate.sql();
        List<String> args = new ArrayList<>(List.of("check", sql.host() + "," + sql.port(), "--user", "sa",
                "--trust-server-certificate", "--mi", estate.arm().managedInstanceId(), "--azure-auth",
                "service-principal", "--sql-address", sqlAddress, "--output", "json"));
        args.addAll(List.of(more));
        return args;
    }

    /** checkId -> finding (the first of that id). */
    static Map<String, JsonNode> findings(String json) throws Exception {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode f : JSON.readTree(json).get("findings")) {
            out.putIfAbsent(f.get("checkId").asText(), f);
        }
        return out;
    }

    /** The message of finding {@code id}. */
    static String message(Map<String, JsonNode> findings, String id) {
        return findings.get(id).get("message").asText();
    }

    static String status(Map<String, JsonNode> f, String id) {
        return f.get(id).get("status").asText();
    }

    @Test
    void savedAzOutputIsJudgedWithTheSqlServerFactsWithNoNetworkAtAll() throws Exception {
        // Anything that tried Azure would fail: the endpoint is a closed loopback port and no credential is set.
        Map<String, String> env = Map.of("MILINK_ARM_ENDPOINT", "https://127.0.0.1:1", "MILINK_ARM_TOKEN", "");
        Cli r = Cli.run(env, "check", "--facts", CheckCommandTest.FACTS.toString(), "--mi-facts",
                AZ.resolve("mi.json").toString(), AZ.resolve("nsg.json").toString(),
                AZ.resolve("permissions.json").toString(), AZ.resolve("subnet.json").toString(),
                "--sql-address", "10.20.0.5", "--azure-auth", "token", "--output", "json");
        assertThat(r.exit()).as(r.toString()).isIn(1, 5);
        assertThat(r.err()).doesNotContain("Error [");
        Map<String, JsonNode> f = findings(r.out());
        assertThat(status(f, "MIL-M7")).isEqualTo("PASS");
        assertThat(status(f, "MIL-N2")).as(f.get("MIL-N2").toString()).isEqualTo("FAIL");
        assertThat(message(f, "MIL-N2")).contains("deny_5022_inbound");
        assertThat(status(f, "MIL-RBAC")).isNotIn("SKIPPED", "UNKNOWN");
        assertThat(status(f, "MIL-I1")).isNotEqualTo("SKIPPED"); // the SQL Server end is judged beside it
    }

    @Test
    void savedAzNetworkVnetShowSettlesTheVirtualNetworkTagOffline() throws Exception {
        Map<String, String> env = Map.of("MILINK_ARM_ENDPOINT", "https://127.0.0.1:1", "MILINK_ARM_TOKEN", "");
        List<String> files = List.of("mi.json", "nsg.json", "permissions.json", "subnet.json");
        java.util.function.BiFunction<String, Boolean, JsonNode> n3 = (address, withVnet) -> {
            List<String> args = new ArrayList<>(List.of("check", "--facts", CheckCommandTest.FACTS.toString(),
                    "--mi-facts"));
            files.forEach(f -> args.add(AZ.resolve(f).toString()));
            if (withVnet) {
                args.add(AZ.resolve("vnet.json").toString());
            }
            args.addAll(List.of("--sql-address", address, "--azure-auth", "token", "--output", "json"));
            try {
                return findings(Cli.run(env, args.toArray(String[]::new)).out()).get("MIL-N3");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        // in the peered vnet-apps (10.100.0.0/16): AllowVnetOutBound covers it
        assertThat(n3.apply("10.100.0.7", true).get("status").asText()).isEqualTo("PASS");
        // on-premises behind vnet-mi's GatewaySubnet: UNKNOWN naming the gateway
        JsonNode onPrem = n3.apply("10.20.0.5", true);
        assertThat(onPrem.get("status").asText()).isEqualTo("UNKNOWN");
        assertThat(onPrem.get("message").asText()).contains("'vnet-mi' has a GatewaySubnet");
        // without the file: UNKNOWN naming the az command that gives it
        JsonNode without = n3.apply("10.100.0.7", false);
        assertThat(without.get("status").asText()).isEqualTo("UNKNOWN");
        assertThat(without.get("message").asText()).contains("az network vnet show --ids /subscriptions/");
    }

    @Test
    void liveAndSavedManagedInstanceAtOnceIsAUsageError() {
        Cli r = Cli.run("check", "--facts", CheckCommandTest.FACTS.toString(), "--mi",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/managedInstances/mi", "--mi-facts",
                AZ.resolve("mi.json").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Error [USAGE]", "not both").doesNotContain("\tat ");
    }

    @Test
    void aReadyEstatePassesTheAzureChecksThroughTheRealPipeline() throws Exception {
        try (SandboxEstate estate = SandboxEstate.start(AzureScenarios.load("prepared-2022"))) {
            Cli r = check(estate, "Sandbox#2022sa", "10.20.0.4");
            Map<String, JsonNode> f = findings(r.out());
            assertThat(List.of("MIL-M7", "MIL-M1", "MIL-M5", "MIL-N2", "MIL-N3", "MIL-I10", "MIL-RBAC"))
                    .as(r.toString()).allSatisfy(id -> assertThat(status(f, id)).as(id).isEqualTo("PASS"));
            assertThat(estate.arm().requestLog().count("POST", "/oauth2/v2.0/token")).isPositive();
        }
    }

    /** The ids of every check that reads the managed-instance end. */
    static List<String> azureCheckIds() {
        return dev.milink.core.catalog.CheckCatalog.standard().checks().stream().map(c -> c.metadata())
                .filter(m -> m.needs().contains(dev.milink.core.check.Part.MANAGED_INSTANCE)).map(m -> m.id())
                .toList();
    }

    @Test
    void everyAzureCheckIsJudgedOnAReadyEstateAndNoneFailsOrIsUnknown() throws Exception {
        try (SandboxEstate estate = SandboxEstate.start(AzureScenarios.load("prepared-2022"))) {
            Cli r = check(estate, "Sandbox#2022sa", "10.20.0.4");
            String json = r.out();
            List<JsonNode> azure = new ArrayList<>();
            JSON.readTree(json).get("findings").forEach(f -> {
                if (azureCheckIds().contains(f.get("checkId").asText())) {
                    azure.add(f);
                }
            });
            assertThat(azure).as(r.toString()).isNotEmpty();
            assertThat(azure).allSatisfy(f -> assertThat(f.get("status").asText()).as(f.toString())
                    .isIn("PASS", "INFO", "SKIPPED"));
        }
    }

    @Test
    void everyAzureCheckIsUnknownWhenArmAnswersOnly503AndTheSqlServerEndIsStillJudged() throws Exception {
        try (SandboxEstate estate = SandboxEstate.start(AzureScenarios.load("prepared-2022"))) {
            estate.arm().faults().add(ArmFault.serverError("/subscriptions/", 503, 0));
            Cli r = check(estate, "Sandbox#2022sa", "10.20.0.4");
            assertThat(r.exit()).as(r.toString()).isEqualTo(5);
            List<JsonNode> all = new ArrayList<>();
            JSON.readTree(r.out()).get("findings").forEach(all::add);
            List<JsonNode> azure = all.stream().filter(f -> azureCheckIds().contains(f.get("checkId").asText()))
                    .toList();
            assertThat(azure).isNotEmpty().allSatisfy(f -> assertThat(f.get("status").asText()).as(f.toString())
                    .isIn("UNKNOWN", "SKIPPED"));
            assertThat(azure).anyMatch(f -> f.get("status").asText().equals("UNKNOWN"));
            assertThat(findings(r.out()).get("MIL-I8").get("status").asText()).isEqualTo("PASS");
        }
    }

    @Test
    void forbiddenReadIsUnknownNamingTheActionAndThrottlingIsRetriedAfterRetryAfter() throws Exception {
        try (SandboxEstate estate = SandboxEstate.start(AzureScenarios.load("prepared-2022"))) {
            ArmStandIn arm = estate.arm();
            arm.faults().add(ArmFault.forbidden("/networkSecurityGroups/nsg-mi$",
                    "Microsoft.Network/networkSecurityGroups/read"));
            arm.faults().add(ArmFault.throttle("/managedInstances/contoso-mi$", 1, 1));
            Cli r = check(estate, "Sandbox#2022sa", "10.20.0.4");
            Map<String, JsonNode> f = findings(r.out());
            assertThat(status(f, "MIL-N2")).as(r.toString()).isEqualTo("UNKNOWN");
            assertThat(message(f, "MIL-N2"))
                    .contains("Microsoft.Network/networkSecurityGroups/read");
            // the 429 was answered, then the same GET sent again and answered 200: M7 read the instance
            List<Integer> statuses = arm.requestLog().find("GET", "/managedInstances/contoso-mi$").stream()
                    .map(e -> e.status()).toList();
            assertThat(statuses).startsWith(429, 200);
            assertThat(status(f, "MIL-M7")).isEqualTo("PASS");
        }
    }

    private static String vnet(String extraSubnet, String peering) {
        return """
                name: vnet-variant
                base: prepared-2022
                virtualNetworks:
                  - name: vnet-mi
                    addressPrefixes: [10.0.0.0/16]
                    subnets:
                      - {name: snet-mi, addressPrefix: 10.0.0.0/24, networkSecurityGroup: nsg-mi, routeTable: rt-mi,
                         delegations: [Microsoft.Sql/managedInstances]}
                """ + extraSubnet + (peering.isEmpty() ? "" : "    peerings:\n" + peering);
    }

    @Test
    void theVirtualNetworkTagIsJudgedFromTheVirtualNetworkReadThroughTheRealPipeline() throws Exception {
        String hub = "      - {name: to-hub, remoteVirtualNetwork: vnet-hub, remoteAddressPrefixes: [192.168.0.0/16]}\n";
        // an on-premises-looking address in a peered network: the default AllowVnetInBound/OutBound rules allow it
        try (SandboxEstate estate = SandboxEstate.start(AzureScenarios.fromYamlText(vnet("", hub), "peered"))) {
            Cli r = check(estate, "Sandbox#2022sa", "192.168.10.4");
            Map<String, JsonNode> f = findings(r.out());
            assertThat(status(f, "MIL-N2")).as(f.get("MIL-N2").toString()).isEqualTo("PASS");
            assertThat(message(f, "MIL-N2")).contains("AllowVnetInBound");
            assertThat(status(f, "MIL-N3")).as(f.get("MIL-N3").toString()).isEqualTo("PASS");
            // outside the network and its peers: not in VirtualNetwork, the default deny decides
            Map<String, JsonNode> outside = findings(check(estate, "Sandbox#2022sa", "172.16.10.4").out());
            assertThat(status(outside, "MIL-N2")).isEqualTo("FAIL");
            assertThat(message(outside, "MIL-N2")).contains("DenyAllInBound");
        }
        // a gateway may bring the address in: UNKNOWN naming it, never a pass on a guess
        try (SandboxEstate estate = SandboxEstate.start(AzureScenarios.fromYamlText(vnet(
                "      - {name: GatewaySubnet, addressPrefix: 10.0.255.0/27}\n", ""), "gateway"))) {
            Map<String, JsonNode> f = findings(check(estate, "Sandbox#2022sa", "172.16.10.4").out());
            assertThat(status(f, "MIL-N2")).isEqualTo("UNKNOWN");
            assertThat(message(f, "MIL-N2")).contains("'vnet-mi' has a GatewaySubnet",
                    "VirtualNetwork may hold 172.16.10.4");
        }
        // the virtual network cannot be read: UNKNOWN naming the missing action
        try (SandboxEstate estate = SandboxEstate.start(AzureScenarios.load("prepared-2022"))) {
            estate.arm().faults().add(ArmFault.forbidden("/virtualNetworks/vnet-mi$",
                    "Microsoft.Network/virtualNetworks/read"));
            Map<String, JsonNode> f = findings(check(estate, "Sandbox#2022sa", "172.16.10.4").out());
            assertThat(status(f, "MIL-N2")).isEqualTo("UNKNOWN");
            assertThat(message(f, "MIL-N2")).contains("the virtual network could not be read",
                    "Microsoft.Network/virtualNetworks/read");
        }
    }

    @Test
    void aServerErrorThatPersistsIsUnknownAndTheRunCompletesWithTheOtherFindings() throws Exception {
        try (SandboxEstate estate = SandboxEstate.start(AzureScenarios.load("prepared-2022"))) {
            ArmStandIn arm = estate.arm();
            arm.faults().add(ArmFault.serverError("/serverTrustCertificates$", 503, 0));
            Cli r = check(estate, "Sandbox#2022sa", "10.20.0.4");
            assertThat(r.exit()).as(r.toString()).isEqualTo(5); // incomplete: nothing failed, one blocker unknown
            Map<String, JsonNode> f = findings(r.out());
            assertThat(status(f, "MIL-I10")).isEqualTo("UNKNOWN");
            assertThat(message(f, "MIL-I10")).containsIgnoringCase("503");
            assertThat(arm.requestLog().count("GET", "/serverTrustCertificates$")).isGreaterThan(1); // retried
            assertThat(status(f, "MIL-M7")).isEqualTo("PASS");
            assertThat(status(f, "MIL-I8")).isEqualTo("PASS");
        }
    }

    @Test
    void aFailingEstateFailsTheAzureChecks() throws Exception {
        try (SandboxEstate estate = SandboxEstate.start(AzureScenarios.load("unprepared-2019"))) {
            Cli r = check(estate, "Sandbox#2019sa", "10.20.0.5");
            assertThat(r.exit()).as(r.toString()).isEqualTo(1);
            Map<String, JsonNode> f = findings(r.out());
            assertThat(List.of("MIL-N2", "MIL-RBAC", "MIL-M6", "MIL-I11"))
                    .allSatisfy(id -> assertThat(status(f, id)).as(id).isEqualTo("FAIL"));
            // SQL Server's 16 CPUs and 64 GB memory target, read in the collection batch, against 8 vCores
            assertThat(status(f, "MIL-M9")).isEqualTo("WARN");
            assertThat(message(f, "MIL-M9")).contains("8 vCores for SQL Server's 16 CPUs",
                    "40.8 GB memory for SQL Server's 64.0 GB");
        }
    }

    @Test
    void theReadyEstatesManagedInstanceIsAsLargeAsItsSqlServer() throws Exception {
        try (SandboxEstate estate = SandboxEstate.start(AzureScenarios.load("prepared-2022"))) {
            Map<String, JsonNode> ready = findings(check(estate, "Sandbox#2022sa", "10.20.0.4").out());
            assertThat(status(ready, "MIL-M9")).isEqualTo("PASS");
            assertThat(ready.get("MIL-M9").get("evidence").get("observed").asText())
                    .contains("8 vCores, 40.8 GB memory", "SQL Server: 8 schedulers of 8 CPUs");
        }
    }

    @Test
    void demoPrintsAzureFindingsNextToSqlServerOnes() throws Exception {
        Cli r = Cli.run(Map.of(), "demo", "--output", "json").expectExit(1);
        assertThat(r.err()).contains("Azure Resource Manager stand-in");
        Map<String, JsonNode> f = findings(r.out());
        assertThat(status(f, "MIL-I8")).isEqualTo("FAIL");   // SQL Server: no mirroring endpoint
        assertThat(status(f, "MIL-N2")).isEqualTo("FAIL");   // Azure: the NSG denies 5022
        assertThat(status(f, "MIL-M7")).isEqualTo("PASS");   // Azure: the instance is ready
    }
}
