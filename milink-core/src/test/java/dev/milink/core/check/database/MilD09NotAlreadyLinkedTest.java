// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ServerFacts.AvailabilityGroup;
import dev.milink.core.testing.TestFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

class MilD09NotAlreadyLinkedTest {

    private final NotAlreadyLinkedCheck check = new NotAlreadyLinkedCheck();

    private Finding with(Fact<List<AvailabilityGroup>> groups) {
        return DbFixture.run(check, TestFacts.ready().availabilityGroups(groups), "Sales", DbFixture.CONTEXT);
    }

    @Test
    void noDistributedGroupPassesAndSaysTheManagedInstanceIsNotRead() {
        Finding f = with(Fact.of(List.of(new AvailabilityGroup("AG1", false, "WSFC", List.of("Sales")))));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.message()).contains("not read");
    }

    @Test
    void existingDagIsReportedAsInformation() {
        Finding f = with(Fact.of(List.of(new AvailabilityGroup("DAG_Sales", true, "NONE", List.of("Sales")))));
        assertThat(f.status()).isEqualTo(Status.INFO);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.isBlocking()).isFalse();
        assertThat(f.message()).contains("[DAG_Sales]", "own DAG name");
    }

    @Test
    void unreadableGroupsAreUnknown() {
        Finding f = with(Fact.unknown("denied"));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.message()).contains("denied");
    }
}
