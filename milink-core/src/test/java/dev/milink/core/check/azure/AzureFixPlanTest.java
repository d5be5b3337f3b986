// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure;

import static dev.milink.core.testing.TestMi.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.assess.Assessor;
import dev.milink.core.catalog.CheckCatalog;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.azure.support.AzureFixture;
import dev.milink.core.fix.FixPlan;
import dev.milink.core.fix.FixPlanner;
import dev.milink.core.fix.PlannedStep;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ServerFacts.Certificate;
import dev.milink.core.testing.TestCertificates;
import dev.milink.core.testing.TestFacts;
import dev.milink.core.testing.TestMi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Azure fixes in a plan: ARM steps first (NSG, then trust certificate), then SQL Server's import. */
class AzureFixPlanTest {

    @Test
    void azureStepsArePlannedBeforeTheInstanceStepsAndAreAppliable() {
        TestFacts f = TestFacts.linked();
        List<Certificate> certs = new ArrayList<>(f.buildServer().certificates().orElse(List.of()));
        certs.removeIf(c -> c.name().equals(TestFacts.MI_FQDN));
        certs.replaceAll(c -> c.name().equals("Cert_SQL01_endpoint") ? new Certificate(c.name(), c.certificateId(),
                c.subject(), c.issuer(), c.startDate(), c.expiryDate(), c.privateKeyEncryption(), c.thumbprint(),
                TestCertificates.SQL_ENDPOINT_HEX) : c);
        f.certificates(Fact.of(List.copyOf(certs))).mi(TestMi.ready()
                .set("trustCertificates", Fact.of(List.of()))
                .nsgRules(rule("deny-all-in", 200, "Inbound", "Deny", List.of("*"), List.of("*"), List.of("*"))));
        List<Finding> findings = Assessor.of(CheckCatalog.standard()).evaluate(f.build(), AzureFixture.CONTEXT,
                Assessor.DatabaseSelection.ALL_USER);
        FixPlan plan = FixPlanner.plan(TestFacts.INSTANCE, findings, FixPlanner.Options.DEFAULT);
        List<String> ids = plan.steps().stream().map(s -> s.step().id()).toList();
        assertThat(ids).containsSubsequence("MIL-N2/" + TestFacts.INSTANCE + "/nsg-inbound",
                "MIL-I10/" + TestFacts.INSTANCE + "/upload-trust-certificate",
                "MIL-I11/" + TestFacts.INSTANCE + "/import-mi-certificate");
        assertThat(plan.steps()).filteredOn(s -> s.step().phase() == FixStep.Phase.AZURE)
                .extracting(PlannedStep::step).allSatisfy(s -> {
                    assertThat(s.appliable()).isTrue();
                    assertThat(s.script(ScriptKind.ARM_REQUEST)).isPresent();
                });
        // the update policy is never planned as an appliable step
        assertThat(plan.appliable()).noneMatch(s -> s.checkIds().contains("MIL-M1"));
    }
}
