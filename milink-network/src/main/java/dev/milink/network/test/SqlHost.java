// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * What the network test needs to know about SQL Server, read with a few quick queries (resources under
 * {@code sql/}): its machine name, whether its Agent can run PowerShell steps (Windows with Agent running), and its
 * DATABASE_MIRRORING endpoint.
 *
 * @param machineName   SERVERPROPERTY('MachineName')
 * @param windows       true on Windows, false on Linux, null when unknown
 * @param agentState    status_desc of the Agent service ("Running", "Stopped"…), null when unknown
 * @param endpointName  the mirroring endpoint's name, null when none exists
 * @param endpointState its state_desc
 * @param endpointPort  its TCP port
 */
record SqlHost(String machineName, Boolean windows, String agentState, String endpointName, String endpointState,
               Integer endpointPort) {

    /** Agent can run the PowerShell job: Windows, and Agent not known to be stopped. */
    boolean agentCanRunPowerShell() {
        return Boolean.TRUE.equals(windows) && (agentState == null || agentState.equalsIgnoreCase("Running"));
    }

    static SqlHost read(Connection c) throws SQLException {
        String machine = null;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SqlScripts.render("server_identity.sql"))) {
            if (rs.next()) {
                machine = rs.getString("machine_name");
            }
        }
        Boolean windows;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SqlScripts.render("host_platform.sql"))) {
            windows = rs.next() ? rs.getString("host_platform").toLowerCase(Locale.ROOT).startsWith("windows") : null;
        } catch (SQLException e) {
            windows = e.getErrorCode() == 208 ? Boolean.TRUE : null; // no sys.dm_os_host_info: SQL Server 2016, Windows
        }
        String agent = null;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SqlScripts.render("agent_service.sql"))) {
            if (rs.next()) {
                agent = rs.getString("status_desc");
            }
        } catch (SQLException e) {
            agent = null; // no VIEW SERVER STATE: unknown; starting the job will tell
        }
        String name = null;
        String state = null;
        Integer port = null;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(SqlScripts.render("mirroring_endpoint.sql"))) {
            if (rs.next()) {
                name = rs.getString("name");
                state = rs.getString("state_desc");
                int p = rs.getInt("port");
                port = rs.wasNull() ? null : p;
            }
        }
        return new SqlHost(machine, windows, agent, name, state, port);
    }

    static boolean hasMasterKey(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SqlScripts.render("master_key.sql"))) {
            return rs.next() && rs.getInt("master_keys") > 0;
        }
    }
}
