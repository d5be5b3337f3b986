// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import static dev.milink.core.check.database.DbFixture.run;
import static dev.milink.core.check.database.DbFixture.scripts;
import static dev.milink.core.check.database.DbFixture.set;
import static dev.milink.core.check.database.DbFixture.unreadable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Status;
import dev.milink.core.model.DatabaseFacts.Filegroup;
import dev.milink.core.model.Fact;
import java.util.List;
import org.junit.jupiter.api.Test;

class MilD12NoFilestreamTest {

    private final NoFilestreamCheck check = new NoFilestreamCheck();
    private static final List<Filegroup> WITH_FD = List.of(new Filegroup(1, "PRIMARY", "FG"),
            new Filegroup(2, "Docs", "FD"));

    @Test
    void filestreamFilegroupFails() {
        Finding f = run(check, d -> set(d, "filegroups", Fact.of(WITH_FD)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.evidence().observed()).contains("[Docs]", "0 FileTable(s)");
        assertThat(scripts(f, ScriptKind.TSQL)).contains("USE [Sales];", "is_filestream = 1");
    }

    @Test
    void fileTablesFail() {
        Finding f = run(check, d -> set(set(d, "filegroups", Fact.of(WITH_FD)), "fileTables", Fact.of(3)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("FILESTREAM and FileTables");
    }

    @Test
    void unreadableFilegroupsOrFileTablesAreUnknown() {
        unreadable(check, "filegroups", "offline");
        unreadable(check, "fileTables", "offline");
    }
}
