// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * This instance as a Central Management Server: the server groups and registered servers SSMS keeps in msdb
 * ({@code dbo.sysmanagement_shared_server_groups}, {@code dbo.sysmanagement_shared_registered_servers}). The
 * groups here are the children of the built-in root group {@code DatabaseEngineServerGroup}.
 *
 * <pre>
 * centralManagement:
 *   groups:
 *     - name: Production
 *       servers: [{name: Sales, serverName: "sql01.contoso.local,1433"}]
 *       groups: [{name: EMEA, servers: [...]}]
 * </pre>
 */
public final class CentralManagement {
    public List<Group> groups = new ArrayList<>();

    /** A server group: registered servers and subgroups. */
    public static final class Group {
        public String name;
        public String description = "";
        public List<Registered> servers = new ArrayList<>();
        public List<Group> groups = new ArrayList<>();
    }

    /** A registered server: the display name in SSMS and the address it connects to. */
    public static final class Registered {
        public String name;
        public String serverName;
        public String description = "";
    }
}
