// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import static dev.milink.core.check.database.DbFixture.run;
import static dev.milink.core.check.database.DbFixture.scripts;
import static dev.milink.core.check.database.DbFixture.set;
import static dev.milink.core.check.database.DbFixture.unreadable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.model.DatabaseFacts.Filegroup;
import dev.milink.core.model.DatabaseFacts.Files;
import dev.milink.core.model.Fact;
import java.util.List;
import org.junit.jupiter.api.Test;

class MilD13InMemoryOltpTest {

    private final InMemoryOltpCheck check = new InMemoryOltpCheck();
    private static final Filegroup PRIMARY = new Filegroup(1, "PRIMARY", "FG");
    private static final Filegroup XTP = new Filegroup(2, "Hot", "FX");

    @Test
    void oneContainerIsAnUnknownBlockerBecauseTheTierIsNotRead() {
        Finding f = run(check, d -> set(set(d, "filegroups", Fact.of(List.of(PRIMARY, XTP))), "files",
                Fact.of(new Files(1, 1, 1, 1024, 256))));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.message()).contains("Business Critical", "[Hot]");
        assertThat(f.evidence().observed()).contains("1 container(s)");
        assertThat(scripts(f, ScriptKind.TSQL)).contains("sys.dm_db_xtp_table_memory_stats");
    }

    @Test
    void severalContainersFail() {
        Finding f = run(check, d -> set(set(d, "filegroups", Fact.of(List.of(PRIMARY, XTP))), "files",
                Fact.of(new Files(1, 1, 3, 1024, 256))));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("3 In-Memory OLTP containers");
    }

    @Test
    void containerCountIsNotTrustedNextToFilestream() {
        Finding f = run(check, d -> set(set(d, "filegroups", Fact.of(List.of(PRIMARY, XTP,
                new Filegroup(3, "Docs", "FD")))), "files", Fact.of(new Files(1, 1, 3, 1024, 256))));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.evidence().observed()).contains("container count not known");
    }

    @Test
    void unreadableFilegroupsAreUnknown() {
        unreadable(check, "filegroups", "offline");
    }
}
