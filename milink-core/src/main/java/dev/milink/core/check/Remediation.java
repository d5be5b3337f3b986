// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

import java.util.List;

/**
 * How to fix a finding: a one-line summary and the steps, in order.
 */
public record Remediation(String summary, List<FixStep> steps) {
    public static final Remediation NONE = new Remediation("", List.of());

    public Remediation {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return summary.isEmpty() && steps.isEmpty();
    }
}
