// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.check.Severity;
import dev.milink.report.JsonReportReader;
import dev.milink.report.ReportRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code milink report FILE.json… -o FORMAT}: renders saved JSON reports again, merged into one when there are
 * several (fleet shards), in any format. Connects to nothing; exits with the merged findings' exit code.
 */
@Command(name = "report", sortOptions = false)
final class ReportCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", descriptionKey = "report-files")
    List<Path> files = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "LEVEL", descriptionKey = "fail-on")
    FailOn failOn;

    @Option(names = "--show-skipped", descriptionKey = "show-skipped")
    boolean showSkipped;

    @Mixin
    OutputOptions output;

    @Mixin
    VerbosityOptions verbosity;

    @Override
    public Integer call() {
        Invocation inv = Invocation.of(spec);
        String format = output.formatOr("text");
        inv.json(format.equalsIgnoreCase("json"));
        ReportRenderer renderer = ReportOutput.renderer(format);
        AssessmentReport report = JsonReportReader.merge(files.stream().map(JsonReportReader::read).toList());
        ReportOutput.write(report, renderer, output.file, output.color(inv.env()), showSkipped, inv);
        return report.exitStatus(failOn == FailOn.WARNING ? Severity.WARNING : Severity.BLOCKER).code();
    }
}
