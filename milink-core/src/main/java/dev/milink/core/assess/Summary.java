// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.assess;

import dev.milink.core.check.Finding;
import dev.milink.core.check.Status;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Finding counts by status. Every count is the number of findings listed with that status, so a report's summary
 * line always matches its findings: {@code fail} is the blockers, {@code warn} the warnings, {@code info} the notes.
 */
public record Summary(int pass, int fail, int warn, int info, int skipped, int unknown, int error, int suppressed) {

    public static Summary of(List<Finding> findings) {
        Map<Status, Integer> n = new EnumMap<>(Status.class);
        for (Finding f : findings) {
            n.merge(f.status(), 1, Integer::sum);
        }
        return new Summary(n.getOrDefault(Status.PASS, 0), n.getOrDefault(Status.FAIL, 0),
                n.getOrDefault(Status.WARN, 0), n.getOrDefault(Status.INFO, 0), n.getOrDefault(Status.SKIPPED, 0),
                n.getOrDefault(Status.UNKNOWN, 0), n.getOrDefault(Status.ERROR, 0),
                n.getOrDefault(Status.SUPPRESSED, 0));
    }

    /** Blocking findings: the FAILs. */
    public int blocking() {
        return fail;
    }

    /** The count of findings with {@code status}. */
    public int count(Status status) {
        return switch (status) {
            case PASS -> pass;
            case FAIL -> fail;
            case WARN -> warn;
            case INFO -> info;
            case SKIPPED -> skipped;
            case UNKNOWN -> unknown;
            case ERROR -> error;
            case SUPPRESSED -> suppressed;
        };
    }

    public int total() {
        return pass + fail + warn + info + skipped + unknown + error + suppressed;
    }
}
