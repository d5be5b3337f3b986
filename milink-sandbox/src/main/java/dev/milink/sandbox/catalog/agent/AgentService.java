// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.agent;

import dev.milink.sandbox.catalog.InstanceState;
import dev.milink.sandbox.catalog.Values;
import dev.milink.sandbox.scenario.Job;
import dev.milink.sandbox.scenario.JobStep;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SQL Server Agent of one instance: jobs, their history and step logs. {@link #start} runs a job on a virtual
 * thread, one step after another, writing sysjobhistory / sysjobactivity / sysjobstepslogs as the real Agent
 * does (step rows, then the outcome row with step_id 0).
 */
public final class AgentService {
    private final InstanceState instance;
    private final List<AgentJob> jobs = new ArrayList<>();
    private final List<AgentJob.History> history = new ArrayList<>();
    private final List<AgentJob.StepLog> stepLogs = new ArrayList<>();
    private final AtomicInteger nextHistoryId = new AtomicInteger(1);
    /** Job runs started and not yet finished; {@link #awaitIdle} waits on it. */
    private final Object runs = new Object();
    private int running;
    private int nextScheduleId = 1;
    private volatile StepRunner runner = (job, step) -> new StepRunner.Result(false, "No step runner.");

    public AgentService(InstanceState instance) {
        this.instance = instance;
        for (Job j : instance.scenario().agent.jobs) {
            AgentJob job = add(j.name, j.owner, null, j.enabled);
            for (JobStep st : j.steps) {
                addStep(job, st.name, st.subsystem, st.command, st.database, st.onSuccessAction, st.onFailAction,
                        st.flags);
            }
            for (dev.milink.sandbox.scenario.JobSchedule sc : j.schedules) {
                job.schedules().add(new AgentJob.Schedule(nextScheduleId++, Values.seededGuid("schedule:" + sc.name
                        + ":" + j.name), sc.name, sc.enabled, sc.freqType, sc.freqInterval, sc.freqSubdayType,
                        sc.freqSubdayInterval, sc.activeStartTime));
            }
        }
    }

    public void runner(StepRunner r) {
        this.runner = r;
    }

    public List<AgentJob> jobs() {
        return jobs;
    }

    public List<AgentJob.History> history() {
        return history;
    }

    public List<AgentJob.StepLog> stepLogs() {
        return stepLogs;
    }

    public AgentJob job(String name) {
        return jobs.stream().filter(j -> j.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    public AgentJob job(UUID id) {
        return jobs.stream().filter(j -> j.id().equals(id)).findFirst().orElse(null);
    }

    public AgentJob add(String name, String owner, String description, boolean enabled) {
        AgentJob j = new AgentJob(Values.seededGuid("job:" + name + ":" + System.nanoTime()), name, owner,
                description, enabled, LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
        jobs.add(j);
        return j;
    }

    public AgentJob.Step addStep(AgentJob job, String name, String subsystem, String command, String database,
                                 int onSuccess, int onFail, int flags) {
        AgentJob.Step st = new AgentJob.Step(job.steps().size() + 1, UUID.randomUUID(), name, subsystem, command,
                database == null ? "master" : database, onSuccess, onFail, flags);
        job.steps().add(st);
        return st;
    }

    public void delete(AgentJob job) {
        jobs.remove(job);
        history.removeIf(h -> h.jobId().equals(job.id()));
        List<UUID> uids = job.steps().stream().map(AgentJob.Step::uid).toList();
        stepLogs.removeIf(l -> uids.contains(l.stepUid()));
    }

    /** Whether the job is running now (started, not stopped). */
    public boolean running(AgentJob job) {
        AgentJob.Activity a = job.activity();
        return a != null && a.stopped() == null;
    }

    /** Starts the job asynchronously; the caller holds the instance lock and has checked the preconditions. */
    public void start(AgentJob job) {
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        job.activity(new AgentJob.Activity(now, now, null, null, null, null));
        synchronized (runs) {
            running++;
        }
        Thread.ofVirtual().name("agent-" + job.name()).start(() -> {
            try {
                run(job, now);
            } finally {
                synchronized (runs) {
                    running--;
                    runs.notifyAll();
                }
            }
        });
    }

    /**
     * Waits until every started job has finished (its outcome row is in the history), for tests and tools that
     * start a job and then read its results; false if {@code timeout} passes first.
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (runs) {
            while (running > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(runs, left);
            }
            return true;
        }
    }

    private void run(AgentJob job, LocalDateTime started) {
        boolean ok = true;
        Integer lastStep = null;
        List<String> outcomes = new ArrayList<>();
        for (AgentJob.Step step : job.steps()) {
            StepRunner.Result r;
            long t0 = System.nanoTime();
            try {
                r = runner.run(job, step);
            } catch (RuntimeException e) {
                r = new StepRunner.Result(false, "The step failed: " + e.getMessage());
            }
            int duration = (int) Duration.ofNanos(System.nanoTime() - t0).toSeconds();
            LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
            instance.lock().lock();
            try {
                history.add(new AgentJob.History(nextHistoryId.getAndIncrement(), job.id(), step.id(), step.name(),
                        r.message(), r.succeeded() ? 1 : 0, date(now), time(now), duration));
                step.ran(r.succeeded() ? 1 : 0, date(now), time(now));
                if ((step.flags() & 8) != 0 || (step.flags() & 16) != 0) {
                    stepLogs.removeIf(l -> (step.flags() & 8) == 0 && l.stepUid().equals(step.uid()));
                    stepLogs.add(new AgentJob.StepLog(nextHistoryId.get(), r.message(), now, step.uid()));
                }
                job.activity(new AgentJob.Activity(job.activity().requested(), started, step.id(), now, null, null));
            } finally {
                instance.lock().unlock();
            }
            lastStep = step.id();
            outcomes.add(step.name());
            int action = r.succeeded() ? step.onSuccessAction() : step.onFailAction();
            ok = action == 1 || (action != 2 && r.succeeded());
            if (action == 1 || action == 2) {
                break; // 1 = quit reporting success, 2 = quit reporting failure, 3/4 = go on
            }
        }
        LocalDateTime end = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        instance.lock().lock();
        try {
            int id = nextHistoryId.getAndIncrement();
            String message = "The job " + (ok ? "succeeded" : "failed") + ".  The Job was invoked by User sa.  The last step"
                    + " to run was step " + lastStep + " (" + (outcomes.isEmpty() ? "" : outcomes.get(outcomes.size() - 1))
                    + ").";
            history.add(new AgentJob.History(id, job.id(), 0, "(Job outcome)", message, ok ? 1 : 0, date(started),
                    time(started), (int) Duration.between(started, end).toSeconds()));
            job.activity(new AgentJob.Activity(job.activity().requested(), started, lastStep, end, end, id));
        } finally {
            instance.lock().unlock();
        }
    }

    private static int date(LocalDateTime t) {
        return t.getYear() * 10000 + t.getMonthValue() * 100 + t.getDayOfMonth();
    }

    private static int time(LocalDateTime t) {
        return t.getHour() * 10000 + t.getMinute() * 100 + t.getSecond();
    }
}
