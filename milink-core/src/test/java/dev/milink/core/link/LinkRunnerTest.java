// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import static dev.milink.core.link.LinkFixtures.NOW;
import static dev.milink.core.link.LinkFixtures.end;
import static dev.milink.core.link.LinkFixtures.link;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.core.error.MilinkException;
import dev.milink.core.link.LinkStep.End;
import dev.milink.core.link.LinkStep.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkRunnerTest {

    /** Both ends as a journal of what was done to them; observations handed out in order. */
    private static final class Ends implements LinkRunner.SqlServerSide, LinkRunner.ManagedInstanceSide,
            LinkRunner.Observer, LinkRunner.StateStore, LinkRunner.Progress {
        final List<String> journal = new ArrayList<>();
        final Deque<LinkObservation> observations = new ArrayDeque<>();
        LinkRunState saved;
        String failOn;

        @Override
        public void execute(String tsql) {
            if (tsql.equals(failOn)) {
                throw new MilinkException(LinkError.LINK_BROKEN, "refused " + tsql);
            }
            journal.add("sql:" + tsql);
        }

        @Override
        public void setJobsEnabled(List<String> jobIds, boolean enabled) {
            journal.add((enabled ? "enable:" : "disable:") + String.join(",", jobIds) + " (state paused="
                    + (saved == null ? "[]" : saved.pausedJobs()) + ")");
        }

        @Override
        public void send(LinkStep step) {
            journal.add("arm:" + step.text());
        }

        @Override
        public List<LinkObservation> observe(List<String> linkNames) {
            LinkObservation o = observations.size() > 1 ? observations.poll() : observations.peek();
            return List.of(o);
        }

        @Override
        public void save(LinkRunState state) {
            saved = state;
        }

        @Override
        public void step(LinkStep step, String message) {
        }

        @Override
        public void observed(List<LinkObservation> links) {
            journal.add("observed:" + links.get(0).managedInstance().map(LinkObservation.End::state).orElse("-"));
        }
    }

    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final LinkRunner.Waiting NOW_AND_THEN = new LinkRunner.Waiting(Duration.ofSeconds(5), 10, d -> { });

    private static LinkPlan plan() {
        return new LinkPlan("create", "DAG_Sales", List.of(
                LinkStep.todo("a", "ag", End.SQL_SERVER, Kind.TSQL, "CREATE AG"),
                LinkStep.todo("b", "dag", End.SQL_SERVER, Kind.TSQL, "CREATE DAG"),
                LinkStep.todo("p", "pause", End.SQL_SERVER, Kind.PAUSE_JOBS, "job-1\njob-2"),
                LinkStep.todo("c", "put", End.MANAGED_INSTANCE, Kind.ARM_REQUEST, "PUT"),
                LinkStep.todo("w", "wait", End.MANAGED_INSTANCE, Kind.WAIT_SEEDING, "DAG_Sales"),
                LinkStep.todo("r", "resume", End.SQL_SERVER, Kind.RESUME_JOBS, "job-1\njob-2")), List.of(), List.of());
    }

    private static LinkRunner runner(Ends ends) {
        return new LinkRunner(ends, ends, ends, ends, ends, NOW_AND_THEN, CLOCK);
    }

    @Test
    void runsInOrderPausesJobsAroundTheSeedingAndSavesEachStep() {
        Ends ends = new Ends();
        ends.observations.add(link(end("PRIMARY"), LinkFixtures.seeding(end("SECONDARY"))));
        ends.observations.add(link(end("PRIMARY"), end("SECONDARY")));
        LinkRunState done = runner(ends).run(plan(), LinkRunState.start("create", "DAG_Sales", NOW));

        assertThat(ends.journal).containsExactly("sql:CREATE AG", "sql:CREATE DAG",
                "disable:job-1,job-2 (state paused=[job-1, job-2])", "arm:PUT", "observed:CreatingLink",
                "observed:SYNCHRONIZING", "enable:job-1,job-2 (state paused=[job-1, job-2])");
        assertThat(done.finished()).isTrue();
        assertThat(done.done()).containsExactly("a", "b", "p", "c", "w", "r");
        assertThat(done.pausedJobs()).isEmpty();
        assertThat(ends.saved).isEqualTo(done);
    }

    @Test
    void aFailureKeepsWhatWasDoneAndTheRerunContinuesWithoutDuplicates() {
        Ends ends = new Ends();
        ends.failOn = "CREATE DAG";
        assertThatThrownBy(() -> runner(ends).run(plan(), LinkRunState.start("create", "DAG_Sales", NOW)))
                .isInstanceOf(MilinkException.class);
        assertThat(ends.saved.done()).containsExactly("a");
        assertThat(ends.saved.lastError()).startsWith("b: refused CREATE DAG");
        assertThat(ends.saved.explain()).contains("did not finish").contains("Rerun milink link create");

        ends.failOn = null;
        ends.journal.clear();
        ends.observations.add(link(end("PRIMARY"), end("SECONDARY")));
        runner(ends).run(plan(), ends.saved);
        assertThat(ends.journal).filteredOn(j -> j.startsWith("sql:")).containsExactly("sql:CREATE DAG");
    }

    @Test
    void aLogBackupDuringSeedingStopsTheRunAndTheJobsCanBeEnabledAgain() {
        Ends ends = new Ends();
        ends.observations.add(link(end("PRIMARY"), LinkFixtures.withError(LinkFixtures.seeding(end("SECONDARY")),
                1412)));
        LinkRunner runner = runner(ends);
        assertThatThrownBy(() -> runner.run(plan(), LinkRunState.start("create", "DAG_Sales", NOW)))
                .isInstanceOf(MilinkException.class).hasMessageContaining("1412")
                .hasMessageContaining("Delete it (milink link delete)");
        assertThat(ends.saved.pausedJobs()).containsExactly("job-1", "job-2");

        LinkRunState resumed = runner.resumePausedJobs(ends.saved, plan());
        assertThat(resumed.pausedJobs()).isEmpty();
        assertThat(resumed.done()).as("a rerun pauses them again").doesNotContain("p").contains("a", "b");
        assertThat(ends.journal).last().asString().startsWith("enable:job-1,job-2");
    }

    @Test
    void seedingThatDoesNotEndTimesOut() {
        Ends ends = new Ends();
        ends.observations.add(link(end("PRIMARY"), LinkFixtures.seeding(end("SECONDARY"))));
        assertThatThrownBy(() -> runner(ends).run(plan(), LinkRunState.start("create", "DAG_Sales", NOW)))
                .isInstanceOf(MilinkException.class).hasMessageContaining("did not finish while milink waited");
        assertThat(ends.journal).filteredOn(j -> j.startsWith("observed")).hasSize(10);
    }

    @Test
    void lsnWaitNeedsMatchingAndStableLsns() {
        Ends ends = new Ends();
        LinkObservation.End behind = new LinkObservation.End("SECONDARY", "CONNECTED", "HEALTHY", "SYNCHRONIZING",
                "41", 0L, 0L, java.util.Optional.empty(), java.util.Optional.empty(), null, null, null);
        ends.observations.add(link(end("PRIMARY"), behind));
        ends.observations.add(link(end("PRIMARY"), end("SECONDARY")));
        LinkPlan p = new LinkPlan("failover", "DAG_Sales", List.of(LinkStep.todo("w", "wait", End.SQL_SERVER,
                Kind.WAIT_LSNS, "DAG_Sales")), List.of(), List.of());
        runner(ends).run(p, LinkRunState.start("failover", "DAG_Sales", NOW));
        assertThat(ends.journal).filteredOn(j -> j.startsWith("observed")).hasSize(4);
    }

    @Test
    void aRefusedPlanIsNeverApplied() {
        LinkPlan refused = new LinkPlan("delete", "x", plan().steps(), List.of("no"), List.of());
        assertThatThrownBy(() -> runner(new Ends()).run(refused, LinkRunState.start("delete", "x", NOW)))
                .isInstanceOf(IllegalStateException.class);
    }
}
