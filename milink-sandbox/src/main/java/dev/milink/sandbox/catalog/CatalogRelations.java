// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.catalog.view.CatalogView;
import dev.milink.sandbox.catalog.view.ViewRegistry;
import dev.milink.sandbox.engine.SqlError;
import dev.milink.sandbox.scenario.Scenario;
import java.util.List;

/**
 * Resolves a catalog object reference ({@code sys.databases}, {@code msdb.dbo.backupset}, {@code [db].sys.filegroups})
 * to the H2 relation that computes its rows: a call of the catalog table function with the view's columns and
 * types for this version. Raises what SQL Server raises for an unknown object (208), an offline database (942) or a
 * missing VIEW SERVER STATE (300, 297). New views need nothing here: they are found through {@link ViewRegistry}.
 */
final class CatalogRelations {
    private CatalogRelations() {}

    /** The H2 relation, or null to leave an unqualified name to H2 (a CTE, an alias, a #temp table). */
    static String relation(SessionContext ctx, List<String> parts, String written, boolean single)
            throws TsqlException {
        int n = parts.size();
        String object = parts.get(n - 1);
        String schema = n >= 2 && !parts.get(n - 2).isEmpty() ? parts.get(n - 2) : "dbo";
        String dbName = n >= 3 ? parts.get(n - 3) : ctx.database;
        Scenario s = ctx.scenario();
        Scenario.Database db = s.database(dbName);
        CatalogView v = ViewRegistry.find(s, schema, object);
        if (single && v == null) {
            return null; // a CTE, a derived table's alias or a user table: H2 decides (208 if unknown)
        }
        if (db == null || v == null || (v.scope() == CatalogView.Scope.MSDB && !"msdb".equalsIgnoreCase(db.name))) {
            throw TsqlException.of(208, 1, 16, "Invalid object name '" + written + "'.");
        }
        if (v.scope() == CatalogView.Scope.DATABASE && !db.online()) {
            throw TsqlException.of(942, 4, 14, "Database '" + db.name + "' cannot be opened because it is offline.");
        }
        String needed = switch (v.permission()) {
            case NONE -> null;
            case VIEW_SERVER_STATE -> "VIEW SERVER STATE";
            case VIEW_SERVER_PERFORMANCE_STATE -> s.majorVersion() >= 16 ? "VIEW SERVER PERFORMANCE STATE"
                    : "VIEW SERVER STATE";
        };
        if (needed != null && !ctx.instance.hasPermission(ctx.login, needed)
                && !ctx.instance.hasPermission(ctx.login, "VIEW SERVER STATE")) {
            throw new TsqlException(List.of(
                    new SqlError(300, 1, 14, needed + " permission was denied on object 'server', database "
                            + "'master'."),
                    new SqlError(297, 1, 16, "The user does not have permission to perform this action.")));
        }
        StringBuilder sb = new StringBuilder("(SELECT ");
        boolean first = true;
        for (CatalogView.ViewColumn c : v.columnsFor(s)) {
            sb.append(first ? "" : ", ");
            first = false;
            String q = SqlTranslator.quoteId(c.name());
            switch (c.type().kind()) {
                // string comparisons on catalog columns ignore case, like the default collation
                case NVARCHAR, VARCHAR -> sb.append(c.type().length() > 0
                        ? "CAST(" + q + " AS VARCHAR_IGNORECASE(" + c.type().length() + ")) AS " + q : q);
                case SQL_VARIANT -> sb.append("CAST(").append(q).append(" AS sql_variant) AS ").append(q);
                default -> sb.append(q);
            }
        }
        sb.append(" FROM MSSQL_CATALOG(").append(SqlTranslator.literal(ctx.key)).append(", ")
                .append(SqlTranslator.literal(v.schema() + "." + v.name())).append(", ").append(db.id).append("))");
        return sb.toString();
    }
}
