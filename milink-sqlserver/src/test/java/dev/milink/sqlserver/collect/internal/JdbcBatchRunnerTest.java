// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.secret.Secret;
import dev.milink.sandbox.engine.Column;
import dev.milink.sandbox.engine.LoginRequest;
import dev.milink.sandbox.engine.ResultSink;
import dev.milink.sandbox.engine.ScriptedSession;
import dev.milink.sandbox.engine.Session;
import dev.milink.sandbox.engine.SqlEngine;
import dev.milink.sandbox.engine.SqlError;
import dev.milink.sandbox.engine.SqlType;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.SandboxInstance;
import dev.milink.sandbox.server.SandboxServer;
import dev.milink.sqlserver.connect.Authentication;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlConnector;
import dev.milink.sqlserver.connect.SqlTarget;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * How mssql-jdbc surfaces errors in the middle of a multi-result batch, through the real driver and the sandbox's
 * TDS layer: a scripted engine answers every batch with a fixed sequence of results and errors, whatever the SQL.
 */
class JdbcBatchRunnerTest {

    private static final Column END = Column.of(Batches.END_COLUMN, SqlType.nvarchar(128));

    /** Replies to any batch with {@code script}; logs in "sa"/"pw". */
    private record ScriptedEngine(Consumer<ResultSink> script) implements SqlEngine {
        @Override
        public Session openSession(LoginRequest login) throws SqlError {
            if (!"pw".equals(login.password())) {
                throw SqlError.loginFailed(login.user());
            }
            return new ScriptedSession(login.user(), (sql, sink) -> script.accept(sink), (sql, sink) -> sink.done());
        }

        @Override
        public String productVersion() {
            return "16.0.4135.4";
        }
    }

    private static RawResults run(Consumer<ResultSink> script, String... sections) throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(InstanceDef.of("s", new ScriptedEngine(script)))) {
            SandboxInstance s = sandbox.instance("s");
            ConnectionSettings settings = ConnectionSettings.of(new SqlTarget(s.host(), s.port(), null),
                    new Authentication.SqlLogin("sa", Secret.of("pw"))).withEncrypt(false);
            RawResults raw = new RawResults();
            try (Connection c = SqlConnector.open(settings)) {
                long mark = s.requestLog().mark();
                List<Batches.Planned> planned = java.util.Arrays.stream(sections)
                        .map(n -> new Batches.Planned(n, "SELECT 1")).toList();
                JdbcBatchRunner.run(c, planned, Duration.ofSeconds(5), raw);
                assertThat(s.requestLog().roundTripsSince(mark)).isEqualTo(1);
            }
            return raw;
        }
    }

    /** A section that answered one row, one int column {@code v}, then its end marker. */
    private static void section(ResultSink sink, String section, int v) {
        sink.resultSet(List.of(Column.of("v", SqlType.INT)), List.<Object[]>of(new Object[] {v}));
        end(sink, section);
    }

    private static void end(ResultSink sink, String section) {
        sink.resultSet(List.of(END), List.<Object[]>of(new Object[] {section}));
    }

    @Test
    void errorBetweenResultSetsStopsOnlyItsSection() throws Exception {
        RawResults raw = run(sink -> {
            section(sink, "a", 1);
            sink.error(new SqlError(300, 1, 14, "VIEW SERVER STATE permission was denied on object 'server'."));
            end(sink, "b");
            section(sink, "c", 3);
        }, "a", "b", "c");
        assertThat(raw.get("a")).isEqualTo(new RawResults.Rows(List.of(RawFixture.row("v", 1))));
        assertThat(raw.get("b")).isEqualTo(new RawResults.Failed(300,
                "VIEW SERVER STATE permission was denied on object 'server'."));
        assertThat(raw.get("c")).isEqualTo(new RawResults.Rows(List.of(RawFixture.row("v", 3))));
    }

    @Test
    void errorFirstInTheBatchAndCaughtErrorRows() throws Exception {
        RawResults raw = run(sink -> {
            sink.error(new SqlError(229, 1, 14, "The SELECT permission was denied."));
            end(sink, "a");
            sink.resultSet(List.of(Column.of("milink_section", SqlType.nvarchar(128)),
                    Column.of(Batches.ERROR_COLUMN, SqlType.INT), Column.of(Batches.MESSAGE_COLUMN, SqlType.nvarchar(4000))),
                    List.<Object[]>of(new Object[] {"b", 208, "Invalid object name 'sys.dm_os_host_info'."}));
            end(sink, "b");
            sink.resultSet(List.of(Column.of("v", SqlType.INT)), List.of());
            end(sink, "c");
        }, "a", "b", "c");
        assertThat(raw.get("a")).isInstanceOf(RawResults.Failed.class);
        assertThat(raw.get("b")).isEqualTo(new RawResults.Failed(208, "Invalid object name 'sys.dm_os_host_info'."));
        assertThat(raw.get("c")).isEqualTo(new RawResults.Rows(List.of()));
    }

    @Test
    void batchThatStopsEarlyLeavesTheRestFailedWithAReason() throws Exception {
        RawResults raw = run(sink -> {
            section(sink, "a", 1);
            sink.error(new SqlError(208, 1, 16, "Invalid object name 'x'."));
        }, "a", "b", "c");
        assertThat(raw.get("a")).isInstanceOf(RawResults.Rows.class);
        assertThat(raw.get("b")).isEqualTo(new RawResults.Failed(208, "Invalid object name 'x'."));
        assertThat(raw.get("c")).isInstanceOfSatisfying(RawResults.Failed.class,
                f -> assertThat(f.message()).startsWith("the batch stopped before this query ran"));
    }
}
