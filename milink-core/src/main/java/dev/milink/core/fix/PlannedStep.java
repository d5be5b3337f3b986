// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.fix;

import dev.milink.core.check.FixStep;
import dev.milink.core.check.Status;
import dev.milink.core.check.Target;
import java.util.List;

/**
 * A fix step in a plan, with the findings it resolves.
 *
 * @param number   1-based position in the plan
 * @param step     what to do
 * @param checkIds the checks whose findings asked for it (several checks may share one step, e.g. a restart)
 * @param target   instance or database it changes
 * @param status   the worst status among those findings (FAIL before WARN)
 */
public record PlannedStep(int number, FixStep step, List<String> checkIds, Target target, Status status) {

    public PlannedStep {
        checkIds = List.copyOf(checkIds);
    }

    /** True when milink can run it over T-SQL; otherwise it is printed for a human (OS, restart, Azure). */
    public boolean appliable() {
        return step.appliable();
    }
}
