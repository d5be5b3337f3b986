// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.azure.ArmConnection;
import dev.milink.azure.ArmEndpoints;
import dev.milink.azure.AzureAuth;
import dev.milink.azure.AzureCollector;
import dev.milink.azure.AzureError;
import dev.milink.azure.AzureOptions;
import dev.milink.azure.fix.ArmStepResult.Outcome;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.Script;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.error.ExitStatus;
import dev.milink.core.error.MilinkException;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ManagedInstanceFacts.SecurityRule;
import dev.milink.sandbox.arm.ArmFault;
import dev.milink.sandbox.arm.ArmRequestLog;
import dev.milink.sandbox.arm.ArmStandIn;
import dev.milink.sandbox.arm.AzureScenarios;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ARM fix steps through the real pipeline and azure-core-management's poller against the ARM stand-in. */
class ArmFixExecutorTest {
    private ArmStandIn arm;
    private ArmConnection connection;
    private final List<String> progress = new ArrayList<>();

    private ArmFixExecutor start(String scenario) throws Exception {
        arm = ArmStandIn.start(AzureScenarios.load(scenario));
        arm.setLro(new ArmStandIn.Lro(0, 2));   // Retry-After 0: the poll interval below applies
        AzureOptions options = AzureOptions.defaults()
                .endpoints(ArmEndpoints.custom(arm.baseUrl(), "https://management.core.windows.net//.default"))
                .auth(AzureAuth.of(AzureAuth.Mode.ACCESS_TOKEN))
                .environment(Map.of(AzureAuth.TOKEN_VARIABLE, arm.accessToken()))
                .retries(1, Duration.ofMillis(5), Duration.ofMillis(10)).pollInterval(Duration.ofMillis(10))
                .sslContext(ArmStandIn.clientSslContext());
        connection = ArmConnection.open(options);
        return ArmFixExecutor.of(connection).withOperationTimeout(Duration.ofSeconds(30));
    }

    /** The HTTP statuses the stand-in answered to {@code method} requests on paths matching {@code path}. */
    private List<Integer> statuses(String method, String path) {
        return arm.requestLog().find(method, path).stream().map(ArmRequestLog.Entry::status).toList();
    }

    @AfterEach
    void stop() {
        if (arm != null) {
            arm.close();
        }
    }

    @Test
    void putsAnNsgRuleAndFollowsTheLongRunningOperation() throws Exception {
        ArmFixExecutor executor = start("unprepared-2019");
        String rule = nsgId() + "/securityRules/allow_mi_link_outbound";

        ArmStepResult result = executor.apply(step("MIL-N2/outbound", "PUT", rule + "?api-version=2024-05-01",
                "{\"properties\":{\"priority\":1100,\"direction\":\"Outbound\",\"access\":\"Allow\",\"protocol\":"
                        + "\"Tcp\",\"sourceAddressPrefix\":\"10.0.0.0/24\",\"sourcePortRange\":\"*\","
                        + "\"destinationAddressPrefix\":\"10.20.0.5\",\"destinationPortRange\":\"5022\"}}"),
                this::record);

        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(statuses("PUT", "/securityRules/allow_mi_link_outbound$")).containsExactly(201);
        // InProgress, InProgress, Succeeded
        assertThat(statuses("GET", "/azureAsyncOperations/")).containsExactly(200, 200, 200);
        assertThat(arm.requestLog().count("GET", "/securityRules/allow_mi_link_outbound$")).isEqualTo(1);
        assertThat(progress).anyMatch(p -> p.contains("accepted (201)")).last().asString().contains("succeeded");
        SecurityRule written = readFacts().networkSecurityGroup().orElse(null).orElseThrow().securityRules()
                .stream().filter(r -> r.name().equals("allow_mi_link_outbound")).findFirst().orElseThrow();
        assertThat(written.destinationPorts()).containsExactly("5022");
        assertThat(written.direction()).isEqualTo("Outbound");
    }

