// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code milink sandbox --scenario FILE.yaml}: a user's own estate with both ends, and what it prints to use it. */
class SandboxLinkTest {

    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        return Files.writeString(dir.resolve("my-estate.yaml"), """
                name: my-estate
                base: unprepared-2019
                managedInstance:
                  databaseFormat: SQLServer2022
                """);
    }

    @Test
    void sandboxWithAUsersScenarioFilePrintsTheMiValueAndTheEnvironment() throws Exception {
        Cli r = Cli.run("sandbox", "--scenario", scenario().toString(), "--exit-after", "0").expectExit(0);
        assertThat(r.out()).contains("scenario my-estate", "--mi /subscriptions/",
                "/providers/Microsoft.Sql/managedInstances/contoso-mi",
                "export MILINK_ARM_ENDPOINT='https://127.0.0.1:",
                "export MILINK_ARM_TRUSTSTORE=", "export AZURE_CLIENT_SECRET=", "--azure-auth service-principal",
                "--sql-address 10.20.0.5", "SQL Server  ");
    }

    @Test
    void thePrintedEnvironmentIsWhatASeparateCheckNeedsToReadTheManagedInstance() throws Exception {
        try (SandboxLink link = SandboxLink.start(scenario().toString())) {
            Map<String, String> env = new HashMap<>(link.environment());
            env.put("MILINK_SQL_PASSWORD", link.sql().password().reveal());
            Cli r = Cli.run(env, "check", link.sql().address(), "--user", link.sql().user(),
                    "--trust-server-certificate", "--mi", link.arm().managedInstanceId(), "--azure-auth",
                    "service-principal", "--output", "json");
            Map<String, JsonNode> f = AzureCliTest.findings(r.out());
            assertThat(AzureCliTest.status(f, "MIL-M7")).as(r.toString()).isEqualTo("PASS");
            // the file's own change: the update policy of the user's estate, not the shipped one
            assertThat(link.arm().state().get(link.arm().managedInstanceId()).toString()).contains("SQLServer2022");
        }
    }

    @Test
    void aBrokenScenarioFileIsOneUsageLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "name: x\nnoSuchKey: 1\n");
        Cli r = Cli.run("sandbox", "--scenario", bad.toString(), "--exit-after", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Error [USAGE]", "bad.yaml").doesNotContain("\tat ");
    }
}
