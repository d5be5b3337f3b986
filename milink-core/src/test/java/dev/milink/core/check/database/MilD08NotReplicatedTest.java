// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import static dev.milink.core.check.database.DbFixture.assertManualFix;
import static dev.milink.core.check.database.DbFixture.run;
import static dev.milink.core.check.database.DbFixture.set;
import static dev.milink.core.check.database.DbFixture.unreadable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ServerFacts.AvailabilityGroup;
import dev.milink.core.testing.TestFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

class MilD08NotReplicatedTest {

    private final NotReplicatedCheck check = new NotReplicatedCheck();

    private Finding inGroups(List<AvailabilityGroup> groups) {
        return DbFixture.run(check, TestFacts.ready().availabilityGroups(Fact.of(groups))
                .database("Sales", d -> set(d, "inAvailabilityGroup", true)), "Sales", DbFixture.CONTEXT);
    }

    @Test
    void mirroredDatabaseFailsWithPartnerOffNeverApplied() {
        Finding f = run(check, d -> set(d, "mirrored", Fact.of(true)));
        assertManualFix(f, "'Sales' is mirrored", "ALTER DATABASE [Sales] SET PARTNER OFF;");
    }

    @Test
    void unreadableMirroringIsUnknown() {
        unreadable(check, "mirrored", "no VIEW ANY DEFINITION", "mirroring state", "no VIEW ANY DEFINITION");
    }

    @Test
    void onlyDatabaseOfAnAgCanBeLinkedThroughThatAg() {
        Finding f = inGroups(List.of(new AvailabilityGroup("AG1", false, "WSFC", List.of("Sales"))));
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("only database of availability group 'AG1'", "MIL-I17", "listener IP");
    }

    @Test
    void sharedAgFailsWithRemoveDatabaseScript() {
        Finding f = inGroups(List.of(new AvailabilityGroup("AG]1", false, "WSFC", List.of("Sales", "HR", "Ops")),
                new AvailabilityGroup("DAG1", true, "NONE", List.of())));
        assertManualFix(f, "'AG]1' together with 2 other database(s)",
                "ALTER AVAILABILITY GROUP [AG]]1] REMOVE DATABASE [Sales];");
    }

    @Test
    void agMembershipWithUnreadableGroupsIsUnknown() {
        Finding f = DbFixture.run(check, TestFacts.ready().availabilityGroups(Fact.unknown("HADR DMVs denied"))
                .database("Sales", d -> set(d, "inAvailabilityGroup", true)), "Sales", DbFixture.CONTEXT);
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.message()).contains("HADR DMVs denied");
    }

    @Test
    void agMembershipNotFoundInTheGroupsIsUnknown() {
        Finding f = inGroups(List.of(new AvailabilityGroup("Other", false, "WSFC", List.of("HR"))));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    }
}
