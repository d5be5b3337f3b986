// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import dev.milink.core.assess.AssessmentReport;
import java.io.IOException;
import java.io.Writer;

/**
 * Turns an {@link AssessmentReport} into one output format. Renderers read only the report (results are data),
 * never print to the console themselves, and write everything to the given {@link Writer}; the caller owns and
 * closes it.
 *
 * <pre>{@code
 * ReportRenderer renderer = ReportRenderers.byName("text");
 * try (Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8)) {
 *     renderer.render(report, out, RenderOptions.defaults().withColor(true));
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface ReportRenderer {

    /** The {@code --output} name, lower case, e.g. {@code text}. */
    String name();

    /** One line for {@code --help}, e.g. "human-readable report grouped by area". */
    String description();

    /** File extension for {@code --output-file} defaults, without the dot. */
    String fileExtension();

    /**
     * Writes {@code report} to {@code out}. Output ends with a line break.
     *
     * @throws IOException when {@code out} fails
     */
    void render(AssessmentReport report, Writer out, RenderOptions options) throws IOException;
}
