// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.assess.AssessmentReport;
import dev.milink.report.JsonReportReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code milink report FILE.json… -o FORMAT}: renders saved JSON reports again, merged into one when there are
 * several (fleet shards), in any format. Connects to nothing; exits with the merged findings' exit code.
 */
@Command(name = "report", sortOptions = false)
final class ReportCommand extends MilinkCommand {

    @Parameters(paramLabel = "FILE", arity = "1..*", descriptionKey = "report-files")
    List<Path> files = new ArrayList<>();

    @Mixin
    FailOnOption failOn;

    @Mixin
    ShowSkippedOption showSkipped;

    @Mixin
    OutputOptions output;

    @Override
    int run(Invocation inv) {
        ReportOutput chosen = ReportOutput.chosen(output, showSkipped, MilinkConfig.empty(), inv);
        AssessmentReport report = JsonReportReader.merge(files.stream().map(JsonReportReader::read).toList());
        chosen.write(report, "");
        return report.exitStatus(failOn.severity(MilinkConfig.empty())).code();
    }
}
