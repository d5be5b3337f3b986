// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.core.error.MilinkException;
import dev.milink.core.link.LinkRunState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkStateFileTest {

    private static final Instant T = Instant.parse("2026-06-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void roundTripOwnerOnlyAndNoSecrets() throws Exception {
        LinkStateFile f = LinkStateFile.forLink(dir.resolve("state"), "sql01:1433", "/subscriptions/x/mi", "DAG_Sales");
        assertThat(f.load()).isEmpty();
        LinkRunState s = LinkRunState.start("create", "DAG_Sales", T).withDone("create/Sales/ag", T.plusSeconds(1))
                .withPausedJobs(List.of("6F9619FF-8B86-D011-B42D-00C04FC964FF"), T.plusSeconds(2))
                .failed("create/Sales/dag", "refused", T.plusSeconds(3));
        f.save(s);
        assertThat(f.load()).contains(s);
        assertThat(Files.getPosixFilePermissions(f.path())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(f.path().getFileName().toString()).matches("link-[0-9a-f]{16}\\.json");
        assertThat(LinkStateFile.forLink(dir, "SQL01:1433", "/subscriptions/X/mi", "DAG_Sales").path().getFileName())
                .isEqualTo(f.path().getFileName());
        f.delete();
        assertThat(f.load()).isEmpty();
    }

    @Test
    void aBrokenFileIsOneClearError() throws Exception {
        Path p = dir.resolve("bad.json");
        Files.writeString(p, "{\"schema\": 1, \"operation\": 5");
        assertThatThrownBy(() -> new LinkStateFile(p).load()).isInstanceOf(MilinkException.class)
                .hasMessageContaining("not readable").hasMessageContaining("move it away");
    }
}
