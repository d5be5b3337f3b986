// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

import java.util.ArrayList;
import java.util.List;

/** An msdb Agent job as a scenario may pre-create it. */
public final class Job {
    public String name;
    public String owner = "sa";
    public boolean enabled = true;
    public List<JobStep> steps = new ArrayList<>();
    /** When the Agent runs it (msdb sysschedules); a job without a schedule runs only when started. */
    public List<JobSchedule> schedules = new ArrayList<>();
}
