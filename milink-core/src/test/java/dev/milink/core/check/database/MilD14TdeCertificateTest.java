// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import static dev.milink.core.check.database.DbFixture.run;
import static dev.milink.core.check.database.DbFixture.scripts;
import static dev.milink.core.check.database.DbFixture.set;
import static dev.milink.core.check.database.DbFixture.unreadable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.model.DatabaseFacts.Encryption;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ServerFacts.Certificate;
import dev.milink.core.testing.TestFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MilD14TdeCertificateTest {

    private static final String THUMB = "9F8E7D6C5B4A39281706F5E4D3C2B1A098765432";
    private static final Certificate TDE = new Certificate("TDE 'Prod']Cert", 300, "TDE", "TDE",
            Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2035-01-01T00:00:00Z"), "MK", THUMB);

    private final TdeCertificateCheck check = new TdeCertificateCheck();

    private static TestFacts encrypted(String thumbprint) {
        TestFacts t = TestFacts.ready();
        List<Certificate> certs = new ArrayList<>(t.buildServer().certificates().orElse(List.of()));
        certs.add(TDE);
        return t.certificates(Fact.of(List.copyOf(certs))).database("Sales",
                d -> set(d, "encryption", Fact.of(new Encryption(3, "CERTIFICATE", thumbprint))));
    }

    @Test
    void unencryptedDatabasePasses() {
        assertThat(run(check, d -> d).status()).isEqualTo(Status.PASS);
    }

    @Test
    void encryptedDatabaseNamesItsCertificateAndIsAnUnknownBlocker() {
        Finding f = DbFixture.run(check, encrypted("0x" + THUMB.toLowerCase()), "Sales", DbFixture.WITH_DIR);
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.message()).contains("certificate 'TDE 'Prod']Cert'", "uploaded to the managed instance");
        assertThat(f.evidence().observed()).contains(THUMB, "expires 2035-01-01T00:00:00Z");
        assertThat(f.remediation().steps()).extracting(FixStep::appliable).containsOnly(false);
        assertThat(f.remediation().steps()).filteredOn(s -> !s.id().endsWith("verify-tde-certificate-on-mi"))
                .hasSize(3).allSatisfy(s -> assertThat(s.secret()).contains(TdeCertificateCheck.PASSWORD_VARIABLE));
    }

    @Test
    void exportConvertAndUploadScriptsQuoteEverythingAndHoldNoPassword() {
        Finding f = DbFixture.run(check, encrypted(THUMB), "Sales", DbFixture.WITH_DIR);
        String sql = scripts(f, ScriptKind.TSQL);
        assertThat(sql).contains("BACKUP CERTIFICATE [TDE 'Prod']]Cert]")
                .contains("TO FILE = N'D:\\Backup\\TDE_Prod_Cert_20260601000000.cer'")
                .contains("FILE = N'D:\\Backup\\TDE_Prod_Cert_20260601000000.pvk'")
                .contains("ENCRYPTION BY PASSWORD = '$(MILINK_TDE_CERT_PASSWORD)'");
        assertThat(scripts(f, ScriptKind.WINDOWS_POWERSHELL))
                .contains("pvk2pfx.exe -pvk 'TDE_Prod_Cert_20260601000000.pvk'")
                .contains("-pfx 'TDE_Prod_Cert_20260601000000.pfx' -po $env:MILINK_TDE_CERT_PASSWORD");
        assertThat(scripts(f, ScriptKind.AZURE_POWERSHELL))
                .contains("Add-AzSqlManagedInstanceTransparentDataEncryptionCertificate", "-PrivateBlob",
                        "$env:MILINK_TDE_CERT_PASSWORD");
        assertThat(scripts(f, ScriptKind.AZURE_CLI)).contains("/tdeCertificates?api-version=2021-11-01",
                "base64 -w0 'TDE_Prod_Cert_20260601000000.pfx'", "certPassword");
    }

    @Test
    void withTheManagedInstanceNamedMilinkUploadsItselfAndTheStepIsPlannedAlthoughUnknown() {
        TestFacts facts = encrypted(THUMB).mi(dev.milink.core.testing.TestMi.ready());
        Finding f = DbFixture.run(check, facts, "Sales", DbFixture.CONTEXT);
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.remediation().unverifiable()).isTrue();
        FixStep upload = f.remediation().steps().getFirst();
        assertThat(upload.appliable()).isTrue();
        assertThat(upload.phase()).isEqualTo(FixStep.Phase.AZURE);
        assertThat(upload.secret()).isEmpty();
        assertThat(upload.id()).isEqualTo("MIL-D14/" + TestFacts.INSTANCE + "/upload-tde-certificate/" + THUMB);
        assertThat(scripts(f, ScriptKind.ARM_REQUEST)).contains("\"method\": \"POST\"",
                dev.milink.core.testing.TestMi.RESOURCE_ID + "/tdeCertificates?api-version=2025-01-01",
                "\"privateBlob\": \"" + TdeCertificateCheck.PRIVATE_BLOB_PLACEHOLDER + "\"",
                "\"privateBlobFrom\": {", "\"certificate\": \"TDE 'Prod']Cert\"", "\"thumbprint\": \"0x" + THUMB);
        assertThat(scripts(f, ScriptKind.MANUAL)).contains("CERTPRIVATEKEY", "MILINK_TDE_PFX_PASSWORD",
                "milink fix without --mi");
        // no export to files, no pvk2pfx: the manual path is for runs without the managed instance
        assertThat(f.remediation().steps()).extracting(FixStep::id).noneMatch(id -> id.endsWith("convert-to-pfx"));

        var plan = dev.milink.core.fix.FixPlanner.plan("sql01", List.of(f), dev.milink.core.fix.FixPlanner.Options.DEFAULT);
        assertThat(plan.appliable()).extracting(p -> p.step().id()).containsExactly(upload.id());
        assertThat(plan.manual()).extracting(p -> p.step().id()).anyMatch(id -> id.endsWith("verify-tde-certificate-on-mi"));
    }

    @Test
    void otherUnknownFindingsStillPlanNothing() {
        Finding f = DbFixture.run(check, encrypted(THUMB), "Sales", DbFixture.WITH_DIR);
        Finding asymmetric = run(check, d -> set(d, "encryption", Fact.of(new Encryption(3, "ASYMMETRIC KEY", THUMB))));
        assertThat(f.remediation().unverifiable()).isTrue();
        assertThat(asymmetric.remediation().unverifiable()).isFalse();
        var plan = dev.milink.core.fix.FixPlanner.plan("sql01", List.of(f, asymmetric),
                dev.milink.core.fix.FixPlanner.Options.DEFAULT);
        assertThat(plan.steps()).extracting(p -> p.step().id()).allMatch(id -> id.contains("[Sales]"))
                .noneMatch(id -> id.endsWith("tde-key-on-mi")).anyMatch(id -> id.endsWith("export-tde-certificate"));
    }

    @Test
    void withoutBackupDirTheExportUsesTheSqlcmdVariable() {
        Finding f = DbFixture.run(check, encrypted(THUMB), "Sales", DbFixture.CONTEXT);
        assertThat(scripts(f, ScriptKind.TSQL)).contains("N'$(MILINK_BACKUP_DIR)\\TDE_Prod_Cert_");
    }

    @Test
    void unknownThumbprintIsUnknownWithoutSteps() {
        Finding f = DbFixture.run(check, encrypted("00112233445566778899AABBCCDDEEFF00112233"), "Sales",
                DbFixture.CONTEXT);
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.message()).contains("not among the certificates");
        assertThat(f.remediation().steps()).isEmpty();
    }

    @Test
    void unreadableCertificatesAreUnknown() {
        Finding f = DbFixture.run(check, encrypted(THUMB).certificates(Fact.unknown("no VIEW DEFINITION")),
                "Sales", DbFixture.CONTEXT);
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.message()).contains("no VIEW DEFINITION");
    }

    @Test
    void asymmetricKeyProtectorAsksForTheSameKeyOnTheManagedInstance() {
        Finding f = run(check, d -> set(d, "encryption", Fact.of(new Encryption(3, "ASYMMETRIC KEY", THUMB))));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.message()).contains("asymmetric key", "customer-managed key");
        assertThat(scripts(f, ScriptKind.MANUAL)).contains("AzureKeyVault");
    }

    @Test
    void unreadableEncryptionStateIsUnknown() {
        unreadable(check, "encryption", "denied");
    }
}
