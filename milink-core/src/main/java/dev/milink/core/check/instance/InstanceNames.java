// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.model.ServerFacts;
import dev.milink.core.model.ServerFacts.Identity;

/**
 * The names Windows tools use for this instance, derived from {@code SERVERPROPERTY('MachineName')} and
 * {@code SERVERPROPERTY('InstanceName')}. When the identity could not be read a default instance on the target
 * host is assumed and {@link #assumed()} says so, so scripts can warn before anyone runs them.
 *
 * @param serverInstance {@code MACHINE} or {@code MACHINE\INSTANCE}, as {@code Enable-SqlAlwaysOn -ServerInstance} wants
 * @param instanceName   {@code MSSQLSERVER} for the default instance, else the instance name
 * @param named          whether this is a named instance
 * @param assumed        whether the identity was unknown and a default instance was assumed
 */
record InstanceNames(String serverInstance, String instanceName, boolean named, boolean assumed) {

    private static final String DEFAULT = "MSSQLSERVER";

    static InstanceNames of(ServerFacts server) {
        return server.identity().asOptional().map(InstanceNames::of)
                .orElseGet(() -> new InstanceNames(server.target(), DEFAULT, false, true));
    }

    private static InstanceNames of(Identity id) {
        boolean named = id.instanceName() != null && !id.instanceName().isBlank()
                && !DEFAULT.equalsIgnoreCase(id.instanceName());
        String machine = id.machineName() != null ? id.machineName() : id.serverName();
        return named ? new InstanceNames(machine + "\\" + id.instanceName(), id.instanceName(), true, false)
                : new InstanceNames(machine, DEFAULT, false, false);
    }

    /** Windows service name of the database engine: MSSQLSERVER or MSSQL$NAME. */
    String engineService() {
        return named ? "MSSQL$" + instanceName : DEFAULT;
    }

    /** Windows service name of SQL Server Agent: SQLSERVERAGENT or SQLAgent$NAME. */
    String agentService() {
        return named ? "SQLAgent$" + instanceName : "SQLSERVERAGENT";
    }
}
