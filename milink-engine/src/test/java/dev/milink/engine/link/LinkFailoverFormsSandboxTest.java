// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.link;

import static dev.milink.engine.link.LinkEstate.sales;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.link.FailoverPlanner;
import dev.milink.core.link.LinkObservation;
import dev.milink.core.link.LinkPlan;
import dev.milink.core.link.LinkStep;
import dev.milink.sandbox.arm.AzureScenario;
import dev.milink.sandbox.arm.AzureScenarios;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failover forms besides the ARM one, through the real driver and azure-core against both stand-ins: the
 * T-SQL planned failover ({@code --tsql}, SQL Server 2022 CU13+) and SQL Server 2016-2019's "break the link"
 * migration.
 */
class LinkFailoverFormsSandboxTest {

    /** prepared-2022 with SQL Server 2019 CU32 instead: same certificates, endpoint and databases. */
    private static final String PREPARED_2019 = """
            name: prepared-2019
            base: prepared-2022
            sqlServer:
              base: prepared-2022
              name: prepared-2019
              server:
                productVersion: 15.0.4430.1
                productUpdateLevel: CU32
                productUpdateReference: KB5054833
            """;

    @TempDir
    Path stateDir;

    private static void create(LinkEstate e) {
        LinkOperations.CreatePreview p = e.link.previewCreate(sales(), false, "10.20.0.4");
        assertThat(p.plan().refusals()).isEmpty();
        e.link.apply(p.plan(), sales(), e.recorder());
        e.estate.link().setWorkload(false);   // the user stopped the workload, as the plan says
    }

    private static int armFailovers(LinkEstate e) {
        return e.estate.arm().requestLog().count("POST", ".*/distributedAvailabilityGroups/.*/failover");
    }

    @Test
    void tsqlPlannedFailoverRunsAlterAvailabilityGroupFailoverOnSqlServer() throws Exception {
        try (LinkEstate e = new LinkEstate("prepared-2022", stateDir, 3)) {
            create(e);
            LinkPlan plan = e.link.planFailover(sales(), FailoverPlanner.Mode.PLANNED, false, true);
            assertThat(plan.refusals()).isEmpty();
            LinkStep failover = plan.steps().stream().filter(s -> s.id().equals("failover/SalesDB/failover"))
                    .findFirst().orElseThrow();
            assertThat(failover.end()).isEqualTo(LinkStep.End.SQL_SERVER);
            assertThat(failover.text()).contains("ALTER AVAILABILITY GROUP [DAG_SalesDB] FAILOVER;");

            e.link.apply(plan, sales(), e.recorder());

            assertThat(armFailovers(e)).as("no ARM failover: T-SQL did it").isZero();
            LinkObservation after = e.link.status(sales()).links().get(0);
            assertThat(after.managedInstance().orElseThrow().isPrimary()).isTrue();
            assertThat(after.sqlServer().orElseThrow().isPrimary()).isFalse();
            assertThat(e.query("SELECT r.availability_mode_desc FROM sys.availability_replicas r JOIN "
                    + "sys.availability_groups ag ON ag.group_id = r.group_id WHERE ag.name = N'DAG_SalesDB'"))
                    .extracting(r -> r.get("availability_mode_desc")).containsOnly("ASYNCHRONOUS_COMMIT");

            // the way back: SQL Server is secondary now, so the T-SQL form does not apply and ARM is used
            LinkPlan back = e.link.planFailover(sales(), FailoverPlanner.Mode.PLANNED, false, true);
            assertThat(back.notes()).anySatisfy(n -> assertThat(n).contains("using ARM"));
            e.link.apply(back, sales(), e.recorder());
            assertThat(armFailovers(e)).isEqualTo(1);
            assertThat(e.link.status(sales()).links().get(0).sqlServer().orElseThrow().isPrimary()).isTrue();
        }
    }

    @Test
    void sqlServer2019BreaksTheLinkInsteadOfFailingOver() throws Exception {
        AzureScenario scenario = AzureScenarios.fromYamlText(PREPARED_2019, "prepared-2019 (test)");
        try (LinkEstate e = new LinkEstate(scenario, stateDir, 3, 3)) {
            LinkOperations.CreatePreview p = e.link.previewCreate(sales(), false, "10.20.0.4");
            assertThat(p.gateBlocks()).as("readiness gate on 2019").isEmpty();
            create(e);
            assertThat(e.query("SELECT name FROM sys.availability_groups WHERE is_distributed = 1"))
                    .containsExactly(Map.of("name", "DAG_SalesDB"));

            LinkPlan plan = e.link.planFailover(sales(), FailoverPlanner.Mode.PLANNED, false, true);
            assertThat(plan.operation()).isEqualTo("break-the-link");
            assertThat(plan.refusals()).isEmpty();
            assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("'break the link' migration"));
            assertThat(plan.steps()).extracting(LinkStep::id).containsExactly("failover/SalesDB/sync-sql",
                    "failover/SalesDB/sync-mi", "failover/SalesDB/wait-lsns", "failover/SalesDB/delete-link",
                    "failover/SalesDB/drop-dag");

            e.link.apply(plan, sales(), e.recorder());

            assertThat(armFailovers(e)).isZero();
            assertThat(e.estate.arm().requestLog().count("DELETE", ".*/distributedAvailabilityGroups/DAG_SalesDB"))
                    .isEqualTo(1);
            assertThat(e.query("SELECT name FROM sys.availability_groups WHERE is_distributed = 1")).isEmpty();
            assertThat(e.estate.link().link("DAG_SalesDB")).isEmpty();
            // the databases stay on both ends: the managed instance's copy is the primary one now
            assertThat(e.query("SELECT name FROM sys.databases WHERE name = N'SalesDB'")).hasSize(1);
            assertThat(e.estate.arm().state().exists(e.estate.arm().managedInstanceId() + "/databases/SalesDB"))
                    .isTrue();
            LinkObservation gone = e.link.status(sales()).links().get(0);
            assertThat(gone.sqlServer()).isEmpty();
            assertThat(gone.managedInstance()).isEmpty();
        }
    }
}
