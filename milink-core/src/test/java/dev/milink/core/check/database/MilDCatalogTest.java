// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import static dev.milink.core.check.database.DbFixture.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.assess.Assessor;
import dev.milink.core.check.Area;
import dev.milink.core.check.Check;
import dev.milink.core.catalog.CheckCatalog;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Scope;
import dev.milink.core.check.Status;
import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.DatabaseFacts.Encryption;
import dev.milink.core.model.DatabaseFacts.Filegroup;
import dev.milink.core.model.DatabaseFacts.Files;
import dev.milink.core.model.DatabaseFacts.Replication;
import dev.milink.core.model.Direction;
import dev.milink.core.model.Fact;
import dev.milink.core.model.Facts;
import dev.milink.core.testing.CheckIds;
import dev.milink.core.testing.TestFacts;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The database catalog as a whole: completeness, metadata, offline consistency, quoting in every script. */
class MilDCatalogTest {

    @Test
    void catalogListsD1ToD23InRowOrder() {
        assertThat(CheckIds.of(DatabaseChecks.ALL)).containsExactlyElementsOf(CheckIds.numbered("MIL-D", 1, 23));
    }

    @Test
    void everyCheckClassInThePackageIsListed() throws IOException, URISyntaxException {
        Path dir = Path.of(UserDatabaseCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/milink/core/check/database");
        List<String> implementations;
        try (Stream<Path> files = java.nio.file.Files.list(dir)) {
            implementations = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> "dev.milink.core.check.database." + n.substring(0, n.length() - 6))
                    .filter(MilDCatalogTest::isCheck).sorted().toList();
        }
        assertThat(implementations).hasSize(23);
        assertThat(DatabaseChecks.ALL).extracting(c -> c.getClass().getName())
                .containsExactlyInAnyOrderElementsOf(implementations);
        assertThat(CheckCatalog.standard().checks()).containsAll(DatabaseChecks.ALL);
    }

