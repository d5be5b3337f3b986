// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.milink.sandbox.arm.AzureScenarios;
import dev.milink.sandbox.arm.SandboxEstate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code milink fix} with the managed-instance end against both stand-ins (unprepared-2019), through the real
 * mssql-jdbc driver and the real azure-core pipeline: dry run by default with the ARM steps in the plan and as
 * scripts; one {@code --apply} sends the ARM requests and runs the T-SQL (the upload of the endpoint certificate
 * MIL-I9 creates comes after it, its public key read then), and the fixable Azure findings pass on the next check. The update policy is never changed.
 */
class AzureFixCliTest {

    @TempDir
    Path dir;

    private static Map<String, String> env(SandboxEstate estate) {
        Map<String, String> env = new HashMap<>(AzureCliTest.azureEnv(estate.arm(), "Sandbox#2019sa"));
        env.put("MILINK_DMK_PASSWORD", "Dmk#" + UUID.randomUUID());
        return env;
    }

    private static String[] fix(SandboxEstate estate, String... more) {
        List<String> args = new ArrayList<>(List.of("fix", estate.sql().host() + "," + estate.sql().port(),
                "--user", "sa", "--trust-server-certificate", "--backup-dir", "D:\\Backups", "--mi",
                estate.arm().managedInstanceId(), "--azure-auth", "service-principal", "--sql-address", "10.20.0.5"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static Map<String, JsonNode> check(SandboxEstate estate, Map<String, String> env) throws Exception {
        Cli r = Cli.run(env, AzureCliTest.checkArgs(estate, "10.20.0.5").toArray(String[]::new));
        assertThat(r.exit()).as(r.toString()).isIn(0, 1, 5);
        return AzureCliTest.findings(r.out());
    }

    @Test
    void dryRunShowsTheArmStepsAndWritesThemAsScriptsChangingNothing() throws Exception {
        try (SandboxEstate estate = SandboxEstate.start(AzureScenarios.load("unprepared-2019"))) {
            Cli r = Cli.run(env(estate), fix(estate, "--script-dir", dir.toString()));
            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(r.out()).contains("Azure Resource Manager request(s) that milink can send", "[ARM]",
                    "Allow inbound TCP 5022", "Dry run: nothing was changed.");
            // SQL Server's endpoint certificate does not exist yet: its upload is planned after MIL-I9 creates it
            String plan = r.out();
            int create = plan.indexOf("Create endpoint certificate Cert_");
            int upload = plan.indexOf("created by the MIL-I9 step above");
            assertThat(create).as(plan).isPositive();
            assertThat(upload).as(plan).isGreaterThan(create);
            assertThat(plan.substring(upload)).contains("\"publicBlobFrom\"", "\"createdBy\": \"MIL-I9/",
                    "<read at apply time: CERTENCODED", "CERTENCODED(CERT_ID(N'Cert_");
            List<String> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.map(p -> p.getFileName().toString()).sorted().toList();
            }
            assertThat(files).anyMatch(n -> n.endsWith(".json")).anyMatch(n -> n.endsWith(".bicep"))
                    .anyMatch(n -> n.endsWith("-azure-cli.sh")).anyMatch(n -> n.endsWith("-azure-powershell.ps1"));
            assertThat(estate.arm().requestLog().entries()).noneMatch(e -> !e.method().equals("GET")
                    && !e.path().contains("/oauth2/"));
        }
    }

    @Test
    void applyTurnsTheFixableAzureFindingsToPassAndNeverTouchesTheUpdatePolicy() throws Exception {
        try (SandboxEstate estate = SandboxEstate.start(AzureScenarios.load("unprepared-2019"))) {
            Map<String, String> env = env(estate);
            Map<String, JsonNode> before = check(estate, env);
            assertThat(AzureCliTest.status(before, "MIL-N2")).isEqualTo("FAIL");
            assertThat(AzureCliTest.status(before, "MIL-I11")).isEqualTo("FAIL");

            Cli once = Cli.run(env, fix(estate, "--apply", "--yes"));
            assertThat(once.exit()).as(once.toString()).isIn(1, 6);
            assertThat(once.out()).contains("Applying ");

            Map<String, JsonNode> after = check(estate, env);
            assertThat(List.of("MIL-N2", "MIL-I10", "MIL-I11", "MIL-I8", "MIL-I9"))
                    .allSatisfy(id -> assertThat(AzureCliTest.status(after, id)).as(id + ": " + after.get(id))
                            .isEqualTo("PASS"));
            assertThat(estate.arm().requestLog().find("PUT", "/securityRules/")).isNotEmpty();
            assertThat(estate.arm().requestLog().find("PUT", "/serverTrustCertificates/")).hasSize(1);
            assertThat(estate.arm().requestLog().entries()).noneMatch(e -> !e.method().equals("GET")
                    && e.path().matches(".*/managedInstances/[^/]+$"));
            assertThat(estate.arm().state().get(estate.arm().managedInstanceId()).toString())
                    .contains("AlwaysUpToDate");
        }
    }
}
