// SPDX-License-Identifier: Apache-2.0
package dev.milink.report.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Area;
import dev.milink.core.check.Check;
import dev.milink.core.catalog.CheckCatalog;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Scope;
import dev.milink.core.check.Severity;
import dev.milink.core.model.Direction;
import dev.milink.core.model.Facts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed check pages in {@code docs/checks/} match the catalog. When a check is added or its metadata
 * changes, regenerate them with {@code ./mvnw -q -o -pl milink-report test -Dmilink.docs.update=true} (install
 * milink-core first if it changed: {@code ./mvnw -q -o install -DskipTests -pl milink-core}).
 */
class CheckDocsTest {

    static final String UPDATE_PROPERTY = "milink.docs.update";
    private static final String HOW = "Regenerate with: ./mvnw -q -o install -DskipTests -pl milink-core && "
            + "./mvnw -q -o -pl milink-report test -D" + UPDATE_PROPERTY + "=true";

    private static Path docsDir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("../docs/checks").normalize();
    }

    @Test
    void committedPagesMatchTheCatalog() throws IOException {
        CheckCatalog catalog = CheckCatalog.standard();
        Path dir = docsDir();
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            CheckDocs.write(catalog, dir);
        }
        Map<String, String> expected = CheckDocs.render(catalog);
        Set<String> present = new TreeSet<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).forEach(present::add);
            }
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            if (!present.contains(e.getKey())) {
                problems.add("missing: docs/checks/" + e.getKey());
            } else if (!Files.readString(dir.resolve(e.getKey()), StandardCharsets.UTF_8).equals(e.getValue())) {
                problems.add("differs: docs/checks/" + e.getKey());
            }
        }
        present.stream().filter(n -> !expected.containsKey(n)).forEach(n -> problems.add("extra: docs/checks/" + n));
        assertThat(problems).as("docs/checks is out of date with the check metadata. " + HOW).isEmpty();
    }

    @Test
    void pageShowsTheMetadataAndLinksOtherChecks() {
        Map<String, String> pages = CheckDocs.render(CheckCatalog.of(List.of(
                new Fake(meta("MIL-T1", "Recovery model is FULL", Scope.DATABASE, Severity.BLOCKER,
                        Set.of(Direction.SQL_TO_MI), "Reads sys.databases. See MIL-T2 | and MIL-ZZ.", List.of("MIL-OLD"))),
                new Fake(meta("MIL-T2", "Trace flag 9567 is a startup parameter", Scope.INSTANCE, Severity.WARNING,
                        Set.of(Direction.values()), "", List.of())))));

        assertThat(pages).containsOnlyKeys("README.md", "MIL-T1.md", "MIL-T2.md", "MIL-OLD.md");
        String t1 = pages.get("MIL-T1.md");
        assertThat(t1).contains("# MIL-T1: Recovery model is FULL")
                .contains("| **Directions** | SQL Server → MI only (SKIPPED for MI → SQL Server) |")
                .contains("For each selected database")
                .contains("**PASS** when the requirement holds (recovery model is FULL).")
                .contains("See [MIL-T2](MIL-T2.md) | and MIL-ZZ.")
                .contains("| **Former ids** | MIL-OLD |")
                .contains("<https://learn.microsoft.com/x>")
                .contains("row T1");
        assertThat(pages.get("MIL-T2.md")).contains("Not documented yet.").contains("**WARN**")
                .contains("both (SQL Server → MI and MI → SQL Server)");
        assertThat(pages.get("MIL-OLD.md")).contains("former id of [MIL-T1](MIL-T1.md)");
        assertThat(pages.get("README.md")).contains("2 checks")
                .contains("| [MIL-T1](MIL-T1.md) | Recovery model is FULL | blocker | database | SQL Server → MI | no |")
                .contains("| MIL-OLD | [MIL-T1](MIL-T1.md) |")
                .containsSubsequence("## Instance configuration", "## Databases");
    }

    @Test
    void writeRemovesStalePages(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("MIL-GONE.md"), "old");
        Files.writeString(dir.resolve("keep.txt"), "not a page");
        CheckDocs.write(CheckCatalog.of(List.of()), dir);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("README.md", "keep.txt");
        }
    }

    private static CheckMetadata meta(String id, String title, Scope scope, Severity severity, Set<Direction> dirs,
                                      String rationale, List<String> aliases) {
        Area area = scope == Scope.DATABASE ? Area.DATABASE : Area.INSTANCE;
        return new CheckMetadata(id, title, area, scope, severity, dirs, rationale, "https://learn.microsoft.com/x",
                List.of(id.substring(4)), "0.1.0", false, aliases);
    }

    private record Fake(CheckMetadata metadata) implements Check {
        @Override
        public List<Finding> evaluate(Facts facts, CheckContext context) {
            return List.of();
        }
    }
}
