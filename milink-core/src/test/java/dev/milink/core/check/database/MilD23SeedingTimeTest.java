// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import static dev.milink.core.check.database.DbFixture.run;
import static dev.milink.core.check.database.DbFixture.set;
import static dev.milink.core.check.database.DbFixture.unreadable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.Status;
import dev.milink.core.model.DatabaseFacts.Files;
import dev.milink.core.model.Fact;
import org.junit.jupiter.api.Test;

class MilD23SeedingTimeTest {

    /** 6 days at 10 GB/h = 1440 GB. */
    private static final long LIMIT_MB = 1440L * 1024;

    private final SeedingTimeCheck check = new SeedingTimeCheck();

    private Finding dataMb(long mb) {
        return run(check, d -> set(d, "files", Fact.of(new Files(1, 1, 0, mb, 1024))));
    }

    @Test
    void hundredGbMatchesTheDocumentedExample() {
        Finding f = dataMb(100L * 1024);
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.evidence().observed())
                .isEqualTo("100.0 GB of data files: about 1.2 h at 84 GB/h, 10.0 h at 10 GB/h");
    }

    @Test
    void exactlySixDaysAtTheSlowRatePasses() {
        assertThat(dataMb(LIMIT_MB).status()).isEqualTo(Status.PASS);
    }

    @Test
    void justOverSixDaysAtTheSlowRateWarns() {
        Finding f = dataMb(LIMIT_MB + 1);
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("beyond the 6-day limit", "at 84 GB/h about 17.1 h");
    }

    @Test
    void tooBigEvenAtTheFastRate() {
        Finding f = dataMb(13_000L * 1024);
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("even at 84 GB/h");
        assertThat(f.remediation().summary()).contains("9567");
    }

    @Test
    void unreadableSizeIsUnknown() {
        unreadable(check, "files", "offline");
    }
}
