// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.link;

import static dev.milink.engine.link.LinkEstate.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Status;
import dev.milink.core.link.FailoverPlanner;
import dev.milink.core.link.LinkPlan;
import dev.milink.core.link.LinkStep;
import dev.milink.core.model.Direction;
import dev.milink.core.model.LinkSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The other direction end to end: the managed instance as the initial primary seeds into SQL Server 2022. */
class LinkMiPrimarySandboxTest {

    @TempDir
    Path stateDir;

    private static LinkSettings reports() {
        return LinkSettings.of(Direction.MI_TO_SQL).withDatabases(List.of("ReportingArchive"));
    }

    @Test
    void createFromTheManagedInstanceThenFailoverFailbackDelete() throws Exception {
        try (LinkEstate e = new LinkEstate("prepared-2022", stateDir, 4)) {
            e.link.remember(reports());
            LinkOperations.CreatePreview p = e.link.previewCreate(reports(), false, "10.20.0.4");
            assertThat(p.gateBlocks()).as("readiness gate").isEmpty();
            assertThat(p.plan().refusals()).isEmpty();
            assertThat(p.plan().steps().stream().filter(s -> s.id().equals("create/ReportingArchive/ag")).findFirst()
                    .orElseThrow().text()).contains("FOR REPLICA ON").contains("GRANT CREATE ANY DATABASE");
            e.link.apply(p.plan(), reports(), e.recorder());

            assertThat(e.query("SELECT name FROM sys.databases WHERE name = 'ReportingArchive'")).hasSize(1);
            var healthy = e.link.status(reports());
            assertThat(status(healthy.findings(), "MIL-L3")).isEqualTo(Status.PASS);
            assertThat(healthy.links().get(0).managedInstance().orElseThrow().isPrimary()).isTrue();

            e.estate.link().setWorkload(false);
            LinkPlan toSql = e.link.planFailover(reports(), FailoverPlanner.Mode.PLANNED, false, false);
            assertThat(toSql.refusals()).isEmpty();
            e.link.apply(toSql, reports(), e.recorder());
            assertThat(e.link.status(reports()).links().get(0).sqlServer().orElseThrow().isPrimary()).isTrue();

            LinkPlan back = e.link.planFailover(reports(), FailoverPlanner.Mode.PLANNED, false, false);
            e.link.apply(back, reports(), e.recorder());
            assertThat(e.link.status(reports()).links().get(0).managedInstance().orElseThrow().isPrimary()).isTrue();

            LinkPlan delete = e.link.planDelete(reports(), true);
            for (int i = 0; i < 40 && delete.refused(); i++) {
                delete = e.link.planDelete(reports(), true);   // until the MI's first full backup exists
            }
            assertThat(delete.refusals()).isEmpty();
            assertThat(delete.steps()).extracting(LinkStep::id).containsExactly("delete/ReportingArchive/link",
                    "delete/ReportingArchive/dag", "delete/ReportingArchive/ag");
            e.link.apply(delete, reports(), e.recorder());
            assertThat(e.query("SELECT name FROM sys.availability_groups")).isEmpty();
            assertThat(e.query("SELECT name FROM sys.databases WHERE name = 'ReportingArchive'")).hasSize(1);
        }
    }
}
