// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.view;

import dev.milink.sandbox.catalog.view.CatalogView.Scope;
import dev.milink.sandbox.scenario.CentralManagement;
import dev.milink.sandbox.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Central Management Server views in msdb: {@code dbo.sysmanagement_shared_server_groups} and
 * {@code dbo.sysmanagement_shared_registered_servers}, from the scenario's {@code centralManagement:} section.
 * SQL Server always has the built-in root groups (server_type 0 = Database Engine, 1 = Analysis Services,
 * 2 = Reporting Services, 3 = Integration Services, 4 = SQL Server Compact); the scenario's groups hang below
 * {@code DatabaseEngineServerGroup}. Ids are handed out depth first, groups before their servers.
 */
final class CmsViews {
    private CmsViews() {}

    private static final String[] ROOTS = {"DatabaseEngineServerGroup", "AnalysisServicesServerGroup",
        "ReportingServerGroup", "IntegrationServerGroup", "SqlServerCompactEditionServerGroup"};

    static List<CatalogView> all() {
        return List.of(groups(), servers());
    }

    private static CatalogView groups() {
        return CatalogView.builder("dbo", "sysmanagement_shared_server_groups", Scope.MSDB)
                .columns("""
                        server_group_id int, name sysname, description nvarchar(2048), server_type int,
                        parent_id int, is_system_object bit, num_server_group_children int,
                        num_registered_server_children int
                        """)
                .rows(ctx -> tree(ctx.scenario()).groups);
    }

    private static CatalogView servers() {
        return CatalogView.builder("dbo", "sysmanagement_shared_registered_servers", Scope.MSDB)
                .columns("""
                        server_id int, server_group_id int, name sysname, server_name sysname,
                        description nvarchar(2048), server_type int
                        """)
                .rows(ctx -> tree(ctx.scenario()).servers);
    }

    private record Tree(List<Map<String, Object>> groups, List<Map<String, Object>> servers) {}

    private static Tree tree(Scenario s) {
        Tree t = new Tree(new ArrayList<>(), new ArrayList<>());
        List<CentralManagement.Group> top = s.centralManagement == null ? List.of() : s.centralManagement.groups;
        for (int type = 0; type < ROOTS.length; type++) {
            t.groups.add(Row.of().set("server_group_id", type + 1).set("name", ROOTS[type]).set("description", "")
                    .set("server_type", type).set("parent_id", null).set("is_system_object", true)
                    .set("num_server_group_children", type == 0 ? top.size() : 0)
                    .set("num_registered_server_children", 0).map());
        }
        int[] ids = {ROOTS.length, 0};
        for (CentralManagement.Group g : top) {
            add(t, g, 1, ids);
        }
        return t;
    }

    private static void add(Tree t, CentralManagement.Group g, int parent, int[] ids) {
        int id = ++ids[0];
        t.groups.add(Row.of().set("server_group_id", id).set("name", g.name).set("description", g.description)
                .set("server_type", 0).set("parent_id", parent).set("is_system_object", false)
                .set("num_server_group_children", g.groups.size())
                .set("num_registered_server_children", g.servers.size()).map());
        for (CentralManagement.Registered r : g.servers) {
            t.servers.add(Row.of().set("server_id", ++ids[1]).set("server_group_id", id).set("name", r.name)
                    .set("server_name", r.serverName).set("description", r.description).set("server_type", 0).map());
        }
        for (CentralManagement.Group child : g.groups) {
            add(t, child, id, ids);
        }
    }
}
