// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import static dev.milink.core.check.instance.MilInstanceFixture.CONTEXT;
import static dev.milink.core.check.instance.MilInstanceFixture.namedInstance;
import static dev.milink.core.check.instance.MilInstanceFixture.one;
import static dev.milink.core.check.instance.MilInstanceFixture.scripts;
import static dev.milink.core.check.instance.MilInstanceFixture.step;
import static dev.milink.core.check.instance.MilInstanceFixture.stepIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Status;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ServerFacts.Certificate;
import dev.milink.core.model.ServerFacts.MirroringEndpoint;
import dev.milink.core.testing.TestFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MilI2I8I9CertificateTest {

    private static final MasterKeyCheck I2 = new MasterKeyCheck();
    private static final MirroringEndpointCheck I8 = new MirroringEndpointCheck();
    private static final EndpointCertificateCheck I9 = new EndpointCertificateCheck();

    private static Certificate endpointCert(String name, Instant expiry, String keyEncryption) {
        return new Certificate(name, 256, "endpoint", "endpoint", TestFacts.NOW.minus(Duration.ofDays(400)), expiry,
                keyEncryption, "A1B2C3D4E5F60718293A4B5C6D7E8F9012345678");
    }

    /** MIL-I9 on ready facts whose only certificate is the endpoint's {@code Cert_SQL01_endpoint}. */
    private static Finding i9WithEndpointCertificate(Instant expiry, String keyEncryption) {
        return one(I9, TestFacts.ready().certificates(Fact.of(List.of(endpointCert("Cert_SQL01_endpoint", expiry,
                keyEncryption)))).build());
    }

    private static MirroringEndpoint endpoint(String name, String state, String role, String auth, String cert,
                                              boolean encrypted, String algorithm) {
        return new MirroringEndpoint(name, state, role, auth, cert, encrypted, algorithm, 5022, "ALL");
    }

    @Test
    void masterKeyPassFailUnknown() {
        assertThat(one(I2, TestFacts.ready().build()).status()).isEqualTo(Status.PASS);
        assertThat(one(I2, TestFacts.ready().masterKey(Fact.unknown("no VIEW DEFINITION")).build()))
                .satisfies(f -> {
                    assertThat(f.status()).isEqualTo(Status.UNKNOWN);
                    assertThat(f.message()).contains("no VIEW DEFINITION");
                });
        Finding f = one(I2, TestFacts.ready().masterKey(Fact.of(false)).build());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        FixStep create = f.remediation().steps().getFirst();
        assertThat(create.appliable()).isTrue();
        assertThat(create.secret()).contains("MILINK_DMK_PASSWORD");
        assertThat(create.order()).isLessThan(Fixes.SQL_ENDPOINT_CERTIFICATE);
        assertThat(create.script(ScriptKind.TSQL).orElseThrow().text())
                .contains("USE master;", "IF NOT EXISTS", "symmetric_key_id = 101",
                        "CREATE MASTER KEY ENCRYPTION BY PASSWORD = '$(MILINK_DMK_PASSWORD)';");
    }

    @Test
    void certificateExpiringIn29DaysWarnsAnd31DaysPasses() {
        Finding in29 = i9WithEndpointCertificate(TestFacts.NOW.plus(Duration.ofDays(29)), "MK");
        assertThat(in29.status()).isEqualTo(Status.WARN);
        assertThat(in29.message()).contains("expires in 29 days");
        // the current name is taken, so the rotation gets a dated name
        assertThat(scripts(in29, ScriptKind.TSQL)).contains("CREATE CERTIFICATE [Cert_SQL01_endpoint_20260601]",
                "EXPIRY_DATE = '20360601'");
        Finding in31 = i9WithEndpointCertificate(TestFacts.NOW.plus(Duration.ofDays(31)), "MK");
        assertThat(in31.status()).isEqualTo(Status.PASS);
        assertThat(in31.message()).contains("31 more days");
    }

    @Test
    void expiredCertificateFails() {
        Finding f = i9WithEndpointCertificate(TestFacts.NOW.minus(Duration.ofDays(1)), "MK");
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("expired on 2026-05-31.");
        assertThat(f.evidence().expected()).contains("expiry after 2026-07-01,");
        assertThat(stepIds(f)).containsExactly("MIL-I9/sql01.contoso.local/create-endpoint-certificate",
                "MIL-I9/sql01.contoso.local/upload-endpoint-certificate");
        assertThat(scripts(f, ScriptKind.MANUAL)).contains("New-AzSqlInstanceServerTrustCertificate",
                "CERTENCODED(CERT_ID(N'Cert_SQL01_endpoint_20260601'))");
    }

    @Test
    void aMissingCertificateIsCreatedAndMilI10UploadsItWhenTheManagedInstanceWasRead() {
        TestFacts none = TestFacts.ready().certificates(Fact.of(List.of())).mirroringEndpoint(Fact.of(List.of()));
        assertThat(stepIds(one(I9, none.build()))).containsExactly(
                "MIL-I9/sql01.contoso.local/create-endpoint-certificate",
                "MIL-I9/sql01.contoso.local/upload-endpoint-certificate");
        assertThat(EndpointCertificateCheck.createdByFix(none.build(), CONTEXT)).contains("Cert_SQL01_endpoint");
        var withMi = none.mi(dev.milink.core.testing.TestMi.ready().set("trustCertificates", Fact.of(List.of())));
        Finding f = one(I9, withMi.build());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(stepIds(f)).containsExactly("MIL-I9/sql01.contoso.local/create-endpoint-certificate");
        assertThat(f.remediation().summary()).contains("MIL-I10 uploads its public key");
        assertThat(EndpointCertificateCheck.createStepId(withMi.build())).isEqualTo(stepIds(f).getFirst());
        assertThat(EndpointCertificateCheck.createdByFix(TestFacts.ready().build(), CONTEXT)).isEmpty();
    }

    @Test
    void backslashInNameFailsWithSanitizedSuggestion() {
        Finding f = one(I9, namedInstance("SQL01", "SALES")
                .certificates(Fact.of(List.of(endpointCert("Cert_SQL01\\SALES_endpoint",
                        Instant.parse("2030-01-01T00:00:00Z"), "MK"))))
                .mirroringEndpoint(Fact.of(List.of(endpoint("Hadr_endpoint", "STARTED", "ALL", "CERTIFICATE",
                        "Cert_SQL01\\SALES_endpoint", true, "AES")))).build());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("backslash", "Cert_SQL01_SALES_endpoint");
        String sql = scripts(f, ScriptKind.TSQL);
        assertThat(sql).contains("CREATE CERTIFICATE [Cert_SQL01_SALES_endpoint]",
                "WHERE name = N'Cert_SQL01_SALES_endpoint'", "WITH SUBJECT = N'Managed Instance link endpoint "
                        + "certificate for SQL01\\SALES'").doesNotContain("DROP");
    }

    @Test
    void passwordProtectedKeyFailsAndUnknownCertificatesAreUnknown() {
        Finding pw = i9WithEndpointCertificate(Instant.parse("2030-01-01T00:00:00Z"), "PW");
        assertThat(pw.status()).isEqualTo(Status.FAIL);
        assertThat(pw.message()).contains("encrypted by a password");
        assertThat(one(I9, TestFacts.ready().certificates(Fact.unknown("denied")).build()).status())
                .isEqualTo(Status.UNKNOWN);
        assertThat(one(I9, TestFacts.ready().build()).status()).isEqualTo(Status.PASS);
    }

    @Test
    void nonLatinAndQuoteCharactersAreSanitizedInNewNamesAndQuotedInSubjects() {
        Finding f = one(I9, TestFacts.ready()
                .identity(Fact.of(new dev.milink.core.model.ServerFacts.Identity("Ведомости]'x y", "Ведомости",
                        null, "Cyrillic_General_CI_AS", false)))
                .certificates(Fact.of(List.of())).mirroringEndpoint(Fact.of(List.of())).build());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(scripts(f, ScriptKind.TSQL)).contains("CREATE CERTIFICATE [Cert_Ведомости__x_y_endpoint]",
                "N'Managed Instance link endpoint certificate for Ведомости]''x y'");
    }

    @Test
    void missingEndpointIsCreatedWithQuotedNamesAndCertificateFirst() {
        Finding f = one(I8, TestFacts.ready().mirroringEndpoint(Fact.of(List.of()))
                .certificates(Fact.of(List.of())).build());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("No database mirroring endpoint");
        assertThat(stepIds(f)).containsExactly("MIL-I9/sql01.contoso.local/create-endpoint-certificate",
                "MIL-I8/sql01.contoso.local/create-endpoint");
        assertThat(step(f, "create-endpoint-certificate").order())
                .isLessThan(step(f, "create-endpoint").order());
        assertThat(scripts(f, ScriptKind.TSQL)).contains("CREATE ENDPOINT [database_mirroring_endpoint]",
                "LISTENER_PORT = 5022", "AUTHENTICATION = CERTIFICATE [Cert_SQL01_endpoint]",
                "ENCRYPTION = REQUIRED ALGORITHM AES", "IF NOT EXISTS (SELECT 1 FROM sys.database_mirroring_endpoints)");
    }

    @Test
    void missingEndpointOnANamedInstanceReusesAValidCertificateAndAvoids5022() {
        Finding f = one(I8, namedInstance("SQL01", "SALES").mirroringEndpoint(Fact.of(List.of())).build());
        assertThat(stepIds(f)).containsExactly("MIL-I8/sql01.contoso.local/create-endpoint");
        assertThat(scripts(f, ScriptKind.TSQL)).contains("LISTENER_PORT = 5023", "[Cert_SQL01_endpoint]");
    }

    @Test
    void existingWindowsEndpointIsAlteredForDualAuthenticationNeverDropped() {
        Finding f = one(I8, TestFacts.ready().mirroringEndpoint(Fact.of(List.of(endpoint("end]point 'Ведомости'",
                "STOPPED", "PARTNER", "NTLM", null, true, "RC4")))).build());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("state STOPPED", "role PARTNER", "authentication NTLM",
                "encryption algorithm RC4");
        String sql = scripts(f, ScriptKind.TSQL);
        assertThat(sql).contains("ALTER ENDPOINT [end]]point 'Ведомости'] STATE = STARTED;",
                "(ROLE = ALL)", "AUTHENTICATION = WINDOWS NTLM CERTIFICATE [Cert_SQL01_endpoint]",
                "ENCRYPTION = REQUIRED ALGORITHM AES RC4").doesNotContain("DROP");
        assertThat(f.remediation().steps()).singleElement().satisfies(s -> assertThat(s.appliable()).isTrue());
    }

    @Test
    void endpointPassesAndUnknownIsUnknown() {
        assertThat(one(I8, TestFacts.ready().build()).status()).isEqualTo(Status.PASS);
        Finding u = one(I8, TestFacts.ready().mirroringEndpoint(Fact.unknown("VIEW DEFINITION denied")).build());
        assertThat(u.status()).isEqualTo(Status.UNKNOWN);
        assertThat(u.message()).contains("VIEW DEFINITION denied");
        Finding aesOff = one(I8, TestFacts.ready().mirroringEndpoint(Fact.of(List.of(endpoint("Hadr_endpoint",
                "STARTED", "ALL", "CERTIFICATE", "Cert_SQL01_endpoint", false, "NONE")))).build(), CONTEXT);
        assertThat(aesOff.message()).contains("encryption disabled");
        assertThat(scripts(aesOff, ScriptKind.TSQL)).contains("REQUIRED ALGORITHM AES);");
    }
}
