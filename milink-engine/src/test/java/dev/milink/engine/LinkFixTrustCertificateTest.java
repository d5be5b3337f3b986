// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.azure.ArmConnection;
import dev.milink.azure.ArmEndpoints;
import dev.milink.azure.AzureAuth;
import dev.milink.azure.AzureOptions;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.Script;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Status;
import dev.milink.core.check.Target;
import dev.milink.core.check.azure.support.ArmRequest;
import dev.milink.core.fix.FixPlan;
import dev.milink.core.fix.PlannedStep;
import dev.milink.core.secret.Secret;
import dev.milink.sandbox.arm.ArmStandIn;
import dev.milink.sandbox.arm.AzureScenarios;
import dev.milink.sandbox.arm.SandboxEstate;
import dev.milink.sqlserver.connect.Authentication;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlConnector;
import dev.milink.sqlserver.connect.SqlTarget;
import dev.milink.sqlserver.fix.FixResult;
import dev.milink.sqlserver.fix.ProgressListener;
import dev.milink.sqlserver.fix.StepOutcome;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * MIL-I10's upload of the certificate MIL-I9 creates in the same run ({@code publicBlobFrom}), through the real
 * mssql-jdbc driver and the real azure-core pipeline against both stand-ins: sent after the T-SQL steps with the
 * certificate's CERTENCODED bytes read then; a certificate that is still missing fails the step with one line and
 * nothing is sent.
 */
class LinkFixTrustCertificateTest {

    private static final String CERT = "Cert_SQLPROD01_endpoint";

    private static AzureOptions options(SandboxEstate estate) {
        return AzureOptions.defaults()
                .endpoints(ArmEndpoints.custom(estate.arm().baseUrl(), "https://management.core.windows.net//.default"))
                .auth(AzureAuth.of(AzureAuth.Mode.ACCESS_TOKEN))
                .environment(Map.of(AzureAuth.TOKEN_VARIABLE, estate.arm().accessToken()))
                .retries(1, Duration.ofMillis(5), Duration.ofMillis(10)).pollInterval(Duration.ofMillis(10))
                .sslContext(ArmStandIn.clientSslContext());
    }

    private static ConnectionSettings sql(SandboxEstate estate) {
        return ConnectionSettings.of(new SqlTarget(estate.sql().host(), estate.sql().port(), null),
                new Authentication.SqlLogin("sa", Secret.of("Sandbox#2019sa"))).withEncrypt(false);
    }

    /** The plan as MIL-I10 writes it when MIL-I9 creates the certificate: placeholder blob plus publicBlobFrom. */
    private static FixPlan plan(SandboxEstate estate) {
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("certificate", CERT);
        from.put("createdBy", "MIL-I9/sql/create-endpoint-certificate");
        String request = ArmRequest.of("PUT", estate.arm().managedInstanceId() + "/serverTrustCertificates/" + CERT
                + "?api-version=2025-01-01", Map.of("properties", Map.of("publicBlob", "<read at apply time>")),
                Map.of(ArmRequest.PUBLIC_BLOB_FROM, from));
        FixStep upload = new FixStep("MIL-I10/sql/upload-trust-certificate", "Upload", FixStep.Phase.INSTANCE, 21,
                false, true, List.of(new Script(ScriptKind.ARM_REQUEST, request)), Optional.empty());
        return new FixPlan("sql", List.of(new PlannedStep(1, upload, List.of("MIL-I10"), Target.instance("sql"),
                Status.FAIL)));
    }

    private static FixResult apply(SandboxEstate estate, Runnable tsql) {
        return apply(estate, rest -> {
            tsql.run();
            return new FixResult(List.of(), Optional.empty(), List.of(), rest.manual());
        });
    }

    private static FixResult apply(SandboxEstate estate, java.util.function.Function<FixPlan, FixResult> tsql) {
        ConnectionSettings settings = sql(estate);
        return LinkFix.apply(plan(estate), () -> ArmConnection.open(options(estate)), ProgressListener.NONE,
                tsql, () -> {
                    throw new AssertionError("no TDE upload in this plan");
                }, name -> LinkFix.publicKey(settings, name));
    }

