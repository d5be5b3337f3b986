// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.test;

import dev.milink.sqlserver.connect.SqlError;
import dev.milink.core.error.MilinkException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Reads {@link MiFabric} from a managed instance's {@code sys.dm_hadr_fabric_*} views (queries in resources). */
final class FabricReader {

    private FabricReader() {
    }

    static MiFabric read(Connection mi, String endpoint) throws SQLException {
        Map<String, String> params = new HashMap<>();
        String instanceName = null;
        try (Statement st = mi.createStatement();
             ResultSet rs = st.executeQuery(SqlScripts.render("fabric_parameters.sql"))) {
            while (rs.next()) {
                String section = rs.getString("section_name");
                String name = rs.getString("parameter_name");
                String value = rs.getString("parameter_value");
                if ("InstanceName".equalsIgnoreCase(name)) {
                    if (instanceName == null || "SQL".equalsIgnoreCase(section)) {
                        instanceName = value; // the SQL section's value wins, as spec §2.1 says
                    }
                } else {
                    params.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
                }
            }
        }
        String dns = required(params.get("dnsrecordname"), "DnsRecordName", endpoint);
        String cluster = required(params.get("clustername"), "ClusterName", endpoint);
        String portText = required(params.get("hadrport"), "HadrPort", endpoint);
        required(instanceName, "InstanceName", endpoint);
        int port;
        try {
            port = Integer.parseInt(portText.trim());
        } catch (NumberFormatException e) {
            throw notAManagedInstance(endpoint, "HadrPort is '" + portText + "', not a port number");
        }
        String node = null;
        try (Statement st = mi.createStatement();
             ResultSet rs = st.executeQuery(SqlScripts.render("fabric_primary.sql"))) {
            while (rs.next()) {
                String service = rs.getString("service_name");
                String appName = service.substring(service.lastIndexOf('/') + 1);
                if (appName.equalsIgnoreCase(instanceName)) {
                    String address = rs.getString("replica_address");
                    int slash = address.indexOf('\\');
                    node = slash < 0 ? address : address.substring(0, slash);
                    break;
                }
            }
        }
        if (node == null || node.isBlank()) {
            throw notAManagedInstance(endpoint, "no primary replica (replica_role 2) of the ManagedServer partition '"
                    + instanceName + "' in sys.dm_hadr_fabric_replicas");
        }
        return new MiFabric(dns.trim(), node.trim() + "." + cluster.trim(), port, instanceName);
    }

    private static String required(String value, String name, String endpoint) {
        if (value == null || value.isBlank()) {
            throw notAManagedInstance(endpoint, "the fabric parameter " + name + " is missing");
        }
        return value;
    }

    private static MilinkException notAManagedInstance(String endpoint, String why) {
        return new MilinkException(SqlError.SQL_QUERY_FAILED, "Cannot read the link endpoints of the managed"
                + " instance at " + endpoint + ": " + why + ". Check that --mi names an Azure SQL Managed Instance and"
                + " that the login has VIEW SERVER STATE.");
    }
}
