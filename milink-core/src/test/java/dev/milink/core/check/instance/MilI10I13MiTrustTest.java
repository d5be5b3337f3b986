// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import static dev.milink.core.check.instance.MilInstanceFixture.CONTEXT;
import static dev.milink.core.check.instance.MilInstanceFixture.one;
import static dev.milink.core.check.instance.MilInstanceFixture.scripts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.CheckContext;
import dev.milink.core.check.Finding;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Status;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ServerFacts.Certificate;
import dev.milink.core.testing.TestFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class MilI10I13MiTrustTest {

    private static final MiCertificateCheck I11 = new MiCertificateCheck();
    private static final AzureRootCaCheck I12 = new AzureRootCaCheck();
    private static final CertificateChainCheck I13 = new CertificateChainCheck();

    /** The ready certificates without those matching {@code drop}, plus {@code extra}. */
    private static TestFacts certificates(Predicate<Certificate> drop, Certificate... extra) {
        List<Certificate> list = new ArrayList<>(TestFacts.ready().buildServer().certificates().orElse(List.of()));
        list.removeIf(drop);
        list.addAll(List.of(extra));
        return TestFacts.ready().certificates(Fact.of(List.copyOf(list)));
    }

    private static Certificate cert(String name, String subject, String thumbprint) {
        return new Certificate(name, 300, subject, subject, TestFacts.NOW, Instant.parse("2027-03-01T00:00:00Z"),
                "NA", thumbprint);
    }

    @Test
    void miCertificateUnderItsFqdnPasses() {
        Finding f = one(I11, TestFacts.ready().miFqdn(TestFacts.MI_FQDN).build(), CONTEXT);
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.message()).doesNotContain("assumed");
    }

    @Test
    void withoutFqdnTheOnlyCandidateIsAssumedAndSaidSo() {
        Finding f = one(I11, TestFacts.ready().build());
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.message()).contains(TestFacts.MI_FQDN, "assumed", "--mi-fqdn");
    }

    @Test
    void withoutFqdnOrCandidateItIsSkippedAndSeveralCandidatesAreUnknown() {
        Finding none = one(I11, certificates(c -> c.name().equals(TestFacts.MI_FQDN)).build());
        assertThat(none.status()).isEqualTo(Status.SKIPPED);
        assertThat(none.message()).contains("--mi-fqdn");
        Finding several = one(I11, certificates(c -> false, cert("other.zone.database.usgovcloudapi.net",
                "CN=other", "00")).build());
        assertThat(several.status()).isEqualTo(Status.UNKNOWN);
        assertThat(several.message()).contains("other.zone.database.usgovcloudapi.net", TestFacts.MI_FQDN);
    }

    @Test
    void miCertificateUnderAnotherNameIsReimportedUnderTheFqdn() {
        Finding f = one(I11, certificates(c -> c.name().equals(TestFacts.MI_FQDN),
                cert("mi's cert]", "CN=" + TestFacts.MI_FQDN, "0102")).miFqdn(TestFacts.MI_FQDN).build(), CONTEXT);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("mi's cert]", "not under its FQDN");
        assertThat(f.remediation().steps()).singleElement().satisfies(s -> assertThat(s.appliable()).isTrue());
        assertThat(scripts(f, ScriptKind.TSQL)).contains("CERTENCODED(CERT_ID(N'mi''s cert]'))",
                "N'CREATE CERTIFICATE ' + N'[" + TestFacts.MI_FQDN + "]'", "CONVERT(nvarchar(max), @public_key, 1)",
                "WHERE name = N'" + TestFacts.MI_FQDN + "'");
    }

    @Test
    void missingMiCertificateFailsWithImportSteps() {
        Finding f = one(I11, certificates(c -> c.name().equals(TestFacts.MI_FQDN)).miFqdn(TestFacts.MI_FQDN).build(), CONTEXT);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(scripts(f, ScriptKind.MANUAL)).contains("Get-AzSqlInstanceEndpointCertificate",
                "-InstanceName 'contoso-mi'", "CREATE CERTIFICATE [" + TestFacts.MI_FQDN + "] FROM BINARY = 0x");
        assertThat(one(I11, TestFacts.ready().certificates(Fact.unknown("denied")).build()).status())
                .isEqualTo(Status.UNKNOWN);
    }

    @Test
    void rootCertificatesPassByNameAndThumbprint() {
        Finding f = one(I12, TestFacts.ready().build());
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.message()).contains("*.database.windows.net", "not collected");
    }

    @Test
    void missingRootIsImportedWithItsPublishedBlob() {
        Finding f = one(I12, certificates(c -> c.name().equals("DigiCertPKI")).build());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("DigiCertPKI is missing", "sp_certificate_add_issuer");
        String sql = scripts(f, ScriptKind.TSQL);
        assertThat(sql).contains("CREATE CERTIFICATE [DigiCertPKI] FROM BINARY = 0x3082038E30820276",
                "EXEC sp_certificate_add_issuer @certificate_id, N'*.database.windows.net';",
                "IF NOT EXISTS (SELECT 1 FROM sys.certificates WHERE name = N'DigiCertPKI')")
                .doesNotContain("MicrosoftPKI]");
    }

    @Test
    void usGovernmentManagedInstanceRegistersItsOwnZone() {
        Finding f = one(I12, certificates(c -> c.name().equals("MicrosoftPKI")).miFqdn("gov-mi.abc.database.usgovcloudapi.net").build(), CONTEXT);
        assertThat(scripts(f, ScriptKind.TSQL)).contains("N'*.database.usgovcloudapi.net'",
                "[MicrosoftPKI] FROM BINARY = 0x308205A8");
    }

    @Test
    void rootWithTheRightNameButAnotherThumbprintFails() {
        Finding f = one(I12, certificates(c -> c.name().equals("MicrosoftPKI"),
                cert("MicrosoftPKI", "CN=Someone Else", "FFFF")).build());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("MicrosoftPKI holds another certificate (CN=Someone Else)");
        assertThat(f.remediation().steps()).isEmpty();
    }

    @Test
    void chainValidationIsSkippedWithTheExactCommand() {
        Finding f = one(I13, TestFacts.ready().miFqdn(TestFacts.MI_FQDN).build(), CONTEXT);
        assertThat(f.status()).isEqualTo(Status.SKIPPED);
        assertThat(f.message()).contains("EXEC sp_validate_certificate_ca_chain 257", "internet");
        Finding unnamed = one(I13, certificates(c -> c.name().equals(TestFacts.MI_FQDN)).build());
        assertThat(unnamed.message()).contains("<certificate_id of the managed instance's certificate>");
    }
}
