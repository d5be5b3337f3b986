// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.core.model.Direction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inventory files as people really produce them: Excel exports, hand-written YAML, mistakes. */
class InventoryTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void excelExportWithBomSemicolonsQuotesAndLineBreaksInsideCells() throws IOException {
        Path f = write("wave1.csv", "\uFEFFSQL Server;Port;Databases;Direction;Tags;Notes\r\n"
                + "sql01.contoso.local;14330;\"Sales;HR\";sql-to-mi;wave1 emea;\"owner: \"\"Ana\"\"; call first\"\r\n"
                + "SQL02\\PROD;;\"Orders, \"\"big\"\" one\";MI-TO-SQL;wave2;\"two\r\nlines, with ; and ,\"\r\n"
                + ";;;;;\r\n"
                + "sql03;;;;wave1;\r\n");
        Inventory inv = Inventory.load(f);
        assertThat(inv.entries()).extracting(e -> e.target().display())
                .containsExactly("sql01.contoso.local,14330", "SQL02\\PROD", "sql03");
        InventoryEntry first = inv.entries().getFirst();
        assertThat(first.databases()).containsExactly("Sales", "HR");
        assertThat(first.tags()).containsExactlyInAnyOrder("wave1", "emea");
        assertThat(first.direction()).contains(Direction.SQL_TO_MI);
        assertThat(first.origin()).isEqualTo(f + ":2");
        InventoryEntry second = inv.entries().get(1);
        assertThat(second.databases()).containsExactly("Orders", "\"big\" one");
        assertThat(second.direction()).contains(Direction.MI_TO_SQL);
        // the row after the quoted line break starts on line 5 of the file
        assertThat(inv.entries().get(2).origin()).isEqualTo(f + ":6");
    }

    @Test
    void commaSeparatedHeaderNamesInAnyCase() throws IOException {
        Path f = write("fleet.csv", "HOST,DATABASE,TAG,Auth,User,Password-Env\n"
                + "sql01,\"Sales,HR\",prod,sql,milink,SQL01_PASSWORD\n");
        InventoryEntry e = Inventory.load(f).entries().getFirst();
        assertThat(e.databases()).containsExactly("Sales", "HR");
        assertThat(e.credential()).isEqualTo(new CredentialRef("sql", "milink", "SQL01_PASSWORD", null));
    }

    @Test
    void tenThousandRowsWithDuplicatesAreReadOnceEach() throws IOException {
        StringBuilder csv = new StringBuilder("server,tags\n");
        IntStream.range(0, 10_000).forEach(i -> csv.append("sql").append(i % 5_000).append(".corp")
                .append(i % 3 == 0 ? ",1433" : "").append(i >= 5_000 ? "" : "").append(",\"t").append(i % 7)
                .append("\"\n"));
        // rows 5,000-9,999 repeat 0-4,999: as "SQL0.CORP" vs "sql0.corp,1433", the same instance
        String text = csv.toString().replace("sql1.corp", "SQL1.CORP");
        Inventory inv = Inventory.load(write("big.csv", text));
        assertThat(inv.entries()).hasSize(5_000);
        assertThat(inv.duplicates()).hasSize(5_000).first().asString().contains("big.csv:5002", "big.csv:2");
        assertThat(inv.withTags(List.of("T3")).entries()).allMatch(e -> e.tags().contains("t3")).isNotEmpty();
    }

    @Test
    void sameInstanceCaseInsensitiveWithDefaultPortIsOneTarget() throws IOException {
        Inventory inv = Inventory.load(write("d.csv", "server\nsql01\n\"SQL01,1433\"\nsql01:1433\n\"sql01,14330\"\n"
                + "sql01\\A\nsql01\\a\n"));
        assertThat(inv.entries()).extracting(e -> e.target().display())
                .containsExactly("sql01", "sql01,14330", "sql01\\A");
        assertThat(inv.duplicates()).hasSize(3);
    }

    @Test
    void missingHostIsOneLineNamingFileAndLine() throws IOException {
        Path f = write("holes.csv", "server;databases\nsql01;Sales\n;HR\n");
        assertThatThrownBy(() -> Inventory.load(f)).isInstanceOfSatisfying(MilinkException.class, e -> {
            assertThat(e.code()).isEqualTo(CoreError.CONFIG_INVALID);
            assertThat(e.code().exitStatus().code()).isEqualTo(2);
            assertThat(e.getMessage()).startsWith(f + ":3: no SQL Server").doesNotContain("\n");
        });
    }

    @Test
    void anInlinePasswordColumnIsRefused() throws IOException {
        Path f = write("secret.csv", "server,user,Password\nsql01,sa,hunter2\n");
        assertThatThrownBy(() -> Inventory.load(f)).isInstanceOf(MilinkException.class)
                .hasMessageContaining("'Password' would hold a secret").hasMessageContaining("password-env")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void passwordEnvMustBeAVariableNameNotAValue() throws IOException {
        Path f = write("env.csv", "server,password_env\nsql01,p@ss word!\n");
        assertThatThrownBy(() -> Inventory.load(f)).hasMessageContaining(f + ":2: password-env must be the NAME")
                .hasMessageNotContaining("p@ss");
    }

    @Test
    void badAddressNamesTheLine() throws IOException {
        Path f = write("bad.csv", "server\nsql01\nsql02:99999\n");
        assertThatThrownBy(() -> Inventory.load(f)).hasMessageStartingWith(f + ":3: Invalid SQL Server address");
    }

    @Test
    void noServerColumnAndEmptyFileAndOversizeAreRefused() throws IOException {
        assertThatThrownBy(() -> Inventory.load(write("h.csv", "name;db\nx;y\n")))
                .hasMessageContaining("names no 'server' column").hasMessageContaining("';'");
        assertThatThrownBy(() -> Inventory.load(write("e.csv", "\uFEFF"))).hasMessageContaining("is empty");
        Path big = dir.resolve("huge.csv");
        try (var out = Files.newOutputStream(big)) {
            byte[] row = "sql01,x\n".getBytes(StandardCharsets.UTF_8);
            for (long n = 0; n <= Inventory.MAX_BYTES / row.length; n++) {
                out.write(row);
            }
        }
        assertThatThrownBy(() -> Inventory.load(big)).hasMessageContaining("at most 16 MiB");
        Path latin1 = dir.resolve("l.csv");
        Files.write(latin1, "server\nsql01\n# Z\u00fcrich\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Inventory.load(latin1)).hasMessageContaining("not UTF-8");
    }

    @Test
    void yamlWithDefaultsListsAndPlainAddresses() throws IOException {
        Path f = write("fleet.yaml", """
                defaults:
                  direction: mi-to-sql
                  user: milink
                  password-env: MILINK_SQL_PASSWORD
                targets:
                  - server: sql01.contoso.local
                    port: 14330
                    mi: /subscriptions/0000/resourceGroups/rg/providers/Microsoft.Sql/managedInstances/mi1
                    databases: [Sales, HR]
                    tags: [wave1, EMEA]
                  - sql02\\PROD
                  - server: sql01.CONTOSO.local,14330
                """);
        Inventory inv = Inventory.load(f);
        assertThat(inv.entries()).hasSize(2);
        InventoryEntry e = inv.entries().getFirst();
        assertThat(e.target().display()).isEqualTo("sql01.contoso.local,14330");
        assertThat(e.managedInstance()).get().asString().endsWith("managedInstances/mi1");
        assertThat(e.databases()).containsExactly("Sales", "HR");
        assertThat(e.tags()).containsExactlyInAnyOrder("wave1", "emea");
        assertThat(e.direction()).contains(Direction.MI_TO_SQL);
        assertThat(e.credential().passwordEnv()).isEqualTo("MILINK_SQL_PASSWORD");
        assertThat(inv.entries().get(1).origin()).isEqualTo(f + ":11");
        assertThat(inv.duplicates()).singleElement().asString().startsWith(f + ":12");
    }

    @Test
    void yamlMistakesNameTheLine() throws IOException {
        assertThatThrownBy(() -> Inventory.load(write("a.yaml", "targets:\n  - server: sql01\n    databse: x\n")))
                .hasMessageContaining("a.yaml:2: unknown key 'databse'");
        assertThatThrownBy(() -> Inventory.load(write("b.yml", "targets:\n  - sql01\n  - databases: [x]\n")))
                .hasMessageContaining("b.yml:3: no SQL Server");
        assertThatThrownBy(() -> Inventory.load(write("c.yaml", "targets:\n  - server: sql01\n    password: x\n")))
                .hasMessageContaining("would hold a secret");
        assertThatThrownBy(() -> Inventory.load(write("d.yaml", "targets: [sql01\n")))
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void shardsAreDisjointCoverEverythingAndIgnoreRowOrder() throws IOException {
        List<String> names = IntStream.range(0, 103).mapToObj(i -> "sql" + i).toList();
        Inventory forward = Inventory.load(write("f.csv", "server\n" + String.join("\n", names)));
        Inventory backward = Inventory.load(write("b.csv", "server\n" + String.join("\n", names.reversed())));
        Set<String> seen = new HashSet<>();
        for (int k = 1; k <= 4; k++) {
            Shard s = Shard.parse(k + "/4");
            Set<String> a = displays(forward.shard(s));
            assertThat(a).isEqualTo(displays(backward.shard(s))).hasSizeBetween(25, 26);
            assertThat(seen).doesNotContainAnyElementsOf(a);
            seen.addAll(a);
        }
        assertThat(seen).hasSize(103);
        assertThatThrownBy(() -> Shard.parse("5/4")).hasMessageContaining("K/N");
        assertThatThrownBy(() -> Shard.parse("x")).hasMessageContaining("K/N");
    }

    private static Set<String> displays(Inventory inv) {
        return inv.entries().stream().map(e -> e.target().display()).collect(Collectors.toSet());
    }
}