    @Test
    void createsALinkThenFailsItOverThroughPostAndLocation() throws Exception {
        ArmFixExecutor executor = start("prepared-2022");
        String dag = arm.managedInstanceId() + "/distributedAvailabilityGroups/SalesLink";
        FixStep create = step("link/create", "PUT", dag + "?api-version=2025-01-01", "{\"properties\":{"
                + "\"databases\":[{\"databaseName\":\"SalesDB\"}],"
                + "\"partnerEndpoint\":\"TCP://SQLPROD02.contoso.local:5022\","
                + "\"partnerAvailabilityGroupName\":\"AG_Sales\",\"instanceAvailabilityGroupName\":\"AG_Sales_MI\","
                + "\"instanceLinkRole\":\"Secondary\",\"failoverMode\":\"Manual\",\"seedingMode\":\"Automatic\"}}");
        FixStep failover = step("link/failover", "POST", dag + "/failover?api-version=2025-01-01",
                "{\"failoverType\":\"Planned\"}");

        List<ArmStepResult> results = executor.applyAll(List.of(create, failover), this::record);

        assertThat(results).extracting(ArmStepResult::outcome).containsExactly(Outcome.APPLIED, Outcome.APPLIED);
        assertThat(readFacts().links().orElse(null)).singleElement().satisfies(l -> {
            assertThat(l.databases()).containsExactly("SalesDB");
            assertThat(l.instanceLinkRole()).isEqualTo("Primary");
        });
        assertThat(statuses("POST", "/failover$")).containsExactly(202);
    }

    @Test
    void uploadsATrustCertificate() throws Exception {
        ArmFixExecutor executor = start("unprepared-2019");
        String blob = readFacts().endpointCertificate().orElse(null).publicBlobHex();

        ArmStepResult result = executor.apply(trustStep("SQLPROD01-endpoint", "0x" + blob), this::record);

        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(readFacts().trustCertificates().orElse(null)).singleElement()
                .satisfies(c -> assertThat(c.publicBlobHex()).isEqualTo(blob));
    }

    @Test
    void theSameCertificateUnderAnotherNameCountsAsDone() throws Exception {
        ArmFixExecutor executor = start("prepared-2022");
        String blob = readFacts().trustCertificates().orElse(null).get(0).publicBlobHex();

        ArmStepResult result = executor.apply(trustStep("SQLPROD02-endpoint-2", blob.toLowerCase()), this::record);

        assertThat(result.outcome()).isEqualTo(Outcome.ALREADY_DONE);
        assertThat(result.message()).contains("'SQLPROD02-endpoint'");
        assertThat(statuses("PUT", "/serverTrustCertificates/")).containsExactly(409);
    }