    @Test
    void theCertificateCreatedByTheTsqlStepsIsUploadedAfterThemWithItsPublicKey() throws Exception {
        try (SandboxEstate estate = SandboxEstate.start(AzureScenarios.load("unprepared-2019"))) {
            AtomicBoolean created = new AtomicBoolean();
            FixResult r = apply(estate, () -> {
                try (Connection c = SqlConnector.open(sql(estate)); Statement s = c.createStatement()) {
                    s.execute("USE master; IF NOT EXISTS (SELECT 1 FROM sys.symmetric_keys WHERE name = "
                            + "'##MS_DatabaseMasterKey##') CREATE MASTER KEY ENCRYPTION BY PASSWORD = 'Dmk#Test-1';");
                    s.execute("USE master; CREATE CERTIFICATE [" + CERT + "] WITH SUBJECT = N'link', "
                            + "EXPIRY_DATE = '20361206';");
                    created.set(true);
                } catch (java.sql.SQLException e) {
                    throw new AssertionError(e);
                }
            });
            assertThat(created).isTrue();
            assertThat(r.failure()).isEmpty();
            assertThat(r.done()).extracting(d -> d.step().step().id()).containsExactly(
                    "MIL-I10/sql/upload-trust-certificate");
            byte[] der;
            try (Connection c = SqlConnector.open(sql(estate)); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT CERTENCODED(CERT_ID(N'" + CERT + "'))")) {
                assertThat(rs.next()).isTrue();
                der = rs.getBytes(1);
            }
            var puts = estate.arm().requestLog().find("PUT", "/serverTrustCertificates/" + CERT + "$");
            assertThat(puts).hasSize(1);
            assertThat(puts.get(0).body()).contains("0x" + HexFormat.of().withUpperCase().formatHex(der))
                    .doesNotContain("publicBlobFrom", "<read at apply time>");
        }
    }

    @Test
    void whenATsqlStepFailsTheUploadIsNotRunAndNothingIsSent() throws Exception {
        try (SandboxEstate estate = SandboxEstate.start(AzureScenarios.load("unprepared-2019"))) {
            PlannedStep create = new PlannedStep(1, new FixStep("MIL-I9/sql/create-endpoint-certificate", "Create",
                    FixStep.Phase.INSTANCE, 20, false, true, List.of(new Script(ScriptKind.TSQL, "SELECT 1;")),
                    Optional.empty()), List.of("MIL-I9"), Target.instance("sql"), Status.FAIL);
            StepOutcome.Failed failed = new StepOutcome.Failed(create, StepOutcome.Reason.SQL_ERROR, 15151,
                    "Cannot find the certificate", List.of());
            FixResult r = apply(estate, rest -> new FixResult(List.of(), Optional.of(failed), List.of(), List.of()));
            assertThat(r.failure()).contains(failed);
            assertThat(r.notRun()).extracting(s -> s.step().id()).containsExactly(
                    "MIL-I10/sql/upload-trust-certificate");
            assertThat(estate.arm().requestLog().entries()).noneMatch(e -> !e.method().equals("GET")
                    && !e.path().contains("/oauth2/"));
        }
    }

    @Test
    void aCertificateStillMissingFailsTheStepWithOneLineAndNothingIsSent() throws Exception {
        try (SandboxEstate estate = SandboxEstate.start(AzureScenarios.load("unprepared-2019"))) {
            FixResult r = apply(estate, () -> { });
            assertThat(r.done()).isEmpty();
            StepOutcome.Failed failed = r.failure().orElseThrow();
            assertThat(failed.reason()).isEqualTo(StepOutcome.Reason.PRECONDITION);
            assertThat(failed.message()).isEqualTo("Cannot read the public key of certificate '" + CERT + "': there "
                    + "is no such certificate in master (CERT_ID is NULL); the step that creates it did not run or "
                    + "it was dropped since.").doesNotContain("\n");
            assertThat(estate.arm().requestLog().entries()).noneMatch(e -> !e.method().equals("GET")
                    && !e.path().contains("/oauth2/"));
        }
    }
}
