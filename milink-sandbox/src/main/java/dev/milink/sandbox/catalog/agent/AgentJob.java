// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.agent;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An msdb Agent job: definition (sysjobs, sysjobsteps) and last run (sysjobactivity). Guarded by the instance lock. */
public final class AgentJob {
    private final UUID id;
    private final String name;
    private final String owner;
    private final String description;
    private final boolean enabled;
    private final LocalDateTime created;
    private final List<Step> steps = new ArrayList<>();
    private final List<String> servers = new ArrayList<>();
    private Activity activity;

    public AgentJob(UUID id, String name, String owner, String description, boolean enabled, LocalDateTime created) {
        this.id = id;
        this.name = name;
        this.owner = owner;
        this.description = description;
        this.enabled = enabled;
        this.created = created;
    }

    public UUID id() { return id; }
    public String name() { return name; }
    public String owner() { return owner; }
    public String description() { return description; }
    public boolean enabled() { return enabled; }
    public LocalDateTime created() { return created; }
    public List<Step> steps() { return steps; }
    public List<String> servers() { return servers; }
    public Activity activity() { return activity; }

    void activity(Activity a) {
        this.activity = a;
    }

    /** A job step; {@code lastOutcome} etc. change as the job runs. */
    public static final class Step {
        private final int id;
        private final UUID uid;
        private final String name;
        private final String subsystem;
        private final String command;
        private final String database;
        private final int onSuccessAction;
        private final int onFailAction;
        private final int flags;
        private int lastOutcome = 5;
        private int lastRunDate;
        private int lastRunTime;

        public Step(int id, UUID uid, String name, String subsystem, String command, String database,
                    int onSuccessAction, int onFailAction, int flags) {
            this.id = id;
            this.uid = uid;
            this.name = name;
            this.subsystem = subsystem;
            this.command = command;
            this.database = database;
            this.onSuccessAction = onSuccessAction;
            this.onFailAction = onFailAction;
            this.flags = flags;
        }

        public int id() { return id; }
        public UUID uid() { return uid; }
        public String name() { return name; }
        public String subsystem() { return subsystem; }
        public String command() { return command; }
        public String database() { return database; }
        public int onSuccessAction() { return onSuccessAction; }
        public int onFailAction() { return onFailAction; }
        public int flags() { return flags; }
        public int lastOutcome() { return lastOutcome; }
        public int lastRunDate() { return lastRunDate; }
        public int lastRunTime() { return lastRunTime; }

        void ran(int outcome, int date, int time) {
            this.lastOutcome = outcome;
            this.lastRunDate = date;
            this.lastRunTime = time;
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
