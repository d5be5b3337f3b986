// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import java.util.List;
import java.util.Objects;

/**
 * What a link operation will do, in order, or why it will not: a plan with a refusal is never applied.
 *
 * @param operation create, failover, delete, resolve-split-brain
 * @param linkName  the link (DAG) names the plan acts on, comma-separated for several databases
 * @param steps     in order
 * @param refusals  why the operation must not run (each a full sentence with the way out); empty when it may
 * @param notes     what the user should know (warnings, reminders)
 * @since 0.3
 */
public record LinkPlan(String operation, String linkName, List<LinkStep> steps, List<String> refusals,
                       List<String> notes) {

    public LinkPlan {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(linkName, "linkName");
        steps = List.copyOf(steps);
        refusals = List.copyOf(refusals);
        notes = List.copyOf(notes);
    }

    public boolean refused() {
        return !refusals.isEmpty();
    }

    /** The steps still to run. */
    public List<LinkStep> pending() {
        return steps.stream().filter(s -> !s.isDone()).toList();
    }
}
