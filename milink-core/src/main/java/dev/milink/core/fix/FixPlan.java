// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.fix;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An ordered remediation plan: host and service steps first, then instance T-SQL, then each database, with
 * prerequisites before the steps that need them (the checks' {@code order}). Empty when nothing needs fixing,
 * so a second {@code milink fix} after a successful apply plans nothing.
 *
 * @param steps  the steps, in order
 * @param target the instance
 * @since 0.1
 */
public record FixPlan(String target, List<PlannedStep> steps) {

    public FixPlan {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Steps milink can apply over T-SQL. */
    public List<PlannedStep> appliable() {
        return steps.stream().filter(PlannedStep::appliable).toList();
    }

    /** Steps a person must do (Configuration Manager, mssql-conf, PowerShell, Azure). */
    public List<PlannedStep> manual() {
        return steps.stream().filter(s -> !s.appliable()).toList();
    }

    public boolean restartRequired() {
        return steps.stream().anyMatch(s -> s.step().restartRequired());
    }

    /** Names of the secrets the appliable steps need (e.g. MILINK_DMK_PASSWORD). */
    public Set<String> secrets() {
        Set<String> names = new TreeSet<>();
        appliable().forEach(s -> s.step().secret().ifPresent(names::add));
        return names;
    }
}
