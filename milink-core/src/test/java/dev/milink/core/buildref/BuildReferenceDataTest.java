// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.buildref;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.model.Direction;
import dev.milink.core.model.SqlVersion;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled data itself: complete, ordered, consistent with the spec's minimums, and not too old. */
class BuildReferenceDataTest {

    private static final BuildReference REF = BuildReferences.bundled();

    /**
     * Hermetic (issue 13): the age is computed against fixed clocks, never today's date, so the build does not
     * start failing on a calendar day (this test used the wall clock and would have failed from 2027-07-16). Reports
     * still say when the data is old (the staleness note); whether it is fresh enough to ship is decided when
     * releasing, not by a test that depends on the day the build runs.
     */
    @Test
    void ageIsCountedFromTheDataDateOnAFixedClock() {
        java.time.Instant dataDay = REF.lastUpdated().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        assertThat(REF.ageInDays(Clock.fixed(dataDay, java.time.ZoneOffset.UTC))).isZero();
        assertThat(REF.ageInDays(Clock.fixed(dataDay.plus(java.time.Duration.ofDays(365)), java.time.ZoneOffset.UTC)))
                .isEqualTo(365);
    }

    @Test
    void everyBuildHasItsKbAndDateAndVersionsAscendPerMajor() {
        for (int major = 13; major <= 17; major++) {
            List<KnownBuild> builds = REF.builds(major);
            assertThat(builds).as("builds of %d", major).isNotEmpty();
            assertThat(builds.getFirst().kind()).isEqualTo(BuildKind.RTM);
            for (int i = 0; i < builds.size(); i++) {
                KnownBuild b = builds.get(i);
                assertThat(b.version().major()).isEqualTo(major);
                assertThat(b.releaseDate()).isBefore(REF.lastUpdated().plusDays(1));
                if (b.kind() != BuildKind.RTM) {
                    assertThat(b.kb()).as("KB of %s", b.version()).isPresent();
                }
                if (i > 0) {
                    assertThat(b.version()).isGreaterThan(builds.get(i - 1).version());
                }
            }
        }
    }

    @Test
    void minimumsReferenceKnownBuilds() {
        assertThat(REF.minimums()).isNotEmpty().allSatisfy(m -> {
            assertThat(REF.find(m.build())).as("minimum %s", m.build()).isPresent();
            m.prerequisite().ifPresent(p -> assertThat(REF.find(p)).as("prerequisite %s", p).isPresent());
            assertThat(m.source()).startsWith("https://learn.microsoft.com/");
        });
    }

    @ParameterizedTest
    @CsvSource({
        "13, SQL_TO_MI, CREATE_LINK, 13.0.7000.253, 13.0.6300.2",
        "14, SQL_TO_MI, CREATE_LINK, 14.0.3490.10, 14.0.3456.2",
        "15, SQL_TO_MI, CREATE_LINK, 15.0.4312.2, ",
        "16, SQL_TO_MI, CREATE_LINK, 16.0.1000.6, ",
        "16, MI_TO_SQL, CREATE_LINK, 16.0.4095.4, ",
        "16, SQL_TO_MI, TSQL_FAILOVER, 16.0.4125.3, ",
        "16, MI_TO_SQL, TSQL_FAILOVER, 16.0.4125.3, ",
        "17, SQL_TO_MI, CREATE_LINK, 17.0.1000.7, ",
        "17, MI_TO_SQL, CREATE_LINK, 17.0.1000.7, "
    })
    void minimumsMatchTheSpec(int major, Direction direction, LinkPurpose purpose, String build, String prerequisite) {
        for (Edition edition : List.of(Edition.ENTERPRISE, Edition.STANDARD, Edition.DEVELOPER)) {
            LinkMinimum m = REF.minimum(major, direction, edition, purpose).orElseThrow();
            assertThat(m.build()).isEqualTo(SqlVersion.parse(build));
            assertThat(m.prerequisite().map(SqlVersion::toString).orElse(null)).isEqualTo(prerequisite);
        }
    }