    private static boolean isCheck(String className) {
        try {
            Class<?> c = Class.forName(className);
            return Check.class.isAssignableFrom(c) && !java.lang.reflect.Modifier.isAbstract(c.getModifiers());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void metadataIsComplete() {
        for (Check c : DatabaseChecks.ALL) {
            CheckMetadata m = c.metadata();
            assertThat(Modifier.isFinal(c.getClass().getModifiers())).as(m.id()).isTrue();
            assertThat(m.area()).as(m.id()).isEqualTo(Area.DATABASE);
            assertThat(m.scope()).as(m.id()).isEqualTo(Scope.DATABASE);
            assertThat(m.since()).as(m.id()).isEqualTo("0.1.0");
            assertThat(m.specRefs()).as(m.id()).containsExactly(m.id().substring(4));
            assertThat(m.docsUrl()).as(m.id()).startsWith("https://learn.microsoft.com/");
            assertThat(m.rationale()).as(m.id()).hasSizeGreaterThan(150).doesNotContain("  ");
            assertThat(c).as(m.id()).isInstanceOf(Check.DatabaseCheck.class);
        }
    }

    /** Offline database: only sys.databases flags are known, every other fact is unknown. */
    private static DatabaseFacts offline(DatabaseFacts d) {
        Fact<Object> gone = Fact.unknown("database is not accessible");
        for (String c : List.of("acceleratedRecovery", "pvsFilegroupId", "mirrored", "logShippingPrimary", "files",
                "filegroups", "fileTables", "encryption", "backups", "logChainStarted", "logSpaceUsedPercent")) {
            d = set(d, c, gone);
        }
        return set(d, "state", "OFFLINE");
    }

    @Test
    void offlineDatabaseFailsD2AndNeverPassesOnWhatCouldNotBeRead() {
        Facts facts = TestFacts.ready().database("Sales", MilDCatalogTest::offline).build();
        Map<String, Status> statuses = new LinkedHashMap<>();
        for (Finding f : Assessor.of(CheckCatalog.of(DatabaseChecks.ALL))
                .evaluate(facts, DbFixture.CONTEXT, Assessor.DatabaseSelection.ALL_USER)) {
            statuses.put(f.checkId(), f.status());
            if (f.status() == Status.UNKNOWN && List.of("MIL-D7", "MIL-D8", "MIL-D11", "MIL-D12", "MIL-D13",
                    "MIL-D14", "MIL-D16", "MIL-D21", "MIL-D22", "MIL-D23").contains(f.checkId())) {
                assertThat(f.message()).as(f.checkId()).contains("OFFLINE", "MIL-D2");
            }
        }
        assertThat(statuses).containsEntry("MIL-D2", Status.FAIL);
        List.of("MIL-D7", "MIL-D8", "MIL-D11", "MIL-D12", "MIL-D13", "MIL-D14", "MIL-D16", "MIL-D21", "MIL-D22",
                "MIL-D23").forEach(id -> assertThat(statuses).containsEntry(id, Status.UNKNOWN));
        // sys.databases flags stay readable for an offline database and are judged as usual
        List.of("MIL-D1", "MIL-D3", "MIL-D4", "MIL-D5", "MIL-D6", "MIL-D17", "MIL-D18", "MIL-D19")
                .forEach(id -> assertThat(statuses).containsEntry(id, Status.PASS));
    }

    @Test
    void readyDatabaseHasNoFailureAndOnlyD15RunsWhenTheManagedInstanceIsPrimary() {
        Assessor assessor = Assessor.of(CheckCatalog.of(DatabaseChecks.ALL));
        Facts facts = TestFacts.ready().build();
        assertThat(assessor.evaluate(facts, DbFixture.CONTEXT, Assessor.DatabaseSelection.ALL_USER))
                .extracting(Finding::status).doesNotContain(Status.FAIL);
        Facts reverse = facts.withLink(facts.link().withDirection(Direction.MI_TO_SQL));
        assertThat(assessor.evaluate(reverse, DbFixture.CONTEXT, Assessor.DatabaseSelection.ALL_USER))
                .filteredOn(f -> f.status() != Status.SKIPPED).extracting(Finding::checkId)
                .containsExactly("MIL-D15");
    }

    @Test
    void theReadyDatabasePassesTheChecksOfItsOwnState() {
        for (Check.DatabaseCheck check : List.of(new DatabaseOnlineCheck(), new NotReplicatedCheck(),
                new SingleLogFileCheck(), new NoFilestreamCheck(), new InMemoryOltpCheck())) {
            assertThat(DbFixture.run(check, d -> d).status()).as(check.metadata().id()).isEqualTo(Status.PASS);
        }
    }

    /** A database that fails or questions every check, so that every script is generated. */
    private static DatabaseFacts broken(DatabaseFacts d) {
        d = set(d, "state", "OFFLINE");
        d = set(d, "readOnly", true);
        d = set(d, "userAccess", "SINGLE_USER");
        d = set(d, "autoClose", true);
        d = set(d, "recoveryModel", "SIMPLE");
        d = set(d, "brokerEnabled", false);
        d = set(d, "containment", "PARTIAL");
        d = set(d, "mirrored", Fact.of(true));
        d = set(d, "replication", new Replication(true, true, false, false, true));
        d = set(d, "files", Fact.of(new Files(1, 2, 1, 20_000_000L, 1024)));
        d = set(d, "filegroups", Fact.of(List.of(new Filegroup(1, "PRIMARY", "FG"), new Filegroup(2, "D", "FD"),
                new Filegroup(3, "X", "FX"))));
        d = set(d, "encryption",
                Fact.of(new Encryption(3, "CERTIFICATE", "A1B2C3D4E5F60718293A4B5C6D7E8F9012345678")));
        d = set(d, "logSpaceUsedPercent", Fact.of(99.0));
        return set(d, "backups", Fact.of(DatabaseFacts.Backups.NONE));
    }

    @Test
    void namesNeverAppearInCommentsAndAreAlwaysQuoted() {
        String marker = "Zq'x]y Ведомости 販売";
        Facts facts = TestFacts.ready().addDatabase(broken(TestFacts.readyDatabase(6, marker))).build();
        DatabaseFacts db = facts.server().databases().orElse(List.of()).stream()
                .filter(d -> d.name().equals(marker)).findFirst().orElseThrow();
        int scripts = 0;
        for (Check c : DatabaseChecks.ALL) {
            Finding f = ((Check.DatabaseCheck) c).evaluate(db, facts, DbFixture.CONTEXT);
            for (var step : f.remediation().steps()) {
                for (var script : step.scripts()) {
                    scripts++;
                    for (String line : script.text().split("\n")) {
                        String t = line.strip();
                        if (t.startsWith("--") || t.startsWith("#")) {
                            assertThat(t).as(c.metadata().id() + " comment").doesNotContain("Zq");
                        } else if (t.contains("Zq")) {
                            assertThat(t).as(c.metadata().id() + " code")
                                    .containsAnyOf("[Zq'x]]y Ведомости 販売]", "N'Zq''x]y Ведомости 販売'",
                                            "Zq_x_y_Ведомости_販売_20260601000000.");
                        }
                    }
                }
            }
        }
        assertThat(scripts).isGreaterThan(15);
    }
}
