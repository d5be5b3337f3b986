// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

import java.util.ArrayList;
import java.util.List;

/** An availability group (or distributed AG) this instance hosts. */
public final class AvailabilityGroup {
    public String name;
    public String groupId;
    public boolean distributed;
    /** WSFC, EXTERNAL, NONE (2017+). */
    public String clusterType = "NONE";
    public List<Replica> replicas = new ArrayList<>();
    public List<String> databases = new ArrayList<>();
    /** {@code ALTER AVAILABILITY GROUP [ag] GRANT CREATE ANY DATABASE} (automatic seeding may create databases). */
    public boolean canCreateAnyDatabase;
}
