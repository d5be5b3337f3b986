// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine;

import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.assess.Verdict;
import dev.milink.core.check.Severity;
import dev.milink.core.error.CoreError;
import dev.milink.core.error.ExitStatus;
import dev.milink.core.error.MilinkException;
import dev.milink.core.model.NetworkFacts;
import dev.milink.network.test.LinkTestReport;
import dev.milink.report.JsonReportRenderer;
import dev.milink.report.RenderOptions;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Objects;

/**
 * The result of {@link Milink#testNetwork}: every hop in detail, the same as network facts, and the findings the
 * network checks (MIL-N9) make of them, which decide the exit status by the one rule.
 *
 * @param details  every hop with its method, what was seen and the advice; what was cleaned up
 * @param facts    the hops as {@link NetworkFacts}, e.g. to pass to {@link AssessmentRequest#withNetwork}
 * @param report   the findings, as every report format renders them
 * @since 0.2
 */
public record NetworkTestResult(LinkTestReport details, NetworkFacts facts, AssessmentReport report) {

    public NetworkTestResult {
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(report, "report");
    }

    /** 1 when a path is blocked, 70 when a check erred, 5 when a path is not proven or not tested, else 0. */
    public ExitStatus exitStatus() {
        return Verdict.exitStatus(report.findings(), Severity.BLOCKER);
    }

    /** The detailed plain-text report for a terminal or a log. */
    public String text() {
        return details.render();
    }

    /** The detailed report as JSON, with the findings ({@code assessment}, the JSON report schema). */
    public String json() {
        StringWriter w = new StringWriter();
        try {
            new JsonReportRenderer().render(report, w, RenderOptions.defaults());
        } catch (IOException e) {
            throw new MilinkException(CoreError.INTERNAL, "Cannot render the network test's findings.", e);
        }
        return NetworkTestJson.render(details, exitStatus(), w.toString());
    }
}
