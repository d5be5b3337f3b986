// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import java.util.ArrayList;
import java.util.List;

/** A link plan being written by a planner: its steps in order, the guards that refuse it, and notes for the user. */
final class PlanDraft {

    private final List<LinkStep> steps = new ArrayList<>();
    private final List<String> refusals = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void step(LinkStep step) {
        steps.add(step);
    }

    void refuse(String reason) {
        refusals.add(reason);
    }

    void note(String note) {
        notes.add(note);
    }

    /** Whether there is neither a step nor a refusal yet. */
    boolean isEmpty() {
        return steps.isEmpty() && refusals.isEmpty();
    }

    LinkPlan plan(String operation, String linkName) {
        return new LinkPlan(operation, linkName, steps, refusals, notes);
    }
}
