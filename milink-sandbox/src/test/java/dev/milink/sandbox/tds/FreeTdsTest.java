// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.sandbox.engine.Column;
import dev.milink.sandbox.engine.SqlType;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.SandboxInstance;
import dev.milink.sandbox.server.SandboxServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second opinion from an independent TDS client: FreeTDS's {@code tsql} (Debian package {@code freetds-bin}),
 * TDS 7.4 without encryption. Skipped when tsql is not installed, except on CI ({@code CI=true}), where its absence
 * fails the test.
 */
// a protocol mistake must fail the build, not hang it: a blocked socket read ignores interrupts
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FreeTdsTest {

    @Test
    void tsqlRunsAQueryAgainstTheSandbox(@TempDir Path dir) throws Exception {
        Path tsql = findTsql();
        StubEngine engine = new StubEngine()
                .select("SELECT name FROM sys.databases", List.of(Column.of("name", SqlType.nvarchar(128))),
                        new Object[] {"appdb_from_sandbox"});
        try (SandboxServer sandbox = SandboxServer.start(InstanceDef.of("freetds", engine))) {
            SandboxInstance instance = sandbox.instance("freetds");
            Path conf = dir.resolve("freetds.conf");
            Files.writeString(conf, """
                    [sandbox]
                        host = 127.0.0.1
                        port = %d
                        tds version = 7.4
                        encryption = off
                    """.formatted(instance.port()));
            Path input = dir.resolve("input.sql");
            Files.writeString(input, "SELECT name FROM sys.databases\ngo\nexit\n");
            Path output = dir.resolve("output.txt");
            ProcessBuilder pb = new ProcessBuilder(tsql.toString(), "-S", "sandbox", "-U", StubEngine.USER,
                    "-P", StubEngine.PASSWORD, "-D", "appdb")
                    .redirectInput(input.toFile()).redirectOutput(output.toFile()).redirectErrorStream(true);
            pb.environment().put("FREETDSCONF", conf.toString());
            pb.environment().remove("TDSVER");
            Process process = pb.start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(text).as("tsql output").contains("appdb_from_sandbox");
            assertThat(process.exitValue()).as("tsql exit status; output:%n%s", text).isZero();
            assertThat(instance.requestLog().requests(RequestKind.BATCH))
                    .extracting(r -> r.normalizedSql()).contains("SELECT name FROM sys.databases");
        }
    }

    private static Path findTsql() {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(entry, "tsql");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String reason = "FreeTDS 'tsql' is not on the PATH (Debian: apt-get install freetds-bin)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(reason + "; CI must provide it");
        }
        Assumptions.abort(reason);
        return null;
    }
}
