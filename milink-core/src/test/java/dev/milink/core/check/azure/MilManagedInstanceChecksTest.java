// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure;

import static dev.milink.core.check.azure.support.AzureFixture.one;
import static dev.milink.core.check.azure.support.AzureFixture.scripts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Status;
import dev.milink.core.model.DatabaseFacts.Files;
import dev.milink.core.model.DatabaseFacts.Filegroup;
import dev.milink.core.model.Direction;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ManagedInstanceFacts.MiDatabase;
import dev.milink.core.model.ServerFacts.Identity;
import dev.milink.core.testing.TestFacts;
import dev.milink.core.testing.TestMi;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MilManagedInstanceChecksTest {

    private static TestFacts mi(TestMi end) {
        return TestFacts.linked().mi(end);
    }

    private static List<MiDatabase> databases(int n) {
        return IntStream.range(0, n).mapToObj(i -> new MiDatabase("db" + i, "Online")).toList();
    }

    @Test
    void everyCheckPassesOrNotesOnTheReadyLink() {
        for (var check : AzureChecks.ALL) {
            Finding f = one(check, TestFacts.linked());
            assertThat(f.status()).as(check.metadata().id() + ": " + f.message()).isIn(Status.PASS, Status.INFO);
        }
    }

    @Test
    void stateReadyPassesStoppedFailsWithStartCommandsOthersWait() {
        assertThat(one(new ManagedInstanceStateCheck(), TestFacts.linked()).status()).isEqualTo(Status.PASS);
        Finding stopped = one(new ManagedInstanceStateCheck(), mi(TestMi.ready().instance("state", "Stopped")));
        assertThat(stopped.status()).isEqualTo(Status.FAIL);
        assertThat(scripts(stopped, ScriptKind.AZURE_CLI)).isEqualTo("az sql mi start --resource-group 'rg-link' "
                + "--mi 'contoso-mi'\n");
        assertThat(scripts(stopped, ScriptKind.AZURE_POWERSHELL)).contains("Start-AzSqlInstance");
        assertThat(stopped.remediation().steps()).allSatisfy(s -> assertThat(s.appliable()).isFalse());
        Finding starting = one(new ManagedInstanceStateCheck(), mi(TestMi.ready().instance("state", "Starting")));
        assertThat(starting.status()).isEqualTo(Status.FAIL);
        assertThat(starting.message()).contains("Starting", "wait");
        assertThat(one(new ManagedInstanceStateCheck(), mi(TestMi.ready().set("instance",
                Fact.unknown("403 AuthorizationFailed: Microsoft.Sql/managedInstances/read")))).message())
                .contains("could not be read", "managedInstances/read");
    }

    @Test
    void inMemoryOltpNeedsBusinessCritical() {
        TestFacts inMemory = TestFacts.linked().database("Sales", d -> TestFacts.with(d, "filegroups",
                Fact.of(List.of(new Filegroup(1, "PRIMARY", "FG"), new Filegroup(2, "IMOLTP", "FX")))));
        Finding gp = one(new ServiceTierCheck(), inMemory);
        assertThat(gp.status()).isEqualTo(Status.FAIL);
        assertThat(gp.message()).contains("General Purpose", "'Sales'", "In-Memory OLTP");
        Finding bc = one(new ServiceTierCheck(), inMemory.mi(TestMi.ready().instance("skuName", "BC_Gen5")
                .instance("skuTier", "BusinessCritical")));
        assertThat(bc.status()).isEqualTo(Status.PASS);
        Finding nextGen = one(new ServiceTierCheck(), mi(TestMi.ready().instance("generalPurposeV2", true)));
        assertThat(nextGen.message()).contains("Next-gen General Purpose");
        Finding fromMi = one(new ServiceTierCheck(), inMemory.direction(Direction.MI_TO_SQL));
        assertThat(fromMi.status()).isEqualTo(Status.PASS);
        assertThat(one(new ServiceTierCheck(), mi(TestMi.ready().instance("skuName", "XX").instance("skuTier",
                "Hyperscale"))).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void databaseCountLimitIs100Or500OnNextGen() {
        Finding full = one(new DatabaseCountCheck(), mi(TestMi.ready().set("databases", Fact.of(databases(100)))));
        assertThat(full.status()).isEqualTo(Status.FAIL);
        assertThat(full.evidence().observed()).contains("100 on the managed instance + 1 to replicate = 101");
        Finding nextGen = one(new DatabaseCountCheck(), mi(TestMi.ready().set("databases", Fact.of(databases(100)))
                .instance("generalPurposeV2", true)));
        assertThat(nextGen.status()).isEqualTo(Status.PASS);
        assertThat(nextGen.message()).contains("101 of 500");
        List<MiDatabase> with99AndSystem = new java.util.ArrayList<>(databases(99));
        with99AndSystem.add(new MiDatabase("master", "Online"));
        assertThat(one(new DatabaseCountCheck(), mi(TestMi.ready().set("databases", Fact.of(with99AndSystem))))
                .status()).isEqualTo(Status.PASS);
        assertThat(one(new DatabaseCountCheck(), mi(TestMi.ready().set("databases", Fact.unknown("403"))))
                .status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void storageHeadroomAgainstTheDatabaseSizes() {
        TestFacts big = TestFacts.linked().database("Sales", d -> TestFacts.with(d, "files",
                Fact.of(new Files(1, 1, 0, 240 * 1024, 10 * 1024))));
        Finding f = one(new StorageHeadroomCheck(), big);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("250.0 GB", "246.0 GB free");
        assertThat(one(new StorageHeadroomCheck(), TestFacts.linked()).status()).isEqualTo(Status.PASS);
        Finding usedUnknown = one(new StorageHeadroomCheck(), TestFacts.linked().mi(TestMi.ready()
                .instance("storageUsedGb", null)));
        assertThat(usedUnknown.status()).isEqualTo(Status.UNKNOWN);
        Finding tooBigForTheReservation = one(new StorageHeadroomCheck(), big.mi(TestMi.ready()
                .instance("storageUsedGb", null).instance("storageSizeInGb", 32)));
        assertThat(tooBigForTheReservation.status()).as(tooBigForTheReservation.message()).isEqualTo(Status.FAIL);
        Finding unsized = one(new StorageHeadroomCheck(), TestFacts.linked().database("Sales",
                d -> TestFacts.with(d, "files", Fact.unknown("offline"))));
        assertThat(unsized.status()).isEqualTo(Status.UNKNOWN);
        assertThat(unsized.message()).contains("Sales");
        // only the databases the link carries count
        Finding other = one(new StorageHeadroomCheck(), TestFacts.linked().database("Sales", d -> TestFacts.with(d,
                "files", Fact.of(new Files(1, 1, 0, 240 * 1024, 10 * 1024))))
                .addDatabase(TestFacts.readyDatabase(6, "Small")).linkDatabases("small"));
        assertThat(other.status()).isEqualTo(Status.PASS);
    }

    @Test
    void collationMustMatchIgnoringCase() {
        assertThat(one(new CollationCheck(), mi(TestMi.ready().instance("collation",
                "sql_latin1_general_cp1_ci_as"))).status()).isEqualTo(Status.PASS);
        Finding f = one(new CollationCheck(), mi(TestMi.ready().instance("collation", "Latin1_General_100_CS_AS")));
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("SQL_Latin1_General_CP1_CI_AS", "Latin1_General_100_CS_AS");
        assertThat(one(new CollationCheck(), TestFacts.linked().identity(Fact.unknown("denied"))).status())
                .isEqualTo(Status.UNKNOWN);
        assertThat(one(new CollationCheck(), TestFacts.linked().identity(Fact.of(new Identity("SQL01", "SQL01",
                null, null, false)))).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void aFailoverGroupBlocksTheLink() {
        Finding f = one(new FailoverGroupCheck(), mi(TestMi.ready().set("failoverGroups",
                Fact.of(List.of("fog-contoso")))));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("fog-contoso");
        assertThat(one(new FailoverGroupCheck(), mi(TestMi.ready().set("failoverGroups", Fact.unknown("403"))))
                .status()).isEqualTo(Status.UNKNOWN);
    }
}
