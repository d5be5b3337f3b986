// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import dev.milink.core.assess.AssessmentReport;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** A report rendered into a string, the form the tests compare and parse. */
final class Rendered {

    private Rendered() {
    }

    static String by(ReportRenderer renderer, AssessmentReport report) {
        return by(renderer, report, RenderOptions.defaults());
    }

    static String by(ReportRenderer renderer, AssessmentReport report, RenderOptions options) {
        StringWriter out = new StringWriter();
        try {
            renderer.render(report, out, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
