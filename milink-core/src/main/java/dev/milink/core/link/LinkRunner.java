// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import dev.milink.core.error.MilinkException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Applies a {@link LinkPlan}: the only code path of the link commands that changes anything. Runs the pending
 * steps in order on their end, saves the state after each, disables and re-enables log-backup jobs (recording
 * them first, so an interrupted run can enable them again), and waits for seeding and LSNs by observing both ends.
 *
 * @since 0.3
 */
public final class LinkRunner {

    /** SQL Server's end, as the runner needs it. */
    public interface SqlServerSide {
        void execute(String tsql);

        void setJobsEnabled(List<String> jobIds, boolean enabled);
    }

    /** The managed instance's end: sends one ARM request (following a long-running operation to its end). */
    public interface ManagedInstanceSide {
        void send(LinkStep step);

        /**
         * Sends one ARM request and reports each poll of its long-running operation to {@code progress}
         * ({@link Progress#polling}); by default without reports.
         */
        default void send(LinkStep step, Progress progress) {
            send(step);
        }
    }

    /** Reads both ends of the links named in a wait step. */
    public interface Observer {
        List<LinkObservation> observe(List<String> linkNames);
    }

    /** Keeps the state between runs. */
    public interface StateStore {
        void save(LinkRunState state);
    }

    /** What the user sees while it runs. */
    public interface Progress {
        void step(LinkStep step, String message);

        void observed(List<LinkObservation> links);

        /** One poll of a step's long-running ARM operation (PUT of the link, failover, setRole, DELETE). */
        default void polling(LinkStep step, Polling poll) {
        }
    }

    /**
     * One poll of a long-running operation, as the user sees it.
     *
     * @param status the operation's status at this poll ({@code InProgress}, {@code Succeeded}, ...)
     * @param elapsed time since the request was accepted
     * @param waitingFor what the step waits for, e.g. {@code PUT distributedAvailabilityGroups/DAG_Sales to finish}
     */
    public record Polling(String status, Duration elapsed, String waitingFor) {
    }

    /** How to wait: pause between observations and the most observations before giving up. */
    public record Waiting(Duration interval, int maxObservations, Pause pause) {
        /** Pauses the calling thread; tests pass one that returns at once (the stand-in advances per read). */
        public interface Pause {
            void pause(Duration d) throws InterruptedException;
        }

        public static Waiting every(Duration interval, Duration timeout) {
            int max = (int) Math.max(1, timeout.toMillis() / Math.max(1, interval.toMillis()));
            return new Waiting(interval, max, d -> Thread.sleep(d));
        }
    }

    private static final int STABLE_OBSERVATIONS = 3;

    private final SqlServerSide sql;
    private final ManagedInstanceSide mi;
    private final Observer observer;
    private final StateStore store;
    private final Progress progress;
    private final Waiting waiting;
    private final Clock clock;

    public LinkRunner(SqlServerSide sql, ManagedInstanceSide mi, Observer observer, StateStore store,
                      Progress progress, Waiting waiting, Clock clock) {
        this.sql = sql;
        this.mi = mi;
        this.observer = observer;
        this.store = store;
        this.progress = progress;
        this.waiting = waiting;
        this.clock = clock;
    }

    /** Runs the plan's pending steps after {@code state}; returns the final state (also saved). */
    public LinkRunState run(LinkPlan plan, LinkRunState state) {
        if (plan.refused()) {
            throw new IllegalStateException("a refused plan is never applied");
        }
        LinkRunState current = state;
        for (LinkStep step : plan.steps()) {
            if (step.isDone() || current.isDone(step.id())) {
                progress.step(step, step.alreadyDone().orElse("done in an earlier run"));
                continue;
            }
            progress.step(step, "running");
            try {
                current = runOne(step, current);
            } catch (MilinkException | IllegalStateException e) {
                store.save(current.failed(step.id(), e.getMessage(), clock.instant()));
                throw e;
            }
            current = current.withDone(step.id(), clock.instant());
            store.save(current);
            progress.step(step, "done");
        }
        current = current.completed(clock.instant());
        store.save(current);
        return current;
    }

    /**
     * Enables again the jobs a run disabled (after a failure, on Ctrl-C, or after a crash). The plan's pause steps
     * count as not done any more, so a rerun pauses the jobs again before the seeding.
     */
    public LinkRunState resumePausedJobs(LinkRunState state, LinkPlan plan) {
        if (state.pausedJobs().isEmpty()) {
            return state;
        }
        sql.setJobsEnabled(state.pausedJobs(), true);
        List<String> pauses = plan.steps().stream().filter(s -> s.kind() == LinkStep.Kind.PAUSE_JOBS)
                .map(LinkStep::id).toList();
        LinkRunState resumed = state.withPausedJobs(List.of(), clock.instant()).undone(pauses, clock.instant());
        store.save(resumed);
        return resumed;
    }

