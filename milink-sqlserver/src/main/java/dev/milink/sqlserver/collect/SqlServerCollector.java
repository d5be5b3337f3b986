// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect;

import dev.milink.core.model.ServerFacts;
import dev.milink.sqlserver.connect.ConnectionSettings;

/**
 * Collects {@link ServerFacts} from one SQL Server over mssql-jdbc, in at most two round trips after login.
 * Contract shared by the CLI and the collector; the collector engineer implements it.
 */
public interface SqlServerCollector {

    /**
     * Connects, collects, disconnects.
     *
     * @throws dev.milink.core.error.MilinkException with a CONNECT-class error code when it cannot connect or
     *     the instance cannot be read at all (individual unreadable facts become Fact.Unknown instead)
     */
    ServerFacts collect(ConnectionSettings settings);
}