    @Test
    void anInvalidBlobFailsWithAPlainExplanation() throws Exception {
        ArmFixExecutor executor = start("unprepared-2019");

        ArmStepResult result = executor.apply(trustStep("thumbprint-by-mistake",
                "18D169ECE4C54EBDE0A8EFD027CF1EFD7258BC5E"), this::record);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.errorCode()).isEqualTo("InvalidPublicBlob");
        assertThat(result.message()).contains("DER encoding").contains("not a thumbprint");
        MilinkException e = result.asException().orElseThrow();
        assertThat(e.code()).isEqualTo(AzureError.ARM_WRITE_FAILED);
        assertThat(e.code().exitStatus()).isEqualTo(ExitStatus.FIX_FAILED);
    }

    @Test
    void aConflictingOperationSaysToWaitAndApplyAgain() throws Exception {
        ArmFixExecutor executor = start("unprepared-2019");
        arm.faults().add(ArmFault.conflict("/serverTrustCertificates/", 1));

        ArmStepResult result = executor.apply(trustStep("x", "0x3000"), this::record);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("another operation is running").contains("apply again");
    }

    @Test
    void aForbiddenWriteNamesTheMissingAction() throws Exception {
        ArmFixExecutor executor = start("unprepared-2019");
        arm.faults().add(ArmFault.forbidden("/securityRules/",
                "Microsoft.Network/networkSecurityGroups/securityRules/write").forMethod("PUT"));

        ArmStepResult result = executor.apply(step("s", "PUT", nsgId() + "/securityRules/r?api-version=2024-05-01",
                "{\"properties\":{}}"), this::record);

        assertThat(result.message()).contains("Microsoft.Network/networkSecurityGroups/securityRules/write");
    }

    @Test
    void anOperationThatEndsFailedIsAFailureWithItsCode() throws Exception {
        ArmFixExecutor executor = start("unprepared-2019");
        String blob = readFacts().endpointCertificate().orElse(null).publicBlobHex();
        arm.faults().add(ArmFault.asyncFailure("/serverTrustCertificates/", "InternalServerError",
                "The certificate could not be stored."));

        ArmStepResult result = executor.apply(trustStep("c", blob), this::record);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("FAILED").contains("InternalServerError");
        assertThat(readFacts().trustCertificates().orElse(null)).isEmpty();
    }

    @Test
    void applyAllStopsAtTheFirstFailureAndSkipsStepsThatAreNotArm() throws Exception {
        ArmFixExecutor executor = start("unprepared-2019");
        FixStep tsql = new FixStep("t", "T-SQL", FixStep.Phase.INSTANCE, 1, false, true,
                List.of(new Script(ScriptKind.TSQL, "SELECT 1;")), Optional.empty());

        List<ArmStepResult> results = executor.applyAll(List.of(tsql, trustStep("bad", "0x00"),
                trustStep("never", "0x00")), ArmFixExecutor.Progress.NONE);

        assertThat(results).extracting(ArmStepResult::stepId).containsExactly("MIL-C1/bad");
    }

    @Test
    void aMalformedRequestIsAUsageError() throws Exception {
        ArmFixExecutor executor = start("unprepared-2019");

        assertThatThrownBy(() -> executor.apply(step("s", "GET", "/subscriptions/x?api-version=1", null),
                ArmFixExecutor.Progress.NONE)).isInstanceOfSatisfying(MilinkException.class,
                        e -> assertThat(e.code()).isEqualTo(AzureError.ARM_REQUEST_INVALID));
        assertThatThrownBy(() -> executor.apply(step("s", "PUT", "https://evil.example/x?api-version=1", null),
                ArmFixExecutor.Progress.NONE)).hasMessageContaining("not an ARM path");
        assertThat(arm.requestLog().size()).isZero();
    }

    private ManagedInstanceFacts readFacts() {
        Clock clock = Clock.fixed(java.time.Instant.parse("2026-03-01T10:00:00Z"), java.time.ZoneOffset.UTC);
        return new AzureCollector(connection, clock).collect(arm.managedInstanceId());
    }

    private String nsgId() {
        return arm.resourceGroupId() + "/providers/Microsoft.Network/networkSecurityGroups/nsg-mi";
    }

    private FixStep trustStep(String name, String blob) {
        return step("MIL-C1/" + name, "PUT", arm.managedInstanceId() + "/serverTrustCertificates/" + name
                + "?api-version=2025-01-01", "{\"properties\":{\"publicBlob\":\"" + blob + "\"}}");
    }

    private static FixStep step(String id, String method, String path, String body) {
        String json = "{\"method\":\"" + method + "\",\"path\":\"" + path + "\",\"body\":" + (body == null ? "null"
                : body) + "}";
        return new FixStep(id, "ARM " + method, FixStep.Phase.AZURE, 1, false, true,
                List.of(new Script(ScriptKind.ARM_REQUEST, json)), Optional.empty());
    }

    private void record(String stepId, String message) {
        progress.add(stepId + ": " + message);
    }
}
