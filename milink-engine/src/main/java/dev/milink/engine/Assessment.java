// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine;

import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.assess.Verdict;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Target;
import dev.milink.core.error.ExitStatus;
import dev.milink.core.error.MilinkException;
import dev.milink.core.model.Facts;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link Milink#assess}: the report every renderer reads, the links that were judged (for
 * {@link Milink#plan}), the targets that could not be read, the checks that failed inside milink, and the one
 * exit status.
 *
 * @param report        findings of every assessed link, notes, summary and verdict
 * @param links         the facts judged, one per assessed target, in report order
 * @param failures      targets that could not be read, each with its error
 * @param checkFailures checks that threw, and targets whose facts milink could not interpret (MIL-C1); each is an
 *                      ERROR finding in the report too
 * @param failOn        the severity that fails the run
 * @since 0.2
 */
public record Assessment(AssessmentReport report, List<Facts> links, List<TargetFailure> failures,
                         List<CheckFailure> checkFailures, Severity failOn) {

    public Assessment {
        Objects.requireNonNull(report, "report");
        links = List.copyOf(links);
        failures = List.copyOf(failures);
        checkFailures = List.copyOf(checkFailures);
        Objects.requireNonNull(failOn, "failOn");
    }

    /** A target that could not be read: connection refused, login failed, a bad facts file. */
    public record TargetFailure(String target, MilinkException error) {
    }

    /**
     * A check that threw on a target, or a target whose facts milink could not interpret (check id MIL-C1): a bug
     * in milink, reported as an ERROR finding; the run went on.
     */
    public record CheckFailure(String checkId, Target target, Throwable error) {
    }

    /**
     * The exit status of the whole run, by the one rule: the findings' status ({@link Verdict#exitStatus}: 1 not
     * ready, 70 a check erred, 5 incomplete, 0 ready) combined with each failed target's own status (3 could not
     * connect, 2 a bad input file) by {@link ExitStatus#worst}.
     */
    public ExitStatus exitStatus() {
        List<ExitStatus> all = new ArrayList<>();
        all.add(Verdict.exitStatus(report.findings(), failOn));
        failures.forEach(f -> all.add(f.error().code().exitStatus()));
        return ExitStatus.worst(all);
    }
}
