// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.cli.Environment;
import dev.milink.cli.Main;
import dev.milink.sandbox.arm.ArmStandIn;
import dev.milink.sandbox.arm.AzureScenarios;
import dev.milink.sandbox.arm.SandboxEstate;
import dev.milink.sandbox.link.LinkSimulation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code milink link ...} through {@link Main#run}: exit codes, stdout and stderr, against both stand-ins. */
class LinkCommandSandboxTest {

    @TempDir
    Path dir;

    private SandboxEstate estate;
    private Map<String, String> env;
    private String out;
    private String err;

    @BeforeEach
    void start() throws Exception {
        estate = SandboxEstate.start(AzureScenarios.load("prepared-2022"), new LinkSimulation.Settings(3, 60, 3, 1, 8,
                Instant.parse("2024-07-21T08:00:00Z"), Duration.ofSeconds(10)));
        estate.arm().setLro(new ArmStandIn.Lro(0, 1));
        env = EstateEnv.of(estate, "Sandbox#2022sa");
    }

    @AfterEach
    void stop() {
        estate.close();
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(estate.sql().host() + "," + estate.sql().port(), "-U", "sa", "--trust-server-certificate",
                "--mi", estate.arm().managedInstanceId(), "--azure-auth", "token", "-d", "SalesDB",
                "--state-dir", dir.toString(), "--poll-interval", "20ms"));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(Environment.of(env), new PrintWriter(o), new PrintWriter(e), all.toArray(String[]::new));
        out = o.toString();
        err = e.toString();
        return code;
    }

    @Test
    void createPlansByDefaultAndAppliesWithApplyThenStatusAndDelete() throws Exception {
        assertThat(run("link", "create")).as(err).isZero();
        assertThat(out).contains("milink link create: DAG_SalesDB").contains("[SQL Server] Create availability group")
                .contains("CREATE AVAILABILITY GROUP [AG_SalesDB]").contains("[managed instance] Create the link")
                .contains("Dry run: nothing was changed");
        assertThat(estate.link().links()).isEmpty();

        assertThat(run("link", "create", "--apply", "-o", "json")).as(err).isZero();
        assertThat(out).containsPattern("\"applied\"\\s*:\\s*true").containsPattern("\"finished\"\\s*:\\s*true");
        assertThat(err).contains("create/SalesDB/link: done");
        assertThat(Files.list(dir)).isEmpty();

        assertThat(run("link", "status")).as(out + err).isZero();
        assertThat(out).contains("DAG_SalesDB (SalesDB): SQL Server PRIMARY, CONNECTED").contains("MIL-L4");

        assertThat(run("link", "delete")).isZero();
        assertThat(out).contains("DROP AVAILABILITY GROUP [DAG_SalesDB]").contains("Dry run");
        assertThat(run("link", "delete", "--apply")).as(err).isZero();
        assertThat(run("link", "status")).isEqualTo(1);
        assertThat(out).contains("The link exists on neither end");
    }

    @Test
    void armOperationsShowTheirPollsAsPlainLinesWithoutATerminal() {
        estate.arm().setLro(new ArmStandIn.Lro(0, 2));
        assertThat(run("link", "create", "--apply")).as(err).isZero();
        assertThat(err).containsPattern("create/SalesDB/link: InProgress, \\d+s, waiting for PUT "
                        + "distributedAvailabilityGroups/DAG_SalesDB to finish \\(Azure-AsyncOperation\\)\\n")
                .containsPattern("create/SalesDB/link: Succeeded, \\d+s, waiting for PUT")
                .doesNotContain("\r").doesNotContain("\033[").doesNotContain("[#");
        assertThat(err.lines().filter(l -> l.startsWith("create/SalesDB/link: InProgress"))).hasSize(2);
    }

    @Test
    void forcedFailoverWithoutAllowDataLossIsRefused() {
        assertThat(run("link", "failover", "--forced")).isEqualTo(1);
        assertThat(out).contains("REFUSED").contains("--allow-data-loss");
    }

    @Test
    void badOptionsAreOneLine() {
        assertThat(run("link", "create", "-o", "xml")).isEqualTo(2);
        assertThat(err.strip()).startsWith("Error [USAGE]").doesNotContain("\tat ");
    }

    @Test
    void aReadinessBlockerStopsCreateWithTheCheckReport() throws Exception {
        estate.close();
        estate = SandboxEstate.start(AzureScenarios.load("unprepared-2019"));
        env.put("MILINK_ARM_ENDPOINT", estate.arm().baseUrl());
        env.put("MILINK_ARM_TOKEN", estate.arm().accessToken());
        env.put("MILINK_SQL_PASSWORD", "Sandbox#2019sa");
        assertThat(run("link", "create", "--apply")).as(err).isEqualTo(1);
        assertThat(out).contains("NOT READY").contains("MIL-");
        assertThat(err).contains("Error [LINK_REFUSED]").contains("readiness check(s) block the link");
        assertThat(estate.link().links()).isEmpty();
    }
}
