// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.sandbox.engine.Column;
import dev.milink.sandbox.engine.Faults;
import dev.milink.sandbox.engine.SqlType;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.SandboxInstance;
import dev.milink.sandbox.server.SandboxServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ATTENTION (query timeout, cancel) and the per-instance faults: latency, login delay, dropped connections. */
// a protocol mistake must fail the build, not hang it: a blocked socket read ignores interrupts
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TdsCancelAndFaultsTest {
    private static final StubEngine ENGINE = new StubEngine();
    private static final String CREDENTIALS = ";databaseName=appdb;user=sa;password=pw";
    private static SandboxServer sandbox;
    private static SandboxInstance sql;

    @BeforeAll
    static void start() throws Exception {
        // a statement that runs until the client gives up (10 s at most)
        ENGINE.on("WAITFOR DELAY '00:00:10'", (p, sink) -> {
            try {
                sink.awaitCancelled(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sink.done();
        });
        sandbox = SandboxServer.start(InstanceDef.of("sql", ENGINE));
        sql = sandbox.instance("sql");
    }

    @AfterAll
    static void stop() { sandbox.close(); }

    @AfterEach
    void resetFaults() { sql.setFaults(Faults.NONE); }

    @Test
    void queryTimeoutYieldsTheDriversMessageAndAUsableConnection() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            long started = System.nanoTime();
            assertThatThrownBy(() -> s.execute("WAITFOR DELAY '00:00:10'"))
                    .isInstanceOf(SQLException.class).hasMessage("The query has timed out.");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(sql.requestLog().requests(RequestKind.ATTENTION)).isNotEmpty();
            assertThat(TdsLoginTest.selectOne(c)).isEqualTo(1);
        }
    }

    @Test
    void cancelFromAnotherThread() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        ENGINE.on("EXEC long_running", (p, sink) -> {
            running.countDown();
            try {
                sink.awaitCancelled(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sink.done();
        });
        try (Connection c = connect(); Statement s = c.createStatement()) {
            Thread canceller = Thread.ofVirtual().start(() -> {
                try {
                    if (running.await(5, TimeUnit.SECONDS)) {
                        s.cancel();
                    }
                } catch (InterruptedException | SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThatThrownBy(() -> s.execute("EXEC long_running"))
                    .isInstanceOf(SQLException.class).hasMessage("The query was canceled.");
            canceller.join();
            assertThat(TdsLoginTest.selectOne(c)).isEqualTo(1);
        }
    }

    @Test
    void attentionAfterTheReplyIsAcknowledgedOnItsOwn() throws Exception {
        ENGINE.select("SELECT quick", List.of(Column.of("q", SqlType.INT)), new Object[] {1});
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SELECT quick");
            s.cancel(); // the reply is complete: the driver still sends ATTENTION only if a request is pending
            assertThat(TdsLoginTest.selectOne(c)).isEqualTo(1);
        }
    }

    @Test
    void roundTripLatencyIsAddedBeforeEachReply() throws Exception {
        try (Connection c = connect()) {
            sql.setFaults(new Faults(Duration.ofMillis(300), Duration.ZERO, 0, List.of()));
            long started = System.nanoTime();
            TdsLoginTest.selectOne(c);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void loginDelayIsAddedBeforeTheLoginReply() throws Exception {
        sql.setFaults(new Faults(Duration.ZERO, Duration.ofMillis(400), 0, List.of()));
        long started = System.nanoTime();
        try (Connection c = connect()) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
            sql.setFaults(Faults.NONE);
            started = System.nanoTime();
            TdsLoginTest.selectOne(c);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(400));
        }
    }

    @Test
    void connectionIsDroppedAfterNRequests() throws Exception {
        sql.setFaults(new Faults(Duration.ZERO, Duration.ZERO, 2, List.of()));
        try (Connection c = connect()) {
            TdsLoginTest.selectOne(c);
            TdsLoginTest.selectOne(c);
            assertThatThrownBy(() -> TdsLoginTest.selectOne(c)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("connection");
            assertThat(c.isValid(1)).isFalse();
        }
        try (Connection c = connect()) { // a new connection gets its own count
            assertThat(TdsLoginTest.selectOne(c)).isEqualTo(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(sql.jdbcUrl() + CREDENTIALS);
    }
}
