// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect;

import dev.milink.core.model.ServerFacts;
import dev.milink.core.model.SqlVersion;
import dev.milink.sqlserver.collect.internal.Batches;
import dev.milink.sqlserver.collect.internal.FactsMapper;
import dev.milink.sqlserver.collect.internal.JdbcBatchRunner;
import dev.milink.sqlserver.collect.internal.RawResults;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlConnector;
import dev.milink.sqlserver.connect.SqlExceptionTranslator;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * The mssql-jdbc collector. After login it sends at most two batches, however many databases the instance has:
 * round trip 1 runs every instance-level query (the variant for the version the login announced: LOGINACK's
 * version, read through {@code DatabaseMetaData.getDatabaseProductVersion()} without a round trip); round trip 2
 * runs the per-database query once per online user database, using three-part names, and is skipped when there is
 * none. A query that fails (permission, version) turns only its facts into {@code Fact.Unknown}.
 *
 * <pre>{@code
 * ServerFacts facts = new JdbcSqlServerCollector().collect(settings);
 * }</pre>
 *
 * @since 0.1
 */
public final class JdbcSqlServerCollector implements SqlServerCollector {

    private final Clock clock;

    public JdbcSqlServerCollector() {
        this(Clock.systemUTC());
    }

    /** With a clock for the collection time when the server does not report one. */
    public JdbcSqlServerCollector(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ServerFacts collect(ConnectionSettings settings) {
        String endpoint = settings.target().endpoint();
        try (Connection c = SqlConnector.open(settings)) {
            int major = SqlVersion.parse(c.getMetaData().getDatabaseProductVersion()).major();
            RawResults raw = new RawResults();
            JdbcBatchRunner.run(c, Batches.instance(major), settings.queryTimeout(), raw);
            List<Batches.DatabaseRef> dbs = FactsMapper.onlineUserDatabases(raw);
            if (!dbs.isEmpty()) {
                JdbcBatchRunner.run(c, Batches.databases(dbs), settings.queryTimeout(), raw);
            }
            return FactsMapper.map(settings.target().display(), raw, major, clock.instant());
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate(e, endpoint);
        }
    }
}
