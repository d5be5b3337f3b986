// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.version;

import static dev.milink.core.check.version.VersionCheckRun.build;
import static dev.milink.core.check.version.VersionCheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SupportedMajorVersionCheckTest {

    private final SupportedMajorVersionCheck check = new SupportedMajorVersionCheck();

    @ParameterizedTest
    @ValueSource(strings = {"13.0.6300.2", "14.0.3456.2", "15.0.4261.1", "16.0.1000.6", "17.0.1000.7"})
    void sql2016To2025AreSupportedMajors(String version) {
        assertThat(run(check, build(version)).status()).isEqualTo(Status.PASS);
    }

    @Test
    void sql2014Fails() {
        Finding f = run(check, build("12.0.6024.0"));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).isEqualTo("SQL Server 2014, build 12.0.6024.0 can't take part in a link: distributed "
                + "availability groups need SQL Server 2016 or later.");
        assertThat(f.remediation().steps().getFirst().script(ScriptKind.MANUAL).orElseThrow().text())
                .contains("SQL Server 2014 (12.0.6024.0)", "supported-version-and-edition-upgrades");
    }

    @Test
    void majorNewerThanTheDataIsUnknown() {
        Finding f = run(check, build("18.0.1000.1"));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.message()).contains("newer than the build reference data (2026-07-16) knows");
    }

    @Test
    void unreadableVersionIsUnknown() {
        assertThat(run(check, VersionCheckRun.productUnknown()).status()).isEqualTo(Status.UNKNOWN);
    }
}
