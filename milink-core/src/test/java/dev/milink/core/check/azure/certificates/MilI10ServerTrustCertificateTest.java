// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure.certificates;

import static dev.milink.core.check.azure.support.AzureFixture.one;
import static dev.milink.core.check.azure.support.AzureFixture.onlyStep;
import static dev.milink.core.check.azure.support.AzureFixture.scripts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Status;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ManagedInstanceFacts.TrustCertificate;
import dev.milink.core.model.ServerFacts.Certificate;
import dev.milink.core.testing.TestCertificates;
import dev.milink.core.testing.TestFacts;
import dev.milink.core.testing.TestMi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MilI10ServerTrustCertificateTest {

    private static final ServerTrustCertificateCheck I10 = new ServerTrustCertificateCheck();

    private static TestFacts trusted(TrustCertificate... certs) {
        return TestFacts.linked().mi(TestMi.ready().set("trustCertificates", Fact.of(List.of(certs))));
    }

    /** The ready SQL Server endpoint certificate with another expiry and public blob. */
    private static TestFacts sqlCertificate(Instant expiry, String blob) {
        TestFacts f = TestFacts.linked();
        List<Certificate> list = new ArrayList<>(f.buildServer().certificates().orElse(List.of()));
        list.replaceAll(c -> c.name().equals("Cert_SQL01_endpoint") ? new Certificate(c.name(), c.certificateId(),
                c.subject(), c.issuer(), c.startDate(), expiry, c.privateKeyEncryption(), c.thumbprint(), blob) : c);
        return f.certificates(Fact.of(List.copyOf(list)));
    }

    @Test
    void matchedByPublicKeyUnderAnyNameWithOrWithout0xInAnyCase() {
        Finding f = one(I10, trusted(new TrustCertificate("renamed-by-someone",
                "0x" + TestCertificates.SQL_ENDPOINT_HEX.toLowerCase(Locale.ROOT), null)));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.message()).contains("'Cert_SQL01_endpoint'", "'renamed-by-someone'");
        assertThat(one(I10, trusted(new TrustCertificate("x", "0X" + TestCertificates.SQL_ENDPOINT_HEX, null)))
                .status()).isEqualTo(Status.PASS);
    }

    @Test
    void azuresThumbprintMatchesWhenTheBlobDoesNotParse() {
        Finding f = one(I10, trusted(new TrustCertificate("t", "0x0102", TestCertificates.SQL_ENDPOINT_SHA1
                .toLowerCase(Locale.ROOT))));
        assertThat(f.status()).isEqualTo(Status.PASS);
    }

    @Test
    void aSameNamedCertificateWithAnotherKeyIsStaleAndFails() {
        Finding f = one(I10, trusted(new TrustCertificate("Cert_SQL01_endpoint", TestCertificates.OTHER_HEX,
                TestCertificates.OTHER_SHA1)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("41973", "same name but another key", TestCertificates.OTHER_SHA1);
        // the upload gets a name that does not collide with the stale one
        assertThat(f.remediation().summary()).contains("'Cert_SQL01_endpoint_"
                + TestCertificates.SQL_ENDPOINT_SHA1.substring(0, 8) + "'");
    }

    @Test
    void withoutTheSqlBlobTheUploadIsTwoManualSteps() {
        Finding f = one(I10, trusted());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        FixStep step = onlyStep(f);
        assertThat(step.appliable()).isFalse();
        assertThat(scripts(f, ScriptKind.MANUAL)).contains("CERTENCODED(CERT_ID(N'Cert_SQL01_endpoint'))",
                "az sql mi partner-cert create --resource-group 'rg-link' --instance-name 'contoso-mi'",
                "New-AzSqlInstanceServerTrustCertificate");
    }

    @Test
    void withTheSqlBlobTheUploadIsAnAppliableArmPut() {
        Finding f = one(I10, sqlCertificate(Instant.parse("2029-12-31T00:00:00Z"),
                TestCertificates.SQL_ENDPOINT_HEX).mi(TestMi.ready().set("trustCertificates", Fact.of(List.of()))));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        FixStep step = onlyStep(f);
        assertThat(step.appliable()).isTrue();
        assertThat(step.phase()).isEqualTo(FixStep.Phase.AZURE);
        assertThat(scripts(f, ScriptKind.ARM_REQUEST)).contains("\"method\": \"PUT\"",
                TestMi.RESOURCE_ID + "/serverTrustCertificates/Cert_SQL01_endpoint?api-version=2025-01-01",
                "\"publicBlob\": \"0x" + TestCertificates.SQL_ENDPOINT_HEX.substring(0, 40));
        assertThat(scripts(f, ScriptKind.AZURE_CLI)).contains("--public-blob 0x3082");
        assertThat(scripts(f, ScriptKind.AZURE_POWERSHELL)).contains("-PublicKey 0x3082");
    }

    @Test
    void expiredAndExpiringSqlCertificates() {
        Finding expired = one(I10, sqlCertificate(Instant.parse("2026-05-01T00:00:00Z"), null));
        assertThat(expired.status()).isEqualTo(Status.FAIL);
        assertThat(expired.message()).contains("expired", "MIL-I9");
        Finding soon = one(I10, sqlCertificate(Instant.parse("2026-06-10T00:00:00Z"), null));
        assertThat(soon.status()).isEqualTo(Status.WARN);
    }

    @Test
    void unreadableOrMissingEndsAreUnknownOrSkipped() {
        assertThat(one(I10, TestFacts.linked().mi(TestMi.ready().set("trustCertificates", Fact.unknown("403"))))
                .status()).isEqualTo(Status.UNKNOWN);
        assertThat(one(I10, TestFacts.linked().certificates(Fact.unknown("denied"))).status())
                .isEqualTo(Status.UNKNOWN);
        Finding none = one(I10, TestFacts.linked().certificates(Fact.of(List.of())).mirroringEndpoint(
                Fact.of(List.of())).mi(TestMi.ready().set("trustCertificates", Fact.unknown("403"))));
        assertThat(none.status()).isEqualTo(Status.SKIPPED);
        assertThat(none.message()).contains("MIL-I9");
    }

    @Test
    void aCertificateMilI9CreatesIsUploadedRightAfterItWithItsPublicKeyReadAtApplyTime() {
        TestFacts facts = TestFacts.linked().certificates(Fact.of(List.of())).mirroringEndpoint(Fact.of(List.of()))
                .mi(TestMi.ready().set("trustCertificates", Fact.of(List.of())));
        Finding f = one(I10, facts);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("no endpoint certificate yet", "MIL-I9", "'Cert_SQL01_endpoint'");
        FixStep step = onlyStep(f);
        assertThat(step.appliable()).isTrue();
        assertThat(step.phase()).isEqualTo(FixStep.Phase.INSTANCE);
        assertThat(step.order()).isEqualTo(dev.milink.core.check.instance.EndpointCertificateCheck.CREATE_ORDER + 1);
        assertThat(step.title()).contains("created by the MIL-I9 step above");
        assertThat(scripts(f, ScriptKind.ARM_REQUEST)).contains("/serverTrustCertificates/Cert_SQL01_endpoint?",
                "\"publicBlobFrom\": {", "\"certificate\": \"Cert_SQL01_endpoint\"",
                "\"createdBy\": \"MIL-I9/", "/create-endpoint-certificate\"",
                ServerTrustCertificateCheck.PUBLIC_BLOB_PLACEHOLDER);
        assertThat(scripts(f, ScriptKind.AZURE_CLI)).contains("CERTENCODED(CERT_ID(N'Cert_SQL01_endpoint'))",
                "--public-blob \"$PUBLIC_BLOB\"");
        assertThat(scripts(f, ScriptKind.AZURE_POWERSHELL)).contains("-PublicKey $env:PUBLIC_BLOB");
    }
}
