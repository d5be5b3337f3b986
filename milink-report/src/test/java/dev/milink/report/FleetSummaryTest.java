// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.check.Area;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.check.Target;
import dev.milink.core.model.Direction;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fleet summary: counts per verdict and blockers ranked by how many instances they hit. */
class FleetSummaryTest {

    private static Finding f(String id, Status status, Severity severity, String instance) {
        return new Finding(id, id + " title", Area.INSTANCE, status, severity, Target.instance(instance), "m",
                Evidence.NONE, null);
    }

    @Test
    void countsEachInstanceOnceAndRanksBlockersByReach() {
        AssessmentReport report = new AssessmentReport("t", Instant.parse("2026-12-01T00:00:00Z"),
                Direction.SQL_TO_MI, List.of("a", "b", "c", "d"), List.of(
                        f("MIL-I3", Status.FAIL, Severity.BLOCKER, "a"),
                        f("MIL-D6", Status.FAIL, Severity.BLOCKER, "a"),
                        f("MIL-I3", Status.FAIL, Severity.BLOCKER, "b"),
                        f("MIL-I3", Status.FAIL, Severity.BLOCKER, "b"),
                        f("MIL-I14", Status.WARN, Severity.WARNING, "c"),
                        f("MIL-I2", Status.UNKNOWN, Severity.BLOCKER, "d"),
                        f("MIL-M1", Status.SKIPPED, Severity.BLOCKER, "the managed instance")), List.of());
        Map<String, String> down = new LinkedHashMap<>();
        down.put("e", "Cannot reach SQL Server at e:1433 [SQL_UNREACHABLE]");
        FleetSummary s = FleetSummary.of(report, down);
        assertThat(s.total()).isEqualTo(5);
        assertThat(s.ready()).containsExactly("c");
        assertThat(s.notReady()).containsExactly("a", "b");
        assertThat(s.incomplete()).containsExactly("d");
        assertThat(s.blockers()).extracting(FleetSummary.Blocker::checkId).containsExactly("MIL-I3", "MIL-D6");
        assertThat(s.blockers().getFirst().instances()).containsExactly("a", "b");
        assertThat(s.text()).isEqualTo("""
                Fleet: 5 instances: 1 ready, 2 not ready, 2 could not be assessed
                Blockers, by instances affected:
                  2  MIL-I3  MIL-I3 title
                  1  MIL-D6  MIL-D6 title
                Could not be assessed:
                  e: Cannot reach SQL Server at e:1433 [SQL_UNREACHABLE]
                  d: a blocker could not be checked (UNKNOWN) or a check failed (ERROR); see below

                """);
    }
}
