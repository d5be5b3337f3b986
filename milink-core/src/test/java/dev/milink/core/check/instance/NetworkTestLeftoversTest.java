// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import static dev.milink.core.check.instance.MilInstanceFixture.one;
import static dev.milink.core.check.instance.MilInstanceFixture.scripts;
import static dev.milink.core.check.instance.MilInstanceFixture.stepIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Status;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ServerFacts.Certificate;
import dev.milink.core.model.ServerFacts.MirroringEndpoint;
import dev.milink.core.testing.TestFacts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, defect 2: after an interrupted {@code milink network test}, its temporary endpoint and certificate used
 * to pass MIL-I8 as the link's endpoint. They are milink's own leftovers: reported, with the T-SQL that removes them.
 */
class NetworkTestLeftoversTest {

    private static final MirroringEndpointCheck I8 = new MirroringEndpointCheck();
    private static final EndpointCertificateCheck I9 = new EndpointCertificateCheck();
    private static final String NAME = "milink_nettest_1a2b3c4d";

    private static Certificate testCertificate() {
        return new Certificate(NAME, 300, "milink network test (temporary; safe to delete)",
                "milink network test (temporary; safe to delete)", TestFacts.NOW, TestFacts.NOW.plus(Duration.ofDays(2)),
                "MK", "0102");
    }

    private static MirroringEndpoint testEndpoint() {
        return new MirroringEndpoint(NAME, "STARTED", "ALL", "CERTIFICATE", NAME, true, "AES", 5022, "ALL");
    }

    @Test
    void aLeftoverTestEndpointIsNotTheLinksEndpoint() {
        Finding f = one(I8, TestFacts.ready().mirroringEndpoint(Fact.of(List.of(testEndpoint())))
                .certificates(Fact.of(List.of(testCertificate()))).build());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("No database mirroring endpoint for the link exists",
                "endpoint " + NAME + ", certificate " + NAME + " are leftovers of an interrupted milink network test");
        assertThat(stepIds(f).getFirst()).isEqualTo("MIL-I8/sql01.contoso.local/drop-test-leftovers");
        assertThat(f.remediation().steps().getFirst().appliable()).isTrue();
        assertThat(f.remediation().steps().getFirst().order()).isLessThan(Fixes.SQL_MASTER_KEY);
        String sql = scripts(f, ScriptKind.TSQL);
        assertThat(sql).contains("IF EXISTS (SELECT 1 FROM sys.endpoints WHERE name = N'" + NAME + "')",
                "DROP ENDPOINT [" + NAME + "];", "DROP CERTIFICATE [" + NAME + "];", "CREATE ENDPOINT");
        assertThat(sql.indexOf("DROP ENDPOINT")).isLessThan(sql.indexOf("DROP CERTIFICATE"));
        // the new endpoint never reuses the leftover certificate
        assertThat(sql).doesNotContain("AUTHENTICATION = CERTIFICATE [" + NAME + "]");
    }

    @Test
    void theLeftoverCertificateIsNotTheEndpointCertificate() {
        Finding f = one(I9, TestFacts.ready().mirroringEndpoint(Fact.of(List.of(testEndpoint())))
                .certificates(Fact.of(List.of(testCertificate()))).build());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("No endpoint certificate protected by the master key exists");
    }

    @Test
    void aLeftoverCertificateBesideAGoodEndpointIsAWarningWithItsCleanup() {
        List<Certificate> certificates = new java.util.ArrayList<>(TestFacts.ready().build().server().certificates()
                .orElse(List.of()));
        certificates.add(testCertificate());
        Finding f = one(I8, TestFacts.ready().certificates(Fact.of(certificates)).build());
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("suits the link, but certificate " + NAME + " is a leftover");
        assertThat(scripts(f, ScriptKind.TSQL)).contains("DROP CERTIFICATE [" + NAME + "];")
                .doesNotContain("DROP ENDPOINT");
    }

    @Test
    void aLeftoverAgentJobBesideAGoodEndpointIsAWarningWithItsCleanupFirst() {
        String job = NAME + "_sql_to_mi'5022]";
        Finding f = one(I8, TestFacts.ready().milinkAgentJobs(Fact.of(List.of(job))).build());
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("suits the link, but Agent job " + job + " is a leftover");
        String sql = scripts(f, ScriptKind.TSQL);
        assertThat(sql).contains("IF EXISTS (SELECT 1 FROM msdb.dbo.sysjobs WHERE name = N'" + NAME
                + "_sql_to_mi''5022]')", "EXEC msdb.dbo.sp_delete_job @job_name = N'" + NAME + "_sql_to_mi''5022]';")
                .doesNotContain("DROP ENDPOINT");
        assertThat(f.remediation().steps().getFirst().appliable()).isTrue();
    }

    @Test
    void agentJobsThatCouldNotBeReadAreNoLeftoversAndOrdinaryJobsAreIgnored() {
        assertThat(one(I8, TestFacts.ready().milinkAgentJobs(Fact.unknown("not sysadmin")).build()).status())
                .isEqualTo(Status.PASS);
        assertThat(one(I8, TestFacts.ready().milinkAgentJobs(Fact.of(List.of("DatabaseBackup - LOG"))).build())
                .status()).isEqualTo(Status.PASS);
    }

    @Test
    void ordinaryNamesAreNotLeftovers() {
        assertThat(dev.milink.core.model.MilinkObjects.isNetworkTestObject("Hadr_endpoint")).isFalse();
        assertThat(dev.milink.core.model.MilinkObjects.isNetworkTestObject("milink_nettest_")).isFalse();
        assertThat(dev.milink.core.model.MilinkObjects.isNetworkTestObject("MILINK_NETTEST_ab")).isTrue();
        assertThat(one(I8, TestFacts.ready().build()).status()).isEqualTo(Status.PASS);
    }
}
