// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect;

import dev.milink.core.model.ServerFacts;
import dev.milink.sqlserver.connect.ConnectionSettings;

/**
 * Collects {@link ServerFacts} from one SQL Server over mssql-jdbc, in at most two round trips after login.
 * This is your starting point for reading an instance:
 *
 * <pre>{@code
 * ConnectionSettings s = ConnectionSettings.of(SqlTarget.parse("sql01,1433"), new Authentication.Integrated());
 * ServerFacts facts = SqlServerCollector.jdbc().collect(s);
 * }</pre>
 *
 * Where milink cannot connect, {@link CollectScript#text()} gives a script for SSMS/sqlcmd and
 * {@link OfflineFacts#read(java.nio.file.Path, String)} turns its output into the same facts.
 *
 * @since 0.1
 */
public interface SqlServerCollector {

    /**
     * Connects, collects, disconnects.
     *
     * @throws dev.milink.core.error.MilinkException with a CONNECT-class error code when it cannot connect or
     *     the instance cannot be read at all (individual unreadable facts become Fact.Unknown instead)
     */
    ServerFacts collect(ConnectionSettings settings);

    /** The collector that uses mssql-jdbc. */
    static SqlServerCollector jdbc() {
        return new JdbcSqlServerCollector();
    }
}
