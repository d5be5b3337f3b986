// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.azure.ArmConnection;
import dev.milink.azure.AzureManagedInstanceSource;
import dev.milink.azure.ManagedInstanceId;
import dev.milink.core.assess.CheckConfig;
import dev.milink.core.buildref.BuildReferences;
import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.core.model.Direction;
import dev.milink.core.model.LinkSettings;
import dev.milink.engine.Assessment;
import dev.milink.engine.AssessmentRequest;
import dev.milink.engine.Source;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code milink demo}: starts the built-in sandbox in this process and runs exactly what {@code milink check}
 * runs against it (collector, real mssql-jdbc driver, TLS validated with the sandbox's trust store, checks,
 * renderer), then exits with the real verdict's code.
 */
@Command(name = "demo")
final class DemoCommand extends MilinkCommand {

    @Option(names = "--scenario", paramLabel = "NAME", defaultValue = SandboxFleet.DEFAULT_SCENARIO,
            descriptionKey = "scenario")
    String scenario;

    @Mixin
    OutputOptions output;

    @Mixin
    ShowSkippedOption showSkipped;

    @Override
    int run(Invocation inv) {
        ReportOutput report = ReportOutput.chosen(output, showSkipped, MilinkConfig.empty(), inv);
        if (SandboxLink.isLink(scenario)) {
            return link(inv, report);
        }
        try (SandboxFleet sandbox = SandboxFleet.start(List.of(scenario), 0)) {
            SandboxFleet.Member m = sandbox.members().getFirst();
            banner(inv, report, "milink demo: checking the built-in sandbox (scenario " + scenario + " at " + m.address()
                    + "), a test double that speaks SQL Server's protocol; it is not SQL Server.");
            Assessment result = inv.milink(BuildReferences.bundled(), CheckConfig.NONE).assess(AssessmentRequest.of(
                    List.of(new Source.Live(m.target().display(), m.settings()))).withParallel(1));
            return report.write(result, "");
        }
    }

    /** Both ends: the SQL Server stand-in and the ARM stand-in of the scenario, judged together as one link. */
    private int link(Invocation inv, ReportOutput report) {
        try (SandboxLink sandbox = SandboxLink.start(scenario)) {
            SandboxFleet.Member m = sandbox.sql();
            if (m == null) {
                throw new MilinkException(CoreError.USAGE, "Sandbox scenario " + scenario + " has no SQL Server end;"
                        + " 'milink demo' needs both (sqlServer: in the scenario file).");
            }
            banner(inv, report, "milink demo: checking the built-in sandbox (scenario " + sandbox.scenario() + "): SQL Server"
                    + " at " + m.address() + " and managed instance " + sandbox.arm().managedInstanceName()
                    + " through an Azure Resource Manager stand-in at " + sandbox.arm().baseUrl() + ". Both are test"
                    + " doubles: not SQL Server, not Azure.");
            AzureManagedInstanceSource mi = AzureManagedInstanceSource.live(ArmConnection.open(sandbox.options()),
                    ManagedInstanceId.parse(sandbox.arm().managedInstanceId()), Clock.systemUTC());
            Assessment result = inv.milink(BuildReferences.bundled(), CheckConfig.NONE).assess(AssessmentRequest.of(
                    List.of(new Source.Live(m.target().display(), m.settings()))).withParallel(1)
                    .withLink(LinkSettings.of(Direction.SQL_TO_MI).withSqlServerAddresses(sandbox.sqlServerAddresses()))
                    .withManagedInstance(mi::read));
            return report.write(result, "");
        }
    }

    /** The banner heads the text report; with JSON, stdout stays pure JSON and the banner goes to stderr. */
    private static void banner(Invocation inv, ReportOutput report, String text) {
        (inv.json() || report.toFile() ? inv.err() : inv.out()).println(text);
    }
}
