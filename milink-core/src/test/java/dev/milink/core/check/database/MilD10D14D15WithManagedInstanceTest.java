// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import static dev.milink.core.check.database.DbFixture.scripts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.model.DatabaseFacts.Encryption;
import dev.milink.core.model.Direction;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ManagedInstanceFacts.DistributedAvailabilityGroup;
import dev.milink.core.model.ManagedInstanceFacts.MiDatabase;
import dev.milink.core.model.ServerFacts.HostInfo;
import dev.milink.core.testing.TestFacts;
import dev.milink.core.testing.TestMi;
import java.util.List;
import org.junit.jupiter.api.Test;

/** D10, D14 and D15 when the managed-instance end was read. */
class MilD10D14D15WithManagedInstanceTest {

    private static final NameFreeOnManagedInstanceCheck D10 = new NameFreeOnManagedInstanceCheck();
    private static final TdeFromManagedInstanceCheck D15 = new TdeFromManagedInstanceCheck();

    private static Finding d10(TestMi mi, String db) {
        TestFacts f = TestFacts.linked().mi(mi);
        if (!db.equals("Sales")) {
            f.addDatabase(TestFacts.readyDatabase(6, db));
        }
        return DbFixture.run(D10, f, db, DbFixture.CONTEXT);
    }

    @Test
    void d10PassesWhenTheNameIsFreeAndFailsWhenTakenWhateverTheCase() {
        assertThat(d10(TestMi.ready(), "Sales").status()).isEqualTo(Status.PASS);
        Finding taken = d10(TestMi.ready().set("databases", Fact.of(List.of(new MiDatabase("SALES", "Online")))),
                "Sales");
        assertThat(taken.status()).isEqualTo(Status.FAIL);
        assertThat(taken.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(taken.message()).contains("'SALES'", "RemoteDatabaseExists");
    }

    @Test
    void d10NamesTheLinkThatAlreadyCarriesTheDatabase() {
        Finding f = d10(TestMi.ready().set("databases", Fact.of(List.of(new MiDatabase("Sales", "Restoring"))))
                .set("links", Fact.of(List.of(new DistributedAvailabilityGroup("DAG_Sales", "AG_Sales", "AG_Sales_MI",
                        "TCP://10.1.0.4:5022", "Secondary", "Async", List.of("Sales"))))), "Sales");
        assertThat(f.message()).contains("link 'DAG_Sales'");
    }

    @Test
    void d10ReservedNamesFailAndAnUnreadableListIsUnknown() {
        assertThat(d10(TestMi.ready(), "Model").message()).contains("CannotUseReservedDatabaseName");
        Finding unknown = d10(TestMi.ready().set("databases", Fact.unknown("403 AuthorizationFailed")), "Sales");
        assertThat(unknown.status()).isEqualTo(Status.UNKNOWN);
        assertThat(unknown.message()).contains("403 AuthorizationFailed");
    }

    private static Finding d15(TestMi mi, TestFacts base) {
        return DbFixture.run(D15, base.direction(Direction.MI_TO_SQL).mi(mi), "Sales", DbFixture.CONTEXT);
    }

    @Test
    void d15ServiceManagedTdeBlocksALinkToSqlServer() {
        Finding f = d15(TestMi.ready().set("encryptionProtector", Fact.of("ServiceManaged")), TestFacts.linked());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("service-managed");
        assertThat(scripts(f, ScriptKind.MANUAL)).contains("customer-managed key");
    }

    @Test
    void d15CustomerManagedKeyPassesExceptOnLinuxBefore2022Cu14() {
        assertThat(d15(TestMi.ready(), TestFacts.linked()).status()).isEqualTo(Status.PASS);
        TestFacts linuxCu13 = TestFacts.linked().version("16.0.4125.3", "Enterprise Edition (64-bit)", 3)
                .host(Fact.of(new HostInfo("Linux", "Ubuntu", "22.04", null)));
        Finding f = d15(TestMi.ready(), linuxCu13);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("16.0.4125.3", "CU14");
        assertThat(d15(TestMi.ready().set("encryptionProtector", Fact.unknown("403")), TestFacts.linked()).status())
                .isEqualTo(Status.UNKNOWN);
    }

    @Test
    void d14WithTheMiEndSaysArmCannotListTdeCertificatesAndAddsTheQuery() {
        String thumb = "A1B2C3D4E5F60718293A4B5C6D7E8F9012345678";
        TestFacts f = TestFacts.linked().database("Sales", d -> TestFacts.with(d, "encryption",
                Fact.of(new Encryption(3, "CERTIFICATE", thumb)))).certificates(Fact.of(List.of(
                new dev.milink.core.model.ServerFacts.Certificate("TDECert", 300, "TDE", "TDE", TestFacts.NOW,
                        TestFacts.NOW.plusSeconds(86_400), "MK", thumb))));
        Finding finding = DbFixture.run(new TdeCertificateCheck(), f, "Sales", DbFixture.CONTEXT);
        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.message()).contains("does not list", "0x" + thumb);
        assertThat(scripts(finding, ScriptKind.MANUAL)).contains("WHERE thumbprint = 0x" + thumb);
        // the one appliable step is milink's own upload through ARM (the PFX built at apply time)
        assertThat(finding.remediation().steps()).filteredOn(s -> s.appliable()).singleElement()
                .satisfies(s -> assertThat(s.script(ScriptKind.ARM_REQUEST)).isPresent());
    }
}
