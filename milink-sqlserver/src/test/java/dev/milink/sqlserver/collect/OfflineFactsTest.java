// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect;

import dev.milink.core.error.CoreError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.core.error.MilinkException;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ServerFacts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineFactsTest {

    private static final String SERVER = "{\"_section\":\"server\",\"product_version\":\"15.0.4312.2\","
            + "\"product_level\":\"RTM\",\"product_update_level\":\"CU20\",\"product_update_reference\":null,"
            + "\"edition\":\"Standard Edition (64-bit)\",\"engine_edition\":2,\"version_banner\":\"Microsoft SQL Server 2019\","
            + "\"server_name\":\"SQL02\\\\PROD\",\"machine_name\":\"SQL02\",\"instance_name\":\"PROD\","
            + "\"collation\":\"Latin1_General_CI_AS\",\"is_clustered\":0,\"is_hadr_enabled\":0,\"is_sysadmin\":1,"
            + "\"has_view_server_state\":1,\"has_view_any_definition\":1,\"collected_at_utc\":\"2026-11-20T10:00:00.123\","
            + "\"utc_offset_minutes\":60}";

    /** What sqlcmd -h -1 -y 0 writes, noise included. */
    private static String output() {
        return String.join("\n",
                "{\"_section\":\"milink\",\"format\":1}",
                SERVER,
                "{\"_section\":\"server\",\"_end\":true}",
                "",
                "Msg 300, Level 14, State 1, Server SQL02\\PROD, Line 1",
                "{\"_section\":\"services\",\"_error\":300,\"_message\":\"VIEW SERVER STATE permission was denied on object 'server', database 'master'.\"}",
                "{\"_section\":\"services\",\"_end\":true}",
                "(1 rows affected)",
                "{\"_section\":\"trace_flags\",\"trace_flag\":1800,\"status\":1,",
                "  \"is_global\":1}",
                "{\"_section\":\"trace_flags\",\"_end\":true}",
                "{\"_section\":\"databases\",\"database_id\":5,\"name\":\"Продажи ]'\",\"state_desc\":\"ONLINE\","
                        + "\"is_read_only\":false,\"user_access_desc\":\"MULTI_USER\",\"is_auto_close_on\":false,"
                        + "\"recovery_model_desc\":\"FULL\",\"compatibility_level\":150,\"collation_name\":null,"
                        + "\"in_availability_group\":false,\"containment_desc\":\"NONE\",\"is_broker_enabled\":false,"
                        + "\"is_published\":false,\"is_subscribed\":false,\"is_merge_published\":false,"
                        + "\"is_distributor\":false,\"is_cdc_enabled\":false,\"is_accelerated_database_recovery_on\":false}",
                "{\"_section\":\"databases\",\"_end\":true}",
                "{\"_section\":\"log_space\",\"database_name\":\"Продажи ]'\",\"log_space_used_percent\":33.33}");
    }

    @Test
    void readsSqlcmdOutputIgnoringNoiseAndJoiningWrappedLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("facts.txt");
        Files.writeString(file, output(), StandardCharsets.UTF_8);
        ServerFacts f = OfflineFacts.read(file, "sql02\\PROD");
        assertThat(f.target()).isEqualTo("sql02\\PROD");
        assertThat(f.collectedAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00.123Z"));
        assertThat(f.product().orElse(null).updateLevel()).isEqualTo("CU20");
        assertThat(f.identity().orElse(null).instanceName()).isEqualTo("PROD");
        assertThat(f.services().reason()).startsWith("sys.dm_server_services needs VIEW SERVER STATE (error 300");
        assertThat(f.runningTraceFlags()).isEqualTo(Fact.of(java.util.Set.of(1800)));
        assertThat(f.databases().orElse(null).get(0).name()).isEqualTo("Продажи ]'");
        // the file ends before log_space's end marker: incomplete, so unknown
        assertThat(f.databases().orElse(null).get(0).logSpaceUsedPercent().reason()).contains("file cut off");
        assertThat(f.certificates().reason()).isEqualTo("master.sys.certificates was not collected");
    }

    @Test
    void readsUtf16WithByteOrderMark() {
        byte[] utf16 = ("\uFEFF" + output()).getBytes(StandardCharsets.UTF_16LE);
        ServerFacts f = OfflineFacts.parse(utf16, "facts.txt", "x", Instant.EPOCH);
        assertThat(f.databases().orElse(null).get(0).name()).isEqualTo("Продажи ]'");
    }

    @Test
    void rejectsFilesThatAreNotScriptOutput(@TempDir Path dir) throws Exception {
        assertInvalid("hello\n(1 rows affected)\n", "is not the output of milink's collect script");
        assertInvalid("{\"_section\":\"milink\",\"format\":99}\n" + SERVER, "format 99");
        assertInvalid("{\"_section\":\"milink\",\"format\":1}\n{\"_section\":\"databases\",\"_end\":true}",
                "no 'server' section");
        assertInvalid("{\"_section\":\"milink\",\"format\":1}\n{\"_section\":\"server\",\"product_ver",
                "never ends");
        assertInvalid("{\"_section\":\"milink\",\"format\":1}\n"
                + SERVER.replace("15.0.4312.2", "fifteen") + "\n{\"_section\":\"server\",\"_end\":true}",
                "cannot interpret");
        assertThatThrownBy(() -> OfflineFacts.read(dir.resolve("missing.txt"), "x"))
                .isInstanceOfSatisfying(MilinkException.class,
                        e -> assertThat(e.code()).isEqualTo(CoreError.FACTS_FILE_INVALID));
    }

    private static void assertInvalid(String content, String message) {
        assertThatThrownBy(() -> OfflineFacts.parse(content.getBytes(StandardCharsets.UTF_8), "facts.txt", "x",
                Instant.EPOCH))
                .isInstanceOfSatisfying(MilinkException.class, e -> {
                    assertThat(e.code()).isEqualTo(CoreError.FACTS_FILE_INVALID);
                    assertThat(e.getMessage()).contains(message).startsWith("facts.txt");
                });
    }
}
