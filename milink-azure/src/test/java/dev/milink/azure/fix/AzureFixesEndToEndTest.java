// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.azure.ArmConnection;
import dev.milink.azure.ArmEndpoints;
import dev.milink.azure.AzureAuth;
import dev.milink.azure.AzureCollector;
import dev.milink.azure.AzureOptions;
import dev.milink.core.assess.Assessor;
import dev.milink.core.buildref.BuildReferences;
import dev.milink.core.catalog.CheckCatalog;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.Status;
import dev.milink.core.fix.FixPlan;
import dev.milink.core.fix.FixPlanner;
import dev.milink.core.fix.PlannedStep;
import dev.milink.core.model.Fact;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts.Certificate;
import dev.milink.core.model.Input;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.testing.TestCertificates;
import dev.milink.core.testing.TestFacts;
import dev.milink.sandbox.arm.ArmStandIn;
import dev.milink.sandbox.arm.AzureScenarios;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Azure checks' own fix steps, applied through the executor against the stand-in, turn their findings to PASS
 * on the next collection: checks (core) -> plan -> ARM_REQUEST -> pipeline + poller -> stand-in -> collector.
 */
class AzureFixesEndToEndTest {
    private static final Clock CLOCK = Clock.fixed(TestFacts.NOW, ZoneOffset.UTC);
    private static final CheckContext CONTEXT = CheckContext.of(BuildReferences.bundled()).withClock(CLOCK);
    private ArmStandIn arm;
    private ArmConnection connection;

    @BeforeEach
    void start() throws Exception {
        arm = ArmStandIn.start(AzureScenarios.load("unprepared-2019"));
        arm.setLro(new ArmStandIn.Lro(0, 1));
        connection = ArmConnection.open(AzureOptions.defaults()
                .endpoints(ArmEndpoints.custom(arm.baseUrl(), "https://management.core.windows.net//.default"))
                .auth(AzureAuth.of(AzureAuth.Mode.ACCESS_TOKEN))
                .environment(Map.of(AzureAuth.TOKEN_VARIABLE, arm.accessToken()))
                .retries(1, Duration.ofMillis(5), Duration.ofMillis(10)).pollInterval(Duration.ofMillis(10))
                .sslContext(ArmStandIn.clientSslContext()));
    }

    @AfterEach
    void stop() {
        arm.close();
    }

    @Test
    void theNsgRuleAndTrustCertificateFixesOfTheChecksTurnTheirFindingsToPass() {
        List<Finding> before = evaluate();
        List<String> failing = before.stream().filter(f -> f.status() == Status.FAIL)
                .map(Finding::checkId).filter(id -> id.equals("MIL-N2") || id.equals("MIL-I10")).distinct().toList();
        // unprepared-2019: deny_5022_inbound shadows the link's allow rule; no server trust certificate
        assertThat(failing).containsExactlyInAnyOrder("MIL-N2", "MIL-I10");

        FixPlan plan = FixPlanner.plan(TestFacts.INSTANCE, before, FixPlanner.Options.DEFAULT);
        List<FixStep> azure = plan.steps().stream().map(PlannedStep::step)
                .filter(s -> s.phase() == FixStep.Phase.AZURE).filter(ArmFixExecutor::handles).toList();
        // (a role assignment step is planned too, as a script for someone else: not appliable, so not sent)
        assertThat(azure).extracting(FixStep::id).anyMatch(id -> id.startsWith("MIL-N2/"))
                .anyMatch(id -> id.startsWith("MIL-I10/"));
        List<ArmStepResult> results = ArmFixExecutor.of(connection).applyAll(azure, ArmFixExecutor.Progress.NONE);
        assertThat(results).allSatisfy(r -> assertThat(r.outcome()).as(r.message())
                .isEqualTo(ArmStepResult.Outcome.APPLIED));

        List<Finding> after = evaluate();
        assertThat(after).filteredOn(f -> failing.contains(f.checkId()))
                .allSatisfy(f -> assertThat(f.status()).as(f.checkId() + ": " + f.message()).isEqualTo(Status.PASS));
    }

    private List<Finding> evaluate() {
        ManagedInstanceFacts mi = new AzureCollector(connection, CLOCK).collect(arm.managedInstanceId());
        TestFacts f = TestFacts.linked();
        // SQL Server's endpoint certificate with a real DER blob, as the sandbox SQL Server would report it
        List<Certificate> certs = f.buildServer().certificates().orElse(List.of()).stream()
                .map(c -> c.name().equals("Cert_SQL01_endpoint") ? new Certificate(c.name(), c.certificateId(),
                        c.subject(), c.issuer(), c.startDate(), c.expiryDate(), c.privateKeyEncryption(),
                        c.thumbprint(), TestCertificates.SQL_ENDPOINT_HEX) : c).toList();
        Facts facts = f.certificates(Fact.of(certs)).mi(Input.of(mi)).sqlAddresses("10.20.0.5").build();
        return Assessor.of(CheckCatalog.standard()).evaluate(facts, CONTEXT, Assessor.DatabaseSelection.ALL_USER);
    }
}