    @Test
    void oneWayVersionsHaveNoMinimumFromTheManagedInstance() {
        for (int major : new int[] {13, 14, 15}) {
            assertThat(REF.minimum(major, Direction.MI_TO_SQL, Edition.ENTERPRISE, LinkPurpose.CREATE_LINK)).isEmpty();
            assertThat(REF.supportsLink(major)).isTrue();
        }
        assertThat(REF.supportsLink(12)).isFalse();
    }

    @Test
    void sql2019KeepsItsMinimumHistory() {
        LinkMinimum m = REF.minimum(15, Direction.SQL_TO_MI, Edition.STANDARD, LinkPurpose.CREATE_LINK).orElseThrow();
        assertThat(String.join(" ", m.history())).contains("15.0.4198.2", "15.0.4249.2");
    }

    @Test
    void retiredBuildsAreMarked() {
        assertThat(REF.find(SqlVersion.parse("15.0.4063.15")).orElseThrow().retired()).isTrue();
        assertThat(REF.find(SqlVersion.parse("16.0.4235.2")).orElseThrow().retired()).isTrue();
        assertThat(REF.find(SqlVersion.parse("16.0.4236.2")).orElseThrow().retired()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "13, SP3 (13.0.6300.2)",
        "14, CU31 (14.0.3456.2)",
        "15, CU32 (15.0.4430.1)",
        "16, CU26 (16.0.4265.3)",
        "17, CU6 (17.0.4055.5)"
    })
    void latestCumulativeUpdatePerMajor(int major, String label) {
        assertThat(REF.latestCumulativeUpdate(major).orElseThrow().label()).isEqualTo(label);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "15.0.4261.1  | SQL Server 2019 CU18 (15.0.4261.1)",
        "15.0.4280.7  | SQL Server 2019 CU18 + GDR (15.0.4280.7)",
        "15.0.4063.15 | SQL Server 2019 CU7 (15.0.4063.15, retired by Microsoft)",
        "15.0.4270.0  | SQL Server 2019, build 15.0.4270.0 (between CU18 and CU19)",
        "15.0.4312.1  | SQL Server 2019, build 15.0.4312.1 (between CU19 and CU20)",
        "15.0.4470.1  | SQL Server 2019, build 15.0.4470.1 (newer than the latest known CU32 (15.0.4430.1); the"
                + " reference data may be stale)",
        "15.0.1900.47 | SQL Server 2019, build 15.0.1900.47 (older than RTM (15.0.2000.5): a pre-release build)",
        "13.0.6404.1  | SQL Server 2016, build 13.0.6404.1 (between SP3 and SP3 Azure Connect pack)",
        "12.0.6024.0  | SQL Server 2014, build 12.0.6024.0",
        "18.0.100.1   | SQL Server major version 18, build 18.0.100.1 (not in the reference data; it may be stale)"
    })
    void describesKnownAndUnknownBuilds(String version, String expected) {
        assertThat(REF.describe(SqlVersion.parse(version))).isEqualTo(expected);
    }

    @Test
    void stalenessNoteUsesTheClock() {
        Clock nov13 = Clock.fixed(Instant.parse("2026-11-13T10:00:00Z"), ZoneOffset.UTC);
        Clock aug01 = Clock.fixed(Instant.parse("2026-08-01T10:00:00Z"), ZoneOffset.UTC);
        assertThat(REF.lastUpdated()).hasToString("2026-07-16");
        assertThat(REF.stalenessNote(nov13)).contains(
                "Build reference data is 120 days old (2026-07-16); update milink or pass --build-reference FILE.");
        assertThat(REF.isStale(nov13, BuildReference.STALE_AFTER)).isTrue();
        assertThat(REF.stalenessNote(aug01)).isEmpty();
        assertThat(REF.isStale(aug01, BuildReference.STALE_AFTER)).isFalse();
    }
}
