// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import dev.milink.core.assess.AssessmentReport;
import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * What every format shares: its {@code --output} name, file extension and help line, given once to the constructor,
 * and the argument check before {@link #write} runs. A format is a subclass that only writes.
 */
abstract class FormatRenderer implements ReportRenderer {

    private final String name;
    private final String fileExtension;
    private final String description;

    FormatRenderer(String name, String fileExtension, String description) {
        if (!name.matches("[a-z]+") || !fileExtension.matches("[a-z]+")) {
            // ReportRenderers.byName looks names up in lower case; the extension goes after a dot.
            throw new IllegalArgumentException("a format's name and file extension are lower-case words, not '"
                    + name + "' and '" + fileExtension + "'");
        }
        this.name = name;
        this.fileExtension = fileExtension;
        this.description = description;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final String fileExtension() {
        return fileExtension;
    }

    @Override
    public final void render(AssessmentReport report, Writer out, RenderOptions options) throws IOException {
        write(Objects.requireNonNull(report, "report"), Objects.requireNonNull(out, "out"),
                Objects.requireNonNull(options, "options"));
    }

    /** Writes the checked {@code report} to {@code out}, ending with a line break. */
    abstract void write(AssessmentReport report, Writer out, RenderOptions options) throws IOException;
}
