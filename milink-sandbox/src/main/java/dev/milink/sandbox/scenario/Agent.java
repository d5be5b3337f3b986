// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;

/** SQL Server Agent: service state and msdb jobs. */
public final class Agent {
    public String status = "Running";
    public String startupType = "Automatic";
    public String serviceAccount;
    public List<Job> jobs = new ArrayList<>();

    @JsonIgnore
    public boolean running() {
        return "Running".equalsIgnoreCase(status);
    }
}
