// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.cms;

import dev.milink.core.error.MilinkException;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlConnector;
import dev.milink.sqlserver.connect.SqlExceptionTranslator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registered servers of a SQL Server Central Management Server, read from msdb's
 * {@code dbo.sysmanagement_shared_registered_servers} joined to {@code dbo.sysmanagement_shared_server_groups}
 * (the views SSMS and dbatools' {@code Get-DbaRegServer} read). Only reads; needs SELECT on those msdb views
 * (members of {@code ServerGroupReaderRole} have it).
 *
 * <pre>{@code
 * for (RegisteredServers.Server s : RegisteredServers.read(settings)) {
 *     System.out.println(String.join("/", s.groupPath()) + ": " + s.serverName());
 * }
 * }</pre>
 *
 * @since 0.2
 */
public final class RegisteredServers {

    private RegisteredServers() {
    }

    /**
     * A registered server.
     *
     * @param name        the display name in SSMS
     * @param serverName  the address SSMS connects to ({@code host}, {@code host\INSTANCE}, {@code host,port})
     * @param description free text
     * @param groupPath   the groups from the top (below the built-in root), e.g. {@code [Production, EMEA]}
     */
    public record Server(String name, String serverName, String description, List<String> groupPath) {
        public Server {
            groupPath = List.copyOf(groupPath);
        }
    }

    /**
     * Every Database Engine server registered on the CMS, in registration order.
     *
     * @throws MilinkException SQL_* when the CMS cannot be reached or the views cannot be read
     */
    public static List<Server> read(ConnectionSettings cms) {
        try (Connection c = SqlConnector.open(cms); Statement st = c.createStatement()) {
            Map<Integer, String> names = new HashMap<>();
            Map<Integer, Integer> parents = new HashMap<>();
            try (ResultSet rs = st.executeQuery(sql("server-groups.sql"))) {
                while (rs.next()) {
                    int id = rs.getInt("server_group_id");
                    int parent = rs.getInt("parent_id");
                    if (!rs.wasNull() && !rs.getBoolean("is_system_object")) {
                        parents.put(id, parent);
                        names.put(id, rs.getString("name"));
                    }
                }
            }
            List<Server> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(sql("registered-servers.sql"))) {
                while (rs.next()) {
                    out.add(new Server(rs.getString("name"), rs.getString("server_name"),
                            rs.getString("description"), path(rs.getInt("server_group_id"), names, parents)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate(e, cms.target().endpoint());
        }
    }

    /** The group names from the top, stopping at the built-in root (not in {@code names}). */
    private static List<String> path(int group, Map<Integer, String> names, Map<Integer, Integer> parents) {
        List<String> path = new ArrayList<>();
        Integer g = group;
        for (int depth = 0; g != null && names.containsKey(g) && depth < 100; depth++) {
            path.addFirst(names.get(g));
            g = parents.get(g);
        }
        return path;
    }

    private static String sql(String name) {
        try (InputStream in = RegisteredServers.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
