// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.version;

import static dev.milink.core.check.version.VersionCheckRun.build;
import static dev.milink.core.check.version.VersionCheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.model.Direction;
import org.junit.jupiter.api.Test;

class TwoWayScopeCheckTest {

    private final TwoWayScopeCheck check = new TwoWayScopeCheck();

    @Test
    void sql2019IsOneWayInformationally() {
        Finding f = run(check, build("15.0.4312.2"));
        assertThat(f.status()).isEqualTo(Status.INFO);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.message()).isEqualTo("SQL Server 2019 links are one-way: after a failover to the managed "
                + "instance the link ends and no data flows back to SQL Server; failback needs SQL Server 2022 or "
                + "SQL Server 2025.");
    }

    @Test
    void sql2019CannotReceiveALinkFromTheManagedInstance() {
        Finding f = run(check, build("15.0.4312.2"), Direction.MI_TO_SQL);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.isBlocking()).isTrue();
    }

    @Test
    void sql2022And2025AreTwoWay() {
        assertThat(run(check, build("16.0.4135.4")).status()).isEqualTo(Status.PASS);
        assertThat(run(check, build("17.0.1000.7"), Direction.MI_TO_SQL).status()).isEqualTo(Status.PASS);
    }

    @Test
    void unsupportedMajorIsSkippedAndUnreadableIsUnknown() {
        assertThat(run(check, build("12.0.6024.0")).status()).isEqualTo(Status.SKIPPED);
        assertThat(run(check, VersionCheckRun.productUnknown()).status()).isEqualTo(Status.UNKNOWN);
    }
}
