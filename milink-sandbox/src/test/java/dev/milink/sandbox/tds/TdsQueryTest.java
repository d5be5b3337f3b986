// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.sandbox.engine.Column;
import dev.milink.sandbox.engine.ResultSink;
import dev.milink.sandbox.engine.SqlError;
import dev.milink.sandbox.engine.SqlType;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.RequestLog;
import dev.milink.sandbox.server.SandboxInstance;
import dev.milink.sandbox.server.SandboxServer;
import java.math.BigDecimal;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Batches, RPCs, result encoding, messages and errors, seen through the real mssql-jdbc driver. */
// a protocol mistake must fail the build, not hang it: a blocked socket read ignores interrupts
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TdsQueryTest {
    private static final StubEngine ENGINE = new StubEngine();
    private static final LocalDateTime WHEN = LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_700);
    private static final UUID ID = UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff");
    private static SandboxServer sandbox;
    private static SandboxInstance sql;
    private Connection connection;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxServer.start(InstanceDef.of("sql", ENGINE));
        sql = sandbox.instance("sql");
    }

    @AfterAll
    static void stop() { sandbox.close(); }

    @BeforeEach
    void connect() throws SQLException {
        connection = DriverManager.getConnection(sql.jdbcUrl() + ";databaseName=appdb;user=sa;password=pw");
    }

    @AfterEach
    void disconnect() throws SQLException { connection.close(); }

    @Test
    void batchWithSeveralResultSetsAndACount() throws Exception {
        ENGINE.on("SELECT a; UPDATE t SET x = 1; SELECT b", (p, sink) -> {
            sink.resultSet(List.of(Column.of("a", SqlType.INT)), List.of(new Object[] {1}, new Object[] {2}));
            sink.rowCount(ResultSink.StatementKind.UPDATE, 7);
            sink.resultSet(List.of(Column.of("b", SqlType.nvarchar(10))), List.<Object[]>of(new Object[] {"x"}));
        });
        try (Statement s = connection.createStatement()) {
            assertThat(s.execute("SELECT a; UPDATE t SET x = 1; SELECT b")).isTrue();
            assertThat(ints(s.getResultSet())).containsExactly(1, 2);
            assertThat(s.getMoreResults()).isFalse();
            assertThat(s.getUpdateCount()).isEqualTo(7);
            assertThat(s.getMoreResults()).isTrue();
            try (ResultSet rs = s.getResultSet()) {
                rs.next();
                assertThat(rs.getString("b")).isEqualTo("x");
            }
            assertThat(s.getMoreResults()).isFalse();
            assertThat(s.getUpdateCount()).isEqualTo(-1);
        }
    }

    @Test
    void everyColumnTypeRoundTrips() throws Exception {
        List<Column> columns = List.of(Column.of("ti", SqlType.TINYINT), Column.of("si", SqlType.SMALLINT),
                Column.of("i", SqlType.INT), Column.of("bi", SqlType.BIGINT), Column.of("b", SqlType.BIT),
                Column.of("d", SqlType.decimal(18, 4)), Column.of("f", SqlType.FLOAT),
                Column.of("nv", SqlType.nvarchar(20)), Column.of("nvmax", SqlType.NVARCHAR_MAX),
                Column.of("v", SqlType.varchar(20)), Column.of("dt", SqlType.DATETIME),
                Column.of("dt2", SqlType.DATETIME2), Column.of("dto", SqlType.DATETIMEOFFSET),
                Column.of("g", SqlType.UNIQUEIDENTIFIER), Column.of("vb", SqlType.varbinary(8)),
                Column.of("vbmax", SqlType.VARBINARY_MAX), Column.of("vs", SqlType.SQL_VARIANT),
                Column.of("vi", SqlType.SQL_VARIANT));
        OffsetDateTime offset = OffsetDateTime.of(WHEN, ZoneOffset.ofHoursMinutes(5, 30));
        Object[] values = {200, (short) -3, -123456, 1L << 40, true, new BigDecimal("-12345.6789"), 2.5,
            "héllo", "x".repeat(5000), "caf\u00e9", WHEN, WHEN, offset, ID, new byte[] {1, 2, 3},
            new byte[9000], "Enterprise Edition", 42};
        ENGINE.select("SELECT types", columns, values, new Object[columns.size()]);

        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT types")) {
            rs.next();
            assertThat(rs.getObject("ti")).isEqualTo((short) 200);
            assertThat(rs.getObject("si")).isEqualTo((short) -3);
            assertThat(rs.getObject("i")).isEqualTo(-123456);
            assertThat(rs.getObject("bi")).isEqualTo(1L << 40);
            assertThat(rs.getObject("b")).isEqualTo(true);
            assertThat(rs.getBigDecimal("d")).isEqualByComparingTo("-12345.6789");
            assertThat(rs.getObject("f")).isEqualTo(2.5);
            assertThat(rs.getString("nv")).isEqualTo("héllo");
            assertThat(rs.getString("nvmax")).hasSize(5000);
            assertThat(rs.getString("v")).isEqualTo("café");
            assertThat(rs.getTimestamp("dt")).isEqualTo(Timestamp.valueOf(WHEN.withNano(123_000_000)));
            assertThat(rs.getObject("dt2", LocalDateTime.class)).isEqualTo(WHEN);
            assertThat(rs.getObject("dto", OffsetDateTime.class)).isEqualTo(offset);
            assertThat(rs.getString("g")).isEqualToIgnoringCase(ID.toString());
            assertThat(rs.getBytes("vb")).containsExactly(1, 2, 3);
            assertThat(rs.getBytes("vbmax")).hasSize(9000);
            assertThat(rs.getObject("vs")).isEqualTo("Enterprise Edition");
            assertThat(rs.getObject("vi")).isEqualTo(42);
            assertThat(rs.getMetaData().getColumnTypeName(12)).isEqualTo("datetime2");

            rs.next();
            for (int i = 1; i <= columns.size(); i++) {
                assertThat(rs.getObject(i)).as("column %d", i).isNull();
            }
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void oneMegabyteResultSpansManyPackets() throws Exception {
        String value = "v".repeat(256);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2048; i++) {
            rows.add(new Object[] {i, value});
        }
        ENGINE.on("SELECT big", (p, sink) -> sink.resultSet(
                List.of(Column.of("n", SqlType.INT), Column.of("s", SqlType.nvarchar(256))), rows));
        int count = 0;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT big")) {
            while (rs.next()) {
                assertThat(rs.getInt(1)).isEqualTo(count++);
                assertThat(rs.getString(2)).isEqualTo(value);
            }
        }
        assertThat(count).isEqualTo(2048);
    }

    @Test
    void longStringParameterArrivesAsPlp() throws Exception {
        ENGINE.on("SELECT echo = @P0", (p, sink) -> sink.resultSet(List.of(Column.of("echo", SqlType.NVARCHAR_MAX)),
                List.<Object[]>of(new Object[] {p.get(0).value()})));
        String big = "ü".repeat(6000);
        try (PreparedStatement ps = connection.prepareStatement("SELECT echo = ?")) {
            ps.setString(1, big);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(big);
            }
        }
    }

    @Test
    void parameterTypesDecode() throws Exception {
        ENGINE.on("SELECT params @P0 @P1 @P2 @P3 @P4 @P5 @P6 @P7", (p, sink) -> sink.done());
        int before = ENGINE.receivedParams().size();
        try (PreparedStatement ps = connection.prepareStatement("SELECT params ? ? ? ? ? ? ? ?")) {
            ps.setInt(1, 7);
            ps.setLong(2, -8L);
            ps.setBoolean(3, true);
            ps.setBigDecimal(4, new BigDecimal("-3.25"));
            ps.setDouble(5, 1.5);
            ps.setObject(6, WHEN);
            ps.setBytes(7, new byte[] {9, 8});
            ps.setNull(8, java.sql.Types.INTEGER);
            ps.execute();
        }
        var params = ENGINE.receivedParams().get(before);
        assertThat(params).extracting(dev.milink.sandbox.engine.Session.Param::name)
                .containsExactly("@P0", "@P1", "@P2", "@P3", "@P4", "@P5", "@P6", "@P7");
        assertThat(params.get(0).value()).isEqualTo(7);
        assertThat(params.get(1).value()).isEqualTo(-8L);
        assertThat(params.get(2).value()).isEqualTo(true);
        assertThat((BigDecimal) params.get(3).value()).isEqualByComparingTo("-3.25");
        assertThat(params.get(4).value()).isEqualTo(1.5);
        assertThat(params.get(5).value()).isEqualTo(WHEN);
        assertThat((byte[]) params.get(6).value()).containsExactly(9, 8);
        assertThat(params.get(7).value()).isNull();
    }

    @Test
    void preparedStatementLifecycleIsVisibleInTheRequestLog() throws Exception {
        ENGINE.on("SELECT name FROM t WHERE id = @P0", (p, sink) -> sink.resultSet(
                List.of(Column.of("name", SqlType.nvarchar(10))), List.<Object[]>of(new Object[] {"n" + p.get(0).value()})));
        long mark = sql.requestLog().mark();
        try (PreparedStatement ps = connection.prepareStatement("SELECT name FROM t WHERE id = ?")) {
            for (int i = 1; i <= 3; i++) {
                ps.setInt(1, i);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("n" + i);
                }
            }
        }
        List<RequestLog.Request> rpcs = sql.requestLog().since(mark).stream()
                .filter(r -> r.kind() == RequestKind.RPC).toList();
        assertThat(rpcs).extracting(RequestLog.Request::procedure)
                .containsExactly("sp_executesql", "sp_prepexec", "sp_execute");
        assertThat(rpcs).extracting(RequestLog.Request::normalizedSql)
                .containsOnly("SELECT name FROM t WHERE id = @P0");
        assertThat(sql.requestLog().roundTripsSince(mark)).isEqualTo(3);
    }

    @Test
    void executeBatchSendsSeveralRpcsInOneRoundTrip() throws Exception {
        ENGINE.on("INSERT INTO t VALUES (@P0)", (p, sink) -> sink.rowCount(ResultSink.StatementKind.INSERT, 1));
        long mark = sql.requestLog().mark();
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO t VALUES (?)")) {
            for (int i = 0; i < 6; i++) {
                ps.setInt(1, i);
                ps.addBatch();
            }
            assertThat(ps.executeBatch()).containsExactly(1, 1, 1, 1, 1, 1);
        }
        // the driver runs the first two alone (sp_executesql, sp_prepexec), then packs the rest into one message
        List<RequestLog.Request> calls = sql.requestLog().since(mark);
        assertThat(calls).extracting(RequestLog.Request::procedure).containsExactly("sp_executesql", "sp_prepexec",
                "sp_execute", "sp_execute", "sp_execute", "sp_execute");
        assertThat(calls.subList(2, 6)).extracting(RequestLog.Request::message).containsOnly(calls.get(2).message());
        assertThat(sql.requestLog().roundTripsSince(mark)).isEqualTo(3);
    }

    @Test
    void infoMessagesBecomeWarningsInOrder() throws Exception {
        ENGINE.on("BACKUP DATABASE appdb TO URL = 'x' WITH STATS = 50", (p, sink) -> {
            sink.info(3211, 1, 0, "50 percent processed.");
            sink.info(3211, 1, 0, "100 percent processed.");
            sink.info(3014, 1, 0, "BACKUP DATABASE successfully processed 1 pages.");
            sink.done();
        });
        try (Statement s = connection.createStatement()) {
            s.execute("BACKUP DATABASE appdb TO URL = 'x' WITH STATS = 50");
            List<String> messages = new ArrayList<>();
            for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                messages.add(w.getErrorCode() + " " + w.getMessage());
            }
            assertThat(messages).containsExactly("3211 50 percent processed.", "3211 100 percent processed.",
                    "3014 BACKUP DATABASE successfully processed 1 pages.");
        }
    }

    @Test
    void errorMidBatchLeavesTheConnectionUsable() throws Exception {
        ENGINE.on("SELECT 1; SELECT nope; SELECT 2", (p, sink) -> {
            sink.resultSet(List.of(Column.of("", SqlType.INT)), List.<Object[]>of(new Object[] {1}));
            sink.error(new SqlError(208, 1, 16, "Invalid object name 'nope'."));
            sink.resultSet(List.of(Column.of("", SqlType.INT)), List.<Object[]>of(new Object[] {2}));
        });
        try (Statement s = connection.createStatement()) {
            assertThat(s.execute("SELECT 1; SELECT nope; SELECT 2")).isTrue();
            assertThat(ints(s.getResultSet())).containsExactly(1);
            assertThatThrownBy(s::getMoreResults).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo(208);
                assertThat(e.getMessage()).isEqualTo("Invalid object name 'nope'.");
            });
        }
        assertThat(TdsLoginTest.selectOne(connection)).isEqualTo(1);
    }

    @Test
    void errorInPreparedStatementLeavesTheConnectionUsable() throws Exception {
        ENGINE.on("SELECT x FROM missing WHERE id = @P0",
                (p, sink) -> sink.error(new SqlError(208, 1, 16, "Invalid object name 'missing'.")));
        try (PreparedStatement ps = connection.prepareStatement("SELECT x FROM missing WHERE id = ?")) {
            ps.setInt(1, 1);
            assertThatThrownBy(ps::executeQuery).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getErrorCode()).isEqualTo(208));
        }
        assertThat(TdsLoginTest.selectOne(connection)).isEqualTo(1);
    }

    @Test
    void useChangesTheCatalog() throws Exception {
        connection.setCatalog("otherdb");
        assertThat(connection.getCatalog()).isEqualTo("otherdb");
    }

    @Test
    void callableStatementBecomesExec() throws Exception {
        ENGINE.on("EXEC dbo.ping @P0", (p, sink) -> sink.resultSet(List.of(Column.of("r", SqlType.INT)),
                List.<Object[]>of(new Object[] {p.get(0).value()})));
        try (CallableStatement cs = connection.prepareCall("{call dbo.ping(?)}")) {
            cs.setInt(1, 5);
            try (ResultSet rs = cs.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(5);
            }
        }
    }

    @Test
    void transactionHousekeepingGoesToTheEngine() throws Exception {
        long mark = sql.requestLog().mark();
        connection.setAutoCommit(false);
        assertThat(TdsLoginTest.selectOne(connection)).isEqualTo(1);
        connection.commit();
        connection.setAutoCommit(true);
        assertThat(sql.requestLog().since(mark)).extracting(RequestLog.Request::normalizedSql)
                .contains("IF @@TRANCOUNT > 0 COMMIT TRAN");
    }

    private static List<Integer> ints(ResultSet rs) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }
}
