// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.assess;

import dev.milink.core.check.Finding;
import dev.milink.core.check.Status;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Finding counts by status, and the number of blocking failures. */
public record Summary(int pass, int fail, int warn, int skipped, int unknown, int blocking) {

    public static Summary of(List<Finding> findings) {
        Map<Status, Integer> n = new EnumMap<>(Status.class);
        for (Finding f : findings) {
            n.merge(f.status(), 1, Integer::sum);
        }
        int blocking = (int) findings.stream().filter(Finding::isBlocking).count();
        return new Summary(n.getOrDefault(Status.PASS, 0), n.getOrDefault(Status.FAIL, 0),
                n.getOrDefault(Status.WARN, 0), n.getOrDefault(Status.SKIPPED, 0),
                n.getOrDefault(Status.UNKNOWN, 0), blocking);
    }

    public int total() {
        return pass + fail + warn + skipped + unknown;
    }
}
