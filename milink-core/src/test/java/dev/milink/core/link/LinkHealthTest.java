// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import static dev.milink.core.link.LinkFixtures.NOW;
import static dev.milink.core.link.LinkFixtures.end;
import static dev.milink.core.link.LinkFixtures.link;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.assess.Verdict;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.error.ExitStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHealthTest {

    private static List<Finding> judge(LinkObservation o) {
        return LinkHealth.evaluate(List.of(o), NOW, Duration.ofDays(30));
    }

    private static Finding finding(List<Finding> f, String id) {
        return f.stream().filter(x -> x.checkId().equals(id)).findFirst().orElseThrow();
    }

    private static ExitStatus exit(List<Finding> f) {
        return Verdict.exitStatus(f, Severity.WARNING);
    }

    @Test
    void healthyLinkExitsZero() {
        List<Finding> f = judge(link(end("PRIMARY"), end("SECONDARY")));
        assertThat(f).extracting(Finding::status).containsOnly(Status.PASS);
        assertThat(finding(f, "MIL-L4").message()).contains("SQL Server is the primary");
        assertThat(finding(f, "MIL-L5").message()).contains("hardened LSNs match");
        assertThat(exit(f)).isEqualTo(ExitStatus.READY);
    }

    @Test
    void seedingIsInformationWithProgressAndStillHealthy() {
        List<Finding> f = judge(link(end("PRIMARY"), LinkFixtures.seeding(end("SECONDARY"))));
        Finding h = finding(f, "MIL-L3");
        assertThat(h.status()).isEqualTo(Status.INFO);
        assertThat(h.message()).contains("40 % of 10.0 GiB").contains("12.5 MiB/s").contains("about 8 min left");
        assertThat(exit(f)).isEqualTo(ExitStatus.READY);
    }

    @Test
    void halfMadeLinkIsExplained() {
        List<Finding> f = judge(link(end("PRIMARY"), null));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(Status.FAIL);
            assertThat(x.message()).contains("SQL Server only");
            assertThat(x.remediation().summary()).contains("rerun milink link create");
        });
        assertThat(exit(f)).isEqualTo(ExitStatus.NOT_READY);
    }

    @Test
    void splitBrainFails() {
        Finding r = finding(judge(link(end("PRIMARY"), end("PRIMARY"))), "MIL-L4");
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.message()).contains("Split brain");
    }

    @Test
    void linkErrorsAreExplainedWithTheirSource() {
        for (int n : List.of(41962, 41973, 41974, 41976, 41986, 47521, 1408, 1412)) {
            Finding e = finding(judge(link(end("PRIMARY"), LinkFixtures.withError(end("SECONDARY"), n))), "MIL-L6");
            assertThat(e.status()).isEqualTo(Status.WARN);
            assertThat(e.message()).contains(Integer.toString(n))
                    .contains(LinkErrors.explain(n).orElseThrow().meaning());
            assertThat(e.remediation().summary()).contains("learn.microsoft.com");
        }
        Finding unknown = finding(judge(link(end("PRIMARY"), LinkFixtures.withError(end("SECONDARY"), 99999))),
                "MIL-L6");
        assertThat(unknown.message()).contains("error 99999");
    }

    @Test
    void disconnectedAndErrorStatesAreDegraded() {
        var sql = end("PRIMARY");
        var mi = new LinkObservation.End("SECONDARY", "DISCONNECTED", "NOT_HEALTHY", "LinkInitError", null, null,
                null, java.util.Optional.empty(), java.util.Optional.empty(), null, null, null);
        List<Finding> f = judge(link(sql, mi));
        assertThat(finding(f, "MIL-L2").status()).isEqualTo(Status.FAIL);
        assertThat(finding(f, "MIL-L3").message()).contains("LinkInitError");
        assertThat(exit(f)).isEqualTo(ExitStatus.NOT_READY);
    }

    @Test
    void certificateExpiryOnEitherEnd() {
        var soon = new LinkObservation.End("SECONDARY", "CONNECTED", "HEALTHY", "SYNCHRONIZING", "42000000001", 0L,
                0L, java.util.Optional.empty(), java.util.Optional.empty(), "Cert_SQL01_endpoint",
                NOW.plus(Duration.ofDays(10)), null);
        Finding c = finding(judge(link(end("PRIMARY"), soon)), "MIL-L7");
        assertThat(c.status()).isEqualTo(Status.WARN);
        assertThat(c.message()).contains("managed instance trusts Cert_SQL01_endpoint until 2026-06-11");
        var expired = new LinkObservation.End("PRIMARY", "CONNECTED", "HEALTHY", "SYNCHRONIZING", "42000000001", 0L,
                0L, java.util.Optional.empty(), java.util.Optional.empty(), "contoso-mi", NOW.minusSeconds(1), null);
        assertThat(finding(judge(link(expired, end("SECONDARY"))), "MIL-L7").status()).isEqualTo(Status.FAIL);
    }

    @Test
    void lagWarns() {
        var lagging = new LinkObservation.End("SECONDARY", "CONNECTED", "HEALTHY", "SYNCHRONIZING", "41000000001",
                900L, 20L, java.util.Optional.empty(), java.util.Optional.empty(), null, null, null);
        Finding l = finding(judge(link(end("PRIMARY"), lagging)), "MIL-L5");
        assertThat(l.status()).isEqualTo(Status.WARN);
        assertThat(l.message()).contains("hardened LSN primary 42000000001, secondary 41000000001")
                .contains("send lag 900 s");
    }
}
