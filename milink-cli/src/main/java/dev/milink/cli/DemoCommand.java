// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.buildref.BuildReferences;
import dev.milink.engine.Assessment;
import dev.milink.engine.AssessmentRequest;
import dev.milink.engine.Source;
import dev.milink.report.ReportRenderer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code milink demo}: starts the built-in sandbox in this process and runs exactly what {@code milink check}
 * runs against it (collector, real mssql-jdbc driver, TLS validated with the sandbox's trust store, checks,
 * renderer), then exits with the real verdict's code.
 */
@Command(name = "demo")
final class DemoCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "NAME", defaultValue = SandboxFleet.DEFAULT_SCENARIO,
            descriptionKey = "scenario")
    String scenario;

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
        try (SandboxFleet sandbox = SandboxFleet.start(List.of(scenario), 0)) {
            SandboxFleet.Member m = sandbox.members().getFirst();
            String banner = "milink demo: checking the built-in sandbox (scenario " + scenario + " at " + m.address()
                    + "), a test double that speaks SQL Server's protocol; it is not SQL Server.";
            // The banner heads the text report; with JSON, stdout stays pure JSON and the banner goes to stderr.
            (inv.json() || output.file != null ? inv.err() : inv.out()).println(banner);
            Assessment result = inv.milink(BuildReferences.bundled()).assess(AssessmentRequest.of(
                    List.of(new Source.Live(m.target().display(), m.settings()))).withParallel(1));
            ReportOutput.write(result.report(), renderer, output.file, output.color(inv.env()), showSkipped, inv);
            return Outcomes.exitCode(result, inv);
        }
    }
}
