// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.version;

import static dev.milink.core.check.version.VersionCheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.Status;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ServerFacts.HostInfo;
import dev.milink.core.testing.TestFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostOsCheckTest {

    private final HostOsCheck check = new HostOsCheck();

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "Windows | Windows Server 2022 Datacenter | 10.0 | 8    | PASS",
        "Windows | Windows Server 2012 Standard   | 6.2  | 7    | PASS",
        "Windows | Windows Server 2008 R2 Standard| 6.1  | 7    | FAIL",
        "Windows | Windows 10 Enterprise          | 10.0 | 4    | FAIL",
        "Windows | Windows 11 Pro                 | 10.0 | 48   | FAIL",
        "Windows | Windows                        | 10.0 | 48   | FAIL",
        "Windows | Windows                        | 10.0 | 8    | PASS",
        "Windows | Windows                        | 10.0 | null | UNKNOWN",
        "Linux   | Ubuntu                         | 22.04| null | PASS",
        "Linux   | Red Hat Enterprise Linux       | 9    | null | PASS",
        "Darwin  | macOS                          | 14   | null | UNKNOWN"
    })
    void classifiesHosts(String platform, String distribution, String release, Integer sku, Status expected) {
        var facts = TestFacts.ready().host(Fact.of(new HostInfo(platform, distribution.strip(), release, sku))).build();
        assertThat(run(check, facts).status()).isEqualTo(expected);
    }

    @Test
    void windowsClientExplainsWhy() {
        Finding f = run(check, TestFacts.ready()
                .host(Fact.of(new HostInfo("Windows", "Windows 10 Enterprise", "10.0", 4))).build());
        assertThat(f.isBlocking()).isTrue();
        assertThat(f.message()).isEqualTo("Windows 10 Enterprise (release 10.0) SKU 4 is a Windows client OS, which "
                + "can't host the link (the availability group feature can't be enabled); it needs Windows Server "
                + "2012 or later, or Linux.");
        assertThat(f.remediation().steps()).isNotEmpty();
    }

    @Test
    void unreadableHostIsUnknown() {
        Finding f = run(check, TestFacts.ready().host(Fact.unknown("sys.dm_os_host_info needs VIEW SERVER STATE"))
                .build());
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.message()).contains("VIEW SERVER STATE");
    }
}
