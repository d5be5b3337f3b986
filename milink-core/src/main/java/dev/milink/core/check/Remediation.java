// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

import java.util.List;

/**
 * How to fix a finding: a one-line summary and the steps, in order.
 *
 * @param summary      one line
 * @param steps        the steps, in order
 * @param unverifiable the finding is UNKNOWN because what it needs has no read API at all (a managed instance's
 *                     TDE certificates): nobody can ever see the requirement met, so {@code milink fix} plans these
 *                     steps although the finding is UNKNOWN (other UNKNOWN findings plan nothing)
 */
public record Remediation(String summary, List<FixStep> steps, boolean unverifiable) {
    public static final Remediation NONE = new Remediation("", List.of());

    public Remediation {
        steps = List.copyOf(steps);
    }

    public Remediation(String summary, List<FixStep> steps) {
        this(summary, steps, false);
    }

    public boolean isEmpty() {
        return summary.isEmpty() && steps.isEmpty();
    }
}
