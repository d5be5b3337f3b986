// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.sandbox.link.LinkSide.Role;
import dev.milink.sandbox.link.LinkSimulation.Seeding;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The simulation's rules on their own, step by step (the end-to-end tests drive it through both clients). */
class LinkSimulationTest {
    private static final long SIZE = 100L * 1024 * 1024;

    private static LinkSimulation declared() {
        LinkSimulation sim = new LinkSimulation();
        sim.sqlCreated(new LinkSide.Sql("DAG", "AG", "AG_MI", "TCP://10.0.0.4:5022", "tcp://mi:5022", List.of("Db"),
                Map.of("db", SIZE), Role.PRIMARY, false));
        sim.miCreated(new LinkSide.Mi("DAG", "AG_MI", "AG", "TCP://10.0.0.4:5022", List.of("Db"), Role.SECONDARY,
                "Manual"));
        return sim;
    }

    private static LinkState.DatabaseState db(LinkSimulation sim) {
        return sim.link("DAG").orElseThrow().database("Db");
    }

    @Test
    void seedingTakesSeedingStepsAndMovesInEqualParts() {
        LinkSimulation sim = declared();
        sim.advance(1);
        assertThat(sim.link("DAG").orElseThrow().connected()).isTrue();
        assertThat(db(sim).seeding()).isEqualTo(Seeding.SEEDING);
        assertThat(db(sim).transferredBytes()).isZero();
        sim.advance(2);
        assertThat(db(sim).transferredBytes()).isEqualTo(SIZE * 2 / 5);
        sim.advance(3);
        assertThat(db(sim).seeding()).isEqualTo(Seeding.COMPLETED);
        assertThat(db(sim).transferredBytes()).isEqualTo(SIZE);
        assertThat(db(sim).seedingEnd()).isEqualTo(sim.settings().start().plusSeconds(60));
    }

    @Test
    void asynchronousSecondaryLagsOneStepSynchronousAndStoppedWorkloadCatchUp() {
        LinkSimulation sim = declared();
        sim.advance(7);
        long primary = db(sim).sqlLsn();
        assertThat(db(sim).miLsn()).isLessThan(primary);
        assertThat(db(sim).logSendQueueKb()).isEqualTo(480);
        sim.sqlCommitMode("DAG", true);
        sim.advance(1);
        assertThat(db(sim).miLsn()).isEqualTo(db(sim).sqlLsn()).isGreaterThan(primary);
        sim.sqlCommitMode("DAG", false);
        sim.setWorkload(false);
        sim.advance(1);
        long still = db(sim).sqlLsn();
        sim.advance(2);
        assertThat(db(sim).sqlLsn()).isEqualTo(still);
        assertThat(db(sim).miLsn()).isEqualTo(still);
    }

    @Test
    void scheduledLogBackupFiresOnceHalfwayAndTheSeedingFails() {
        LinkSimulation sim = declared();
        sim.setScheduledLogBackups(Set.of("DB"));
        sim.advance(3);
        assertThat(sim.drainScheduledBackupsTaken()).isEmpty();
        sim.advance(1);
        assertThat(db(sim).seeding()).isEqualTo(Seeding.SEEDING);
        assertThat(sim.drainScheduledBackupsTaken()).containsExactly("Db");
        assertThat(sim.drainScheduledBackupsTaken()).isEmpty();
        sim.advance(5);
        assertThat(db(sim).seeding()).isEqualTo(Seeding.FAILED);
        assertThat(db(sim).errorNumber()).isEqualTo(1412);
        assertThat(LinkState.message(1412)).contains("log was truncated");
    }

    @Test
    void mismatchedNamesOrCertificatesNeverConnect() {
        LinkSimulation sim = new LinkSimulation();
        sim.sqlCreated(new LinkSide.Sql("DAG", "AG", "Other_MI", "u", "u", List.of("Db"), Map.of(), Role.PRIMARY,
                false));
        sim.miCreated(new LinkSide.Mi("DAG", "AG_MI", "AG", "TCP://h:5022", List.of("Db"), Role.SECONDARY, "Manual"));
        sim.advance(2);
        assertThat(sim.link("DAG").orElseThrow().lastConnectError()).isEqualTo(41976);
        sim.advance(sim.settings().connectTimeoutSteps());
        assertThat(sim.link("DAG").orElseThrow().initError()).isEqualTo(41976);

        LinkSimulation certs = declared();
        certs.reportSqlCertificates("0xAA", Set.of("AA", "BB"));
        certs.reportMiCertificates("BB", Set.of("CC"));
        certs.advance(1);
        assertThat(certs.link("DAG").orElseThrow().lastConnectError()).isEqualTo(41973);
        certs.reportMiCertificates("DD", Set.of("aa"));
        certs.advance(1);
        assertThat(certs.link("DAG").orElseThrow().lastConnectError()).isEqualTo(41974);
        certs.reportSqlCertificates("AA", Set.of("AA", "DD"));
        certs.advance(1);
        assertThat(certs.link("DAG").orElseThrow().connected()).isTrue();
    }

    @Test
    void firstMiBackupComesStepsAfterTheMiBecomesPrimary() {
        LinkSimulation sim = declared();
        sim.advance(6);
        assertThat(sim.miFailover("DAG", false).ok()).isTrue();
        assertThat(db(sim).miHasFullBackup()).isFalse();
        sim.advance(sim.settings().firstMiBackupAfterSteps());
        assertThat(db(sim).miHasFullBackup()).isTrue();
        assertThat(db(sim).miFirstFullBackupLsn()).isGreaterThan(0);
    }

    @Test
    void roleChangesRefusedWhereTheRealServicesRefuseThem() {
        LinkSimulation sim = declared();
        sim.advance(2);
        assertThat(sim.miFailover("DAG", false).armCode()).isEqualTo("DistributedAvailabilityGroupFailoverNotAllowed");
        assertThat(sim.sqlFailover("DAG").sqlError()).isEqualTo(41142);
        assertThat(sim.sqlForceFailover("DAG").sqlError()).isEqualTo(41122);
        assertThat(sim.miSetRole("DAG", Role.SECONDARY, false).armCode())
                .isEqualTo("DistributedAvailabilityGroupSetRoleInstanceAlreadyInRequestedRole");
        assertThat(sim.miSetRole("DAG", Role.PRIMARY, false).armCode())
                .isEqualTo("DistributedAvailabilityGroupSetRolePrimaryPlannedNotSupported");
        assertThat(sim.sqlFailover("NoSuchDag").sqlError()).isEqualTo(15151);
    }
}
