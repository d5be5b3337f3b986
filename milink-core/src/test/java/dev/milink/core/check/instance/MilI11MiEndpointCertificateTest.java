// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import static dev.milink.core.check.instance.MilInstanceFixture.CONTEXT;
import static dev.milink.core.check.instance.MilInstanceFixture.one;
import static dev.milink.core.check.instance.MilInstanceFixture.scripts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Status;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ManagedInstanceFacts.EndpointCertificate;
import dev.milink.core.model.ServerFacts.Certificate;
import dev.milink.core.testing.TestCertificates;
import dev.milink.core.testing.TestFacts;
import dev.milink.core.testing.TestMi;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** MIL-I11 with the managed-instance end read: the copy in master is matched to Azure's blob by thumbprint. */
class MilI11MiEndpointCertificateTest {

    private static final MiCertificateCheck I11 = new MiCertificateCheck();

    private static TestFacts miBlob(String hex) {
        return TestFacts.linked().mi(TestMi.ready().set("endpointCertificate",
                Fact.of(new EndpointCertificate("DATABASE_MIRRORING", hex, null))));
    }

    private static TestFacts withMasterCopy(String name, String thumbprint) {
        TestFacts f = TestFacts.linked();
        List<Certificate> list = new ArrayList<>(f.buildServer().certificates().orElse(List.of()));
        list.removeIf(c -> c.name().equals(TestFacts.MI_FQDN));
        list.add(new Certificate(name, 400, "CN=" + TestFacts.MI_FQDN, "CN=issuer", TestFacts.NOW,
                TestFacts.NOW.plusSeconds(86_400 * 100), "NA", thumbprint));
        return f.certificates(Fact.of(List.copyOf(list)));
    }

    @Test
    void theCurrentCertificateUnderTheFqdnPassesWhateverTheBlobsCase() {
        Finding f = one(I11, miBlob("0x" + TestCertificates.MI_ENDPOINT_HEX.toLowerCase(Locale.ROOT)).build(),
                CONTEXT);
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.message()).contains(TestFacts.MI_FQDN, TestCertificates.MI_ENDPOINT_SHA1);
    }

    @Test
    void aStaleCopyUnderTheFqdnFailsAndTheFixReplacesItFromTheBlob() {
        Finding f = one(I11, withMasterCopy(TestFacts.MI_FQDN, TestCertificates.OTHER_SHA1).build(), CONTEXT);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("another key", TestCertificates.OTHER_SHA1, "41974");
        assertThat(f.remediation().steps()).singleElement().satisfies(s -> assertThat(s.appliable()).isTrue());
        assertThat(scripts(f, ScriptKind.TSQL)).contains(
                "thumbprint <> 0x" + TestCertificates.MI_ENDPOINT_SHA1,
                "DROP CERTIFICATE [" + TestFacts.MI_FQDN + "]",
                "CREATE CERTIFICATE [" + TestFacts.MI_FQDN + "] FROM BINARY = 0x"
                        + TestCertificates.MI_ENDPOINT_HEX.substring(0, 60));
    }

    @Test
    void aMissingCertificateIsImportedFromTheBlobAppliably() {
        TestFacts f = TestFacts.linked();
        List<Certificate> list = new ArrayList<>(f.buildServer().certificates().orElse(List.of()));
        list.removeIf(c -> c.name().equals(TestFacts.MI_FQDN));
        Finding finding = one(I11, f.certificates(Fact.of(List.copyOf(list))).build(), CONTEXT);
        assertThat(finding.status()).isEqualTo(Status.FAIL);
        assertThat(finding.message()).contains("not in master");
        assertThat(scripts(finding, ScriptKind.TSQL)).contains("FROM BINARY = 0x3082");
    }

    @Test
    void theSameKeyUnderAnotherNameIsImportedUnderTheFqdn() {
        Finding f = one(I11, withMasterCopy("mi cert", TestCertificates.MI_ENDPOINT_SHA1).build(), CONTEXT);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("as mi cert", "not under its FQDN");
    }

    @Test
    void anExpiredBlobFails() {
        Finding f = one(I11, miBlob(TestCertificates.EXPIRED_HEX).certificates(Fact.of(List.of(new Certificate(
                TestFacts.MI_FQDN, 257, "CN=x", "CN=x", TestFacts.NOW, TestFacts.NOW, "NA",
                TestCertificates.EXPIRED_SHA1)))).build(), CONTEXT);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("expired on 2024-12-31");
    }

    @Test
    void anUnreadableMiCertificateFallsBackToSqlServersSideAlone() {
        Finding f = one(I11, TestFacts.linked().mi(TestMi.ready().set("endpointCertificate", Fact.unknown("403")))
                .build(), CONTEXT);
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.message()).doesNotContain("thumbprint");
    }
}
