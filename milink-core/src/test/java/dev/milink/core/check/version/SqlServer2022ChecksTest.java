// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.version;

import static dev.milink.core.check.version.VersionCheckRun.build;
import static dev.milink.core.check.version.VersionCheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.model.Direction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MIL-V2, MIL-V3 and MIL-V4: the three SQL Server 2022 minimums. */
class SqlServer2022ChecksTest {

    @Nested
    class LinkFromSqlServer {
        private final SqlServer2022BuildCheck check = new SqlServer2022BuildCheck();

        @Test
        void rtmIsEnough() {
            assertThat(run(check, build("16.0.1000.6")).status()).isEqualTo(Status.PASS);
        }

        @Test
        void releaseCandidateIsOlderThanRtm() {
            Finding f = run(check, build("16.0.950.9"));
            assertThat(f.status()).isEqualTo(Status.FAIL);
            assertThat(f.message()).startsWith("SQL Server 2022, build 16.0.950.9 (older than RTM (16.0.1000.6): a "
                    + "pre-release build); the link needs RTM (16.0.1000.6) or later");
        }

        @Test
        void sql2019IsSkipped() {
            assertThat(run(check, build("15.0.4312.2")).message())
                    .isEqualTo("Applies to SQL Server 2022; this instance is SQL Server 2019.");
        }
    }

    @Nested
    class LinkFromManagedInstance {
        private final SqlServer2022FromMiBuildCheck check = new SqlServer2022FromMiBuildCheck();

        @ParameterizedTest
        @CsvSource({"16.0.4095.4, PASS", "16.0.4265.3, PASS", "16.0.4085.2, FAIL", "16.0.4080.1, FAIL",
            "16.0.1135.2, FAIL"})
        void needsCu10(String version, Status expected) {
            assertThat(run(check, build(version), Direction.MI_TO_SQL).status()).isEqualTo(expected);
        }

        @Test
        void failureNamesCu10() {
            assertThat(run(check, build("16.0.4085.2"), Direction.MI_TO_SQL).message())
                    .isEqualTo("SQL Server 2022 CU9 (16.0.4085.2); the link needs CU10 (16.0.4095.4) or later; latest "
                            + "known CU26 (16.0.4265.3)");
        }

        @Test
        void onlyRunsForLinksFromTheManagedInstance() {
            assertThat(check.metadata().appliesTo(Direction.MI_TO_SQL)).isTrue();
            assertThat(check.metadata().appliesTo(Direction.SQL_TO_MI)).isFalse();
        }
    }

    @Nested
    class TsqlFailover {
        private final SqlServer2022TsqlFailoverBuildCheck check = new SqlServer2022TsqlFailoverBuildCheck();

        @Test
        void cu13Passes() {
            assertThat(run(check, build("16.0.4125.3")).status()).isEqualTo(Status.PASS);
            assertThat(run(check, build("16.0.4125.3"), Direction.MI_TO_SQL).status()).isEqualTo(Status.PASS);
        }

        @Test
        void cu12FailsButDoesNotBlockTheLink() {
            Finding f = run(check, build("16.0.4115.5"));
            assertThat(f.status()).isEqualTo(Status.WARN);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.isBlocking()).isFalse();
            assertThat(f.message()).startsWith("SQL Server 2022 CU12 (16.0.4115.5); T-SQL failover (ALTER "
                    + "AVAILABILITY GROUP … FAILOVER) needs CU13 (16.0.4125.3) or later; latest known CU26")
                    .contains("until then use a failover method from https://learn.microsoft.com/");
        }
    }
}
