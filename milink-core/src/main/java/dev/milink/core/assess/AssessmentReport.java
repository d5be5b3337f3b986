// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.assess;

import dev.milink.core.check.Finding;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.error.ExitStatus;
import dev.milink.core.model.Direction;
import java.time.Instant;
import java.util.List;

/**
 * The result of assessing one or more targets: findings in catalog order, a summary and a verdict. Renderers
 * (text, JSON, …) read only this.
 *
 * @param toolVersion  milink version
 * @param createdAt    when the assessment ran
 * @param direction    link direction assessed
 * @param targets      instances assessed, as the user named them
 * @param findings     every finding, SKIPPED and UNKNOWN included
 * @param notes        report-level notes, e.g. "build reference data is 120 days old"
 * @since 0.1
 */
public record AssessmentReport(String toolVersion, Instant createdAt, Direction direction, List<String> targets,
                               List<Finding> findings, List<String> notes) {

    public AssessmentReport {
        targets = List.copyOf(targets);
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    public Summary summary() {
        return Summary.of(findings);
    }

    /** READY, NOT_READY (a blocker failed) or INCOMPLETE (no blocker failed, a blocker is UNKNOWN). */
    public Verdict verdict() {
        return Verdict.of(findings);
    }

    /** True when a finding at or above {@code threshold} failed or warned (for {@code --fail-on warning}). */
    public boolean hasProblemsAtOrAbove(Severity threshold) {
        return findings.stream().anyMatch(f -> (f.status() == Status.FAIL || f.status() == Status.WARN)
                && f.severity().ordinal() <= threshold.ordinal());
    }

    /** The exit status of these findings ({@link Verdict#exitStatus(List, Severity)}: the one rule). */
    public ExitStatus exitStatus(Severity failOn) {
        return Verdict.exitStatus(findings, failOn);
    }
}
