// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.link;

import static dev.milink.engine.link.LinkEstate.sales;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.core.check.Status;
import dev.milink.core.link.LinkObservation;
import dev.milink.core.link.LinkPlan;
import dev.milink.core.link.LinkRunState;
import dev.milink.core.link.LinkRunner;
import dev.milink.core.link.LinkStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A create interrupted right after each of its steps (a crash or Ctrl-C: the process goes away), then run again:
 * it continues without duplicates or leftovers, with the saved state (the usual case) and without it (a crash
 * before the state was written: the plan then finds what exists on both ends).
 */
class LinkInterruptionSandboxTest {

    /** What a killed process looks like to the code that called it: the run stops here. */
    private static final class Crash extends RuntimeException {
        Crash(String step) {
            super("crashed after " + step);
        }
    }

    @TempDir
    Path stateDir;

    @ParameterizedTest(name = "after {0}, state kept: {1}")
    @CsvSource({
        // Without the state only before the jobs are paused: the state is written before they are disabled.
        "create/SalesDB/ag, true", "create/SalesDB/ag, false",
        "create/SalesDB/dag, true", "create/SalesDB/dag, false",
        "create/pause-log-backups, true",
        "create/SalesDB/link, true",
        "create/wait-seeding, true"})
    void aRerunContinuesWithoutDuplicates(String crashAfter, boolean stateKept) throws Exception {
        try (LinkEstate e = new LinkEstate("prepared-2022-log-backups", stateDir, 6)) {
            LinkPlan first = e.link.previewCreate(sales(), true, "10.20.0.4").plan();
            assertThat(first.pending()).extracting(LinkStep::id).contains(crashAfter);
            LinkRunner.Progress crashing = new LinkRunner.Progress() {
                @Override
                public void step(LinkStep step, String message) {
                    if (step.id().equals(crashAfter) && message.equals("done")) {
                        throw new Crash(step.id());
                    }
                }

                @Override
                public void observed(List<LinkObservation> links) {
                }
            };
            assertThatThrownBy(() -> e.link.apply(first, sales(), crashing)).isInstanceOf(Crash.class);
            Path state = e.link.stateFile(sales()).path();
            assertThat(state).exists();
            if (!stateKept) {
                Files.delete(state);
            }

            LinkOperations.CreatePreview again = e.link.previewCreate(sales(), true, "10.20.0.4");
            assertThat(again.plan().refusals()).isEmpty();
            assertThat(again.earlier().isPresent()).isEqualTo(stateKept);
            LinkRunState done = e.link.apply(again.plan(), sales(), e.recorder());

            assertThat(done.finished()).isTrue();
            assertThat(e.query("SELECT name FROM sys.availability_groups ORDER BY name")).extracting(r -> r.get("name"))
                    .containsExactly("AG_SalesDB", "DAG_SalesDB");
            assertThat(e.estate.link().links()).hasSize(1);
            assertThat(e.estate.arm().requestLog().count("PUT", ".*/distributedAvailabilityGroups/DAG_SalesDB$"))
                    .isEqualTo(1);
            assertThat(e.query("SELECT name FROM sys.certificates WHERE name LIKE '%.database.windows.net'"))
                    .hasSizeLessThanOrEqualTo(1);
            // the log-backup jobs milink disabled are enabled again, whichever run disabled them
            assertThat(e.query("SELECT enabled FROM msdb.dbo.sysjobs WHERE name = "
                    + "'DatabaseBackup - USER_DATABASES - LOG'")).extracting(r -> ((Number) r.get("enabled")).intValue())
                    .containsExactly(1);
            assertThat(LinkEstate.status(e.link.status(sales()).findings(), "MIL-L3")).isEqualTo(Status.PASS);
            assertThat(state).doesNotExist();
        }
    }
}
