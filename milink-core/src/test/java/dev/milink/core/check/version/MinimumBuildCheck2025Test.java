// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.version;

import static dev.milink.core.check.version.VersionCheckRun.build;
import static dev.milink.core.check.version.VersionCheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Status;
import dev.milink.core.model.Direction;
import org.junit.jupiter.api.Test;

class MinimumBuildCheck2025Test {

    private final MinimumBuildCheck check = BuildChecks.byId("MIL-V1");

    @Test
    void rtmPassesInBothDirections() {
        assertThat(run(check, build("17.0.1000.7")).status()).isEqualTo(Status.PASS);
        assertThat(run(check, build("17.0.1000.7"), Direction.MI_TO_SQL).status()).isEqualTo(Status.PASS);
    }

    @Test
    void newerThanTheDataStillPassesAndSaysTheDataMayBeStale() {
        var f = run(check, build("17.0.4065.2"));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.message()).contains("newer than the latest known CU6 (17.0.4055.5); the reference data may "
                + "be stale");
    }

    @Test
    void releaseCandidateFails() {
        assertThat(run(check, build("17.0.925.4")).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void otherVersionsSkip() {
        assertThat(run(check, build("16.0.4135.4")).status()).isEqualTo(Status.SKIPPED);
    }
}
