// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.agent;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An msdb Agent job: definition (sysjobs), its steps and target servers (sysjobsteps, sysjobservers), and its
 * latest run (sysjobactivity). The lists and the latest run change as procedures run; guarded by the instance lock.
 */
public record AgentJob(UUID id, String name, String owner, String description, Latest<Boolean> enabledFlag,
                       LocalDateTime created, List<Step> steps, List<String> servers, List<Schedule> schedules,
                       Latest<Activity> latest) {

    /** A new job with no steps, no servers, no schedule and no run yet (sp_add_job). */
    public AgentJob(UUID id, String name, String owner, String description, boolean enabled, LocalDateTime created) {
        this(id, name, owner, description, new Latest<>(enabled), created, new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new Latest<>());
    }

    /** sysjobs.enabled; {@code sp_update_job @enabled = 0|1} changes it. */
    public boolean enabled() {
        return enabledFlag.value;
    }

    public void enabled(boolean on) {
        enabledFlag.value = on;
    }

    /**
     * A schedule attached to the job (msdb sysschedules + sysjobschedules), with the frequency columns of
     * {@code sp_add_schedule}.
     */
    public record Schedule(int id, UUID uid, String name, boolean enabled, int freqType, int freqInterval,
                           int freqSubdayType, int freqSubdayInterval, int activeStartTime) {}

    /** The latest run, or null before the first sp_start_job. */
    public Activity activity() {
        return latest.value;
    }

    void activity(Activity a) {
        latest.value = a;
    }

    /** A job step; its last run's outcome, date and time change as the job runs (sysjobsteps.last_run_*). */
    public record Step(int id, UUID uid, String name, String subsystem, String command, String database,
                       int onSuccessAction, int onFailAction, int flags, Latest<LastRun> lastRun) {

        /** A step that has not run yet: last_run_outcome 5 (unknown), no date and time. */
        public Step(int id, UUID uid, String name, String subsystem, String command, String database,
                    int onSuccessAction, int onFailAction, int flags) {
            this(id, uid, name, subsystem, command, database, onSuccessAction, onFailAction, flags,
                    new Latest<>(new LastRun(5, 0, 0)));
        }

        public int lastOutcome() {
            return lastRun.value.outcome();
        }

        public int lastRunDate() {
            return lastRun.value.date();
        }

        public int lastRunTime() {
            return lastRun.value.time();
        }

        void ran(int outcome, int date, int time) {
            lastRun.value = new LastRun(outcome, date, time);
        }
    }

    /** A step's last run: outcome (0 failed, 1 succeeded, 5 unknown), run date yyyymmdd and time hhmmss. */
    public record LastRun(int outcome, int date, int time) {}

    /** The one changing value of an otherwise fixed record. */
    public static final class Latest<T> {
        private T value;

        Latest() {}

        Latest(T initial) {
            this.value = initial;
        }
    }

    /** sysjobactivity row of the latest run. */
    public record Activity(LocalDateTime requested, LocalDateTime started, Integer lastStepId,
                           LocalDateTime lastStepDate, LocalDateTime stopped, Integer historyId) {}

    /** sysjobhistory row. run_status: 0 failed, 1 succeeded, 4 in progress. */
    public record History(int instanceId, UUID jobId, int stepId, String stepName, String message, int runStatus,
                          int runDate, int runTime, int runDuration) {}

    /** sysjobstepslogs row. */
    public record StepLog(int logId, String log, LocalDateTime created, UUID stepUid) {}
}