    private LinkRunState runOne(LinkStep step, LinkRunState state) {
        switch (step.kind()) {
            case TSQL -> sql.execute(step.text());
            case ARM_REQUEST -> mi.send(step, progress);
            case PAUSE_JOBS -> {
                List<String> jobs = lines(step.text());
                // Recorded before they are disabled: whatever happens next, a later run knows to enable them.
                LinkRunState recorded = state.withPausedJobs(jobs, clock.instant());
                store.save(recorded);
                sql.setJobsEnabled(jobs, false);
                return recorded;
            }
            case RESUME_JOBS -> {
                sql.setJobsEnabled(lines(step.text()), true);
                return state.withPausedJobs(List.of(), clock.instant());
            }
            case WAIT_SEEDING -> waitForSeeding(lines(step.text()));
            case WAIT_LSNS -> waitForLsns(lines(step.text()));
            default -> throw new IllegalStateException("unknown step kind " + step.kind());
        }
        return state;
    }

    private void waitForSeeding(List<String> links) {
        for (int i = 0; i < waiting.maxObservations(); i++) {
            List<LinkObservation> seen = observer.observe(links);
            progress.observed(seen);
            boolean all = !seen.isEmpty();
            for (LinkObservation o : seen) {
                failOnError(o);
                all &= synchronizing(o);
            }
            if (all) {
                return;
            }
            pause();
        }
        throw new MilinkException(LinkError.LINK_WAIT_TIMED_OUT, "Seeding of " + String.join(", ", links)
                + " did not finish while milink waited; it goes on without milink. Follow it with milink link status "
                + "and rerun milink link create to finish (the log-backup jobs stay paused until then).");
    }

    private void waitForLsns(List<String> links) {
        int stable = 0;
        List<String> last = null;
        for (int i = 0; i < waiting.maxObservations(); i++) {
            List<LinkObservation> seen = observer.observe(links);
            progress.observed(seen);
            List<String> lsns = new ArrayList<>();
            boolean match = !seen.isEmpty();
            for (LinkObservation o : seen) {
                String a = o.sqlServer().map(LinkObservation.End::lastHardenedLsn).orElse(null);
                String b = o.managedInstance().map(LinkObservation.End::lastHardenedLsn).orElse(null);
                match &= a != null && a.equals(b);
                lsns.add(a + "/" + b);
            }
            stable = match && lsns.equals(last) ? stable + 1 : match ? 1 : 0;
            last = lsns;
            if (stable >= STABLE_OBSERVATIONS) {
                return;
            }
            pause();
        }
        throw new MilinkException(LinkError.LINK_WAIT_TIMED_OUT, "The hardened LSNs of " + String.join(", ", links)
                + " did not match and stay stable while milink waited: stop the workload on the primary and check the "
                + "secondary's lag (milink link status), then rerun.");
    }

    private static boolean synchronizing(LinkObservation o) {
        Optional<LinkObservation.End> s = o.sqlServer();
        Optional<LinkObservation.End> m = o.managedInstance();
        if (s.isEmpty() || m.isEmpty()) {
            return false;
        }
        boolean seeding = s.get().seeding().isPresent() || m.get().seeding().isPresent()
                || "CreatingLink".equalsIgnoreCase(m.get().state());
        return !seeding && "CONNECTED".equalsIgnoreCase(s.get().connectedState())
                && "CONNECTED".equalsIgnoreCase(m.get().connectedState())
                && "HEALTHY".equalsIgnoreCase(m.get().synchronizationHealth());
    }

    private static void failOnError(LinkObservation o) {
        for (Optional<LinkObservation.End> end : List.of(o.sqlServer(), o.managedInstance())) {
            Optional<LinkObservation.LinkError> e = end.flatMap(LinkObservation.End::lastError);
            boolean broken = e.isPresent() && (e.get().number() == 1408 || e.get().number() == 1412)
                    || end.map(x -> x.state() != null && x.state().contains("Error")).orElse(false);
            if (broken) {
                String why = e.map(x -> x.number() + " " + LinkErrors.explain(x.number())
                        .map(LinkErrors.Explanation::meaning).orElse(x.description())).orElse(end.get().state());
                throw new MilinkException(LinkError.LINK_BROKEN, "The link " + o.linkName() + " failed while seeding: "
                        + why + " Delete it (milink link delete) and create it again.");
            }
        }
    }

    private void pause() {
        try {
            waiting.pause().pause(waiting.interval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MilinkException(LinkError.LINK_INTERRUPTED, "Interrupted while waiting; rerun to continue.", e);
        }
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
